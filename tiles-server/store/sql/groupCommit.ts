/** A unit of work and the transaction-scoped context it runs with. */
type Work<C> = (context: C) => Promise<unknown>;

interface Pending<C> {
  work: Work<C>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface TransactionControl<C> {
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** A fresh context for one unit of work; `committed` runs after its transaction commits. */
  context(): { context: C; committed: () => void };
}

/**
 * Group commit: writes that arrive while a transaction is in progress wait, then run together
 * in the next one, so a burst pays for one commit instead of one each. A failing write is
 * answered with its error and the batch is rolled back; the writes that ran before it are run
 * again in the next batch, so no caller sees another's failure and nothing is half-written.
 */
export class GroupCommit<C> {
  private readonly pending: Pending<C>[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly control: TransactionControl<C>,
    private readonly maxBatch = 64,
  ) {}

  submit<T>(work: (context: C) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.running ??= this.drain().finally(() => (this.running = undefined));
    });
  }

  /** Whether a batch is being written or waits to be. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once every write submitted so far has been answered. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      const done: { item: Pending<C>; result: unknown; committed: () => void }[] = [];
      let failed: { item: Pending<C>; error: unknown } | undefined;
      try {
        await this.control.begin();
        for (const item of batch) {
          const { context, committed } = this.control.context();
          try {
            done.push({ item, result: await item.work(context), committed });
          } catch (error) {
            failed = { item, error };
            break;
          }
        }
        if (failed) await this.control.rollback();
        else await this.control.commit();
      } catch (error) {
        // BEGIN or COMMIT itself failed: every write of the batch is answered with it.
        await this.control.rollback().catch(() => undefined);
        for (const item of batch) item.reject(error);
        continue;
      }
      if (failed) {
        failed.item.reject(failed.error);
        // Those that ran before it were rolled back with it: run them again, first.
        const rest = batch.slice(batch.indexOf(failed.item) + 1);
        this.pending.unshift(...done.map(({ item }) => item), ...rest);
        continue;
      }
      for (const { item, result, committed } of done) {
        committed();
        item.resolve(result);
      }
    }
  }
}
