import { describe, expect, it } from 'vitest';
import { GroupCommit } from './groupCommit.ts';

/** A fake transactional log: writes land in `pending` and move to `committed` on commit. */
function fakeStore() {
  const log = { committed: [] as string[], pending: [] as string[], commits: 0 };
  const group = new GroupCommit<{ write: (value: string) => Promise<void> }>({
    begin: async () => void (log.pending = []),
    commit: async () => {
      log.committed.push(...log.pending);
      log.commits++;
    },
    rollback: async () => void (log.pending = []),
    context: () => ({ context: { write: async (value) => void log.pending.push(value) }, committed: () => undefined }),
  });
  return { log, group };
}

describe('group commit', () => {
  it('commits a burst of writes in fewer transactions than writes, each answered', async () => {
    const { log, group } = fakeStore();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => group.submit(async (tx) => {
          await tx.write(`w${i}`);
          return i;
        })));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(log.committed).toEqual(Array.from({ length: 20 }, (_, i) => `w${i}`));
    expect(log.commits).toBeLessThan(20);
  });

  it('rejects only the failing write and keeps the others of its batch', async () => {
    const { log, group } = fakeStore();
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'bad', 'c'].map((value) =>
        group.submit(async (tx) => {
          await tx.write(value);
          if (value === 'bad') throw new Error('refused');
          return value;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(log.committed).toEqual(['a', 'b', 'c']);
  });
});
