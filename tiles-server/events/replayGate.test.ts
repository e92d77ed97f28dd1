import { describe, expect, it } from 'vitest';
import { ReplayGate } from './replayGate.ts';

describe('replay gate', () => {
  it('runs at most its size at once, the rest in the order they came, and frees its places after failures', async () => {
    const gate = new ReplayGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (i: number) =>
      gate.run(async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        order.push(i);
        if (i === 1) throw new Error('a failed read');
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => work(i)));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await work(9)).toBe(9);
  });
});
