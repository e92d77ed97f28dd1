/**
 * Playback of a storyboard as a pure state machine, so the timing is testable without a
 * browser: the scene on show, whether it is playing, whether it loops, and how much of the
 * scene's time has passed. A scene's time counts only while playing and once its view is drawn
 * (the camera there and its tiles loaded): on a wall that has just started, or over a slow
 * line, the first scene is not over before anyone has seen it. Pausing keeps what has passed.
 */
export interface PlayerState {
  index: number;
  playing: boolean;
  loop: boolean;
  /** Whether the current scene's view has been drawn. */
  viewDrawn: boolean;
  /** Milliseconds of the current scene counted before `resumedAt`. */
  shownMs: number;
  /** When the scene's time last started counting (ms, any monotonic clock); null while it does not. */
  resumedAt: number | null;
}

export type PlayerAction =
  | { type: 'play' | 'pause' | 'next' | 'previous' | 'toggle-loop' | 'tick' | 'view-drawn'; now: number }
  | { type: 'go-to'; index: number; now: number };

export function initialPlayer(options: { autoplay: boolean; loop: boolean }): PlayerState {
  return { index: 0, playing: options.autoplay, loop: options.loop, viewDrawn: false, shownMs: 0, resumedAt: null };
}

/** `durations` are the scenes' lengths in milliseconds. */
export function playerReducer(durations: readonly number[], state: PlayerState, action: PlayerAction): PlayerState {
  const count = durations.length;
  const showScene = (index: number): PlayerState => {
    // The same scene shown again (a one-scene loop, "previous" on the first) is drawn already.
    const viewDrawn = index === state.index && state.viewDrawn;
    return { ...state, index, viewDrawn, shownMs: 0, resumedAt: state.playing && viewDrawn ? action.now : null };
  };
  switch (action.type) {
    case 'play':
      return state.playing ? state : { ...state, playing: true, resumedAt: state.viewDrawn ? action.now : null };
    case 'pause':
      return state.playing ? { ...state, playing: false, shownMs: shownMs(state, action.now), resumedAt: null } : state;
    case 'view-drawn':
      return state.viewDrawn ? state : { ...state, viewDrawn: true, resumedAt: state.playing ? action.now : null };
    case 'toggle-loop':
      return { ...state, loop: !state.loop };
    case 'next':
      return showScene(state.loop ? (state.index + 1) % count : Math.min(state.index + 1, count - 1));
    case 'previous':
      return showScene(state.loop ? (state.index - 1 + count) % count : Math.max(state.index - 1, 0));
    case 'go-to':
      return showScene(Math.min(Math.max(action.index, 0), count - 1));
    case 'tick': {
      if (remainingMs(durations, state, action.now) > 0) return state;
      const last = state.index === count - 1;
      if (last && !state.loop) return { ...state, playing: false, shownMs: durations[state.index]!, resumedAt: null };
      return showScene(last ? 0 : state.index + 1);
    }
  }
}

function shownMs(state: PlayerState, now: number): number {
  return state.shownMs + (state.resumedAt === null ? 0 : now - state.resumedAt);
}

/** How long the current scene still stays; Infinity while its time does not count. */
export function remainingMs(durations: readonly number[], state: PlayerState, now: number): number {
  if (state.resumedAt === null) return Infinity;
  return Math.max(0, durations[state.index]! - shownMs(state, now));
}
