import { type EventSourceMessage, createParser } from 'eventsource-parser';

/**
 * Reads a Server-Sent Events response as it arrives (Node 20 has no EventSource), for tests and
 * benchmarks: every event is kept, with the time it was parsed.
 */
export class EventStreamReader {
  readonly events: (EventSourceMessage & { receivedAt: number })[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly done: Promise<void>;

  constructor(response: Response) {
    if (!response.body) throw new Error(`The event stream answered ${response.status} without a body`);
    const reader = response.body.getReader();
    this.reader = reader;
    const parser = createParser({
      onEvent: (event) => {
        this.events.push({ ...event, receivedAt: performance.now() });
        for (const wake of this.waiters) wake();
      },
    });
    const decoder = new TextDecoder();
    this.done = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      for (const wake of this.waiters) wake();
    })();
  }

  /** Resolves once `count` events have arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Waited ${timeoutMs} ms for ${count} events, got ${this.events.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  get lastEventId(): string | undefined {
    return this.events.at(-1)?.id;
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
    await this.done;
  }
}
