import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Storyboard, StoryboardEntry } from '../../layers/index.ts';
import { fetchStoryboard } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';
import { initialPlayer, playerReducer, remainingMs } from './storyboardPlayer.ts';

export function useStoryboard(id: string): { storyboard?: StoryboardEntry; missing: boolean; error?: string } {
  const { data, error } = useFetched((signal) => fetchStoryboard(id, signal), [id]);
  return { storyboard: data ?? undefined, missing: data === null, error };
}

export type PlayerCommand = 'play' | 'pause' | 'next' | 'previous' | 'toggle-loop';

/** The longest a scene waits for its view to be drawn before its time counts anyway (a tile server down, say). */
const MAX_VIEW_WAIT_MS = 20_000;

/**
 * Plays a storyboard: the scene on show and the controls; a timer moves on when a scene's time
 * is up. `viewDrawn` is to be called when the scene's view is drawn.
 */
export function useStoryboardPlayer(storyboard: Storyboard, autoplay: boolean) {
  const durations = useMemo(() => storyboard.scenes.map((scene) => scene.durationSeconds * 1000), [storyboard]);
  const [state, dispatch] = useReducer(
    (current: ReturnType<typeof initialPlayer>, action: Parameters<typeof playerReducer>[2]) => playerReducer(durations, current, action),
    { autoplay, loop: true },
    initialPlayer,
  );
  const viewDrawn = useCallback(() => dispatch({ type: 'view-drawn', now: performance.now() }), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each scene gets its own wait for its view.
  useEffect(() => {
    if (state.viewDrawn) return;
    const timer = setTimeout(viewDrawn, MAX_VIEW_WAIT_MS);
    return () => clearTimeout(timer);
  }, [state.index, state.viewDrawn, viewDrawn]);
  useEffect(() => {
    const now = performance.now();
    const wait = remainingMs(durations, state, now);
    if (wait === Infinity) return;
    // A timer may fire a little before its time by the page clock; the tick is dated no earlier
    // than the scene's end, or it would change nothing and no timer would be set again.
    const timer = setTimeout(() => dispatch({ type: 'tick', now: Math.max(performance.now(), now + wait) }), wait);
    return () => clearTimeout(timer);
  }, [durations, state]);
  const act = useCallback((type: PlayerCommand) => dispatch({ type, now: performance.now() }), []);
  return { state, scene: storyboard.scenes[state.index]!, act, viewDrawn };
}

/**
 * Kiosk mode asks for full screen at once (granted where the browser runs as a kiosk or allows
 * it) and again on the first touch, since browsers grant it only to a user gesture.
 */
export function useKioskFullscreen(kiosk: boolean) {
  useEffect(() => {
    if (!kiosk) return;
    const enter = () => {
      if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
    };
    enter();
    window.addEventListener('pointerdown', enter, { once: true });
    return () => window.removeEventListener('pointerdown', enter);
  }, [kiosk]);
}

/** A presenter's clicker or keyboard: arrows and page keys step, space plays and pauses. */
export function usePresenterKeys(act: (type: PlayerCommand) => void, playing: boolean) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') act('next');
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') act('previous');
      else if (event.key === ' ') act(playing ? 'pause' : 'play');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, playing]);
}
