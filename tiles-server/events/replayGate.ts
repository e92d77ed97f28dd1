/**
 * Lets at most `size` pieces of work run at once, the others waiting their turn in order: the
 * event streams' replays share the store's one reader with every other request, so a crowd of
 * clients asking for history at once must not queue a read each ahead of them.
 */
export class ReplayGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The turn passes straight to the next in line, or the place is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
