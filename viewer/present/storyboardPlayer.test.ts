import { describe, expect, it } from 'vitest';
import { type PlayerAction, type PlayerState, initialPlayer, playerReducer, remainingMs } from './storyboardPlayer.ts';

const durations = [10_000, 5_000, 8_000];
const run = (state: PlayerState, ...actions: PlayerAction[]) => actions.reduce((s, a) => playerReducer(durations, s, a), state);
const drawn = (now: number): PlayerAction => ({ type: 'view-drawn', now });

describe('storyboard player', () => {
  it('plays each scene for its duration from when its view is drawn, and loops back to the first', () => {
    let state = initialPlayer({ autoplay: true, loop: true });
    // Still loading: the first scene's time has not started, however long that takes.
    expect(remainingMs(durations, state, 30_000)).toBe(Infinity);
    expect(run(state, { type: 'tick', now: 30_000 }).index).toBe(0);
    state = run(state, drawn(2_000));
    expect(remainingMs(durations, state, 6_000)).toBe(6_000);
    state = run(state, { type: 'tick', now: 11_999 });
    expect(state.index).toBe(0);
    const seen: number[] = [];
    for (const [tick, view] of [
      [12_000, 13_000],
      [18_000, 18_500],
      [26_500, 27_000],
    ] as const) {
      state = run(state, { type: 'tick', now: tick });
      seen.push(state.index);
      expect(remainingMs(durations, state, tick + 60_000)).toBe(Infinity);
      state = run(state, drawn(view));
    }
    expect(seen).toEqual([1, 2, 0]);
  });

  it('counts a view drawn only once per scene', () => {
    const state = run(initialPlayer({ autoplay: true, loop: true }), drawn(0), drawn(4_000));
    expect(remainingMs(durations, state, 4_000)).toBe(6_000);
  });

  it('shows a one-scene storyboard again at once, its view being drawn', () => {
    const single = [6_000];
    const state = [drawn(1_000), { type: 'tick', now: 7_000 } as const].reduce((s, a) => playerReducer(single, s, a), initialPlayer({ autoplay: true, loop: true }));
    expect(state).toMatchObject({ index: 0, viewDrawn: true });
    expect(remainingMs(single, state, 8_000)).toBe(5_000);
  });

  it('stops on the last scene when not looping', () => {
    const state = run(
      initialPlayer({ autoplay: true, loop: false }),
      drawn(0),
      { type: 'tick', now: 10_000 },
      drawn(10_000),
      { type: 'tick', now: 15_000 },
      drawn(15_000),
      { type: 'tick', now: 23_000 },
    );
    expect(state).toMatchObject({ index: 2, playing: false });
    expect(run(state, { type: 'next', now: 24_000 }).index).toBe(2);
  });

  it('keeps the time shown across a pause, and a view drawn while paused counts from play', () => {
    const state = run(initialPlayer({ autoplay: true, loop: true }), drawn(0), { type: 'pause', now: 4_000 }, { type: 'tick', now: 60_000 });
    expect(state).toMatchObject({ index: 0, playing: false });
    expect(remainingMs(durations, state, 60_000)).toBe(Infinity);
    const resumed = run(state, { type: 'play', now: 100_000 });
    expect(remainingMs(durations, resumed, 101_000)).toBe(5_000);
    expect(run(resumed, { type: 'tick', now: 106_000 }).index).toBe(1);

    const drawnWhilePaused = run(initialPlayer({ autoplay: false, loop: true }), drawn(1_000), { type: 'play', now: 50_000 });
    expect(remainingMs(durations, drawnWhilePaused, 52_000)).toBe(8_000);
  });

  it('steps by hand, wrapping only when looping, and restarts the scene time', () => {
    const paused = initialPlayer({ autoplay: false, loop: true });
    expect(run(paused, { type: 'previous', now: 1 }).index).toBe(2);
    expect(run(paused, { type: 'toggle-loop', now: 1 }, { type: 'previous', now: 1 }).index).toBe(0);
    const playing = run(initialPlayer({ autoplay: true, loop: true }), drawn(0), { type: 'next', now: 7_000 }, drawn(7_000));
    expect(remainingMs(durations, playing, 8_000)).toBe(4_000);
    expect(run(playing, { type: 'go-to', index: 9, now: 8_000 }).index).toBe(2);
  });
});
