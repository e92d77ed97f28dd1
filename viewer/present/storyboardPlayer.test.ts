import { describe, expect, it } from 'vitest';
import { type PlayerAction, type PlayerState, initialPlayer, playerReducer, remainingMs } from './storyboardPlayer.ts';

const durations = [10_000, 5_000, 8_000];
const run = (state: PlayerState, ...actions: PlayerAction[]) => actions.reduce((s, a) => playerReducer(durations, s, a), state);

describe('storyboard player', () => {
  it('plays each scene for its duration and loops back to the first', () => {
    let state = initialPlayer({ autoplay: true, loop: true, now: 0 });
    expect(remainingMs(durations, state, 4_000)).toBe(6_000);
    state = run(state, { type: 'tick', now: 9_999 });
    expect(state.index).toBe(0);
    const seen: number[] = [];
    for (const now of [10_000, 15_000, 23_000]) seen.push((state = run(state, { type: 'tick', now })).index);
    expect(seen).toEqual([1, 2, 0]);
  });

  it('stops on the last scene when not looping', () => {
    const state = run(initialPlayer({ autoplay: true, loop: false, now: 0 }), { type: 'tick', now: 10_000 }, { type: 'tick', now: 15_000 }, { type: 'tick', now: 23_000 });
    expect(state).toMatchObject({ index: 2, playing: false });
    expect(run(state, { type: 'next', now: 24_000 }).index).toBe(2);
  });

  it('keeps the time shown across a pause', () => {
    const state = run(initialPlayer({ autoplay: true, loop: true, now: 0 }), { type: 'pause', now: 4_000 }, { type: 'tick', now: 60_000 });
    expect(state).toMatchObject({ index: 0, playing: false });
    expect(remainingMs(durations, state, 60_000)).toBe(Infinity);
    const resumed = run(state, { type: 'play', now: 100_000 });
    expect(remainingMs(durations, resumed, 101_000)).toBe(5_000);
    expect(run(resumed, { type: 'tick', now: 106_000 }).index).toBe(1);
  });

  it('steps by hand, wrapping only when looping, and restarts the scene time', () => {
    const paused = initialPlayer({ autoplay: false, loop: true, now: 0 });
    expect(run(paused, { type: 'previous', now: 1 }).index).toBe(2);
    expect(run(paused, { type: 'toggle-loop', now: 1 }, { type: 'previous', now: 1 }).index).toBe(0);
    const playing = run(initialPlayer({ autoplay: true, loop: true, now: 0 }), { type: 'next', now: 7_000 });
    expect(remainingMs(durations, playing, 8_000)).toBe(4_000);
    expect(run(playing, { type: 'go-to', index: 9, now: 8_000 }).index).toBe(2);
  });
});
