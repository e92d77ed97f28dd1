import { StoreClosed, type TwinEvent, type TwinStore } from '../store/twinStore.ts';
import type { ReplayGate } from './replayGate.ts';

/** How one subscriber's stream is bounded. */
export interface StreamLimits {
  /** A quiet stream gets a keep-alive comment this often, so proxies keep it open. */
  heartbeatMs: number;
  /** A client further behind than this many events is told to reload (`reset`) instead of replayed to. */
  replayWindow: number;
  /** Live events waiting for a slow client beyond this many: it is disconnected and resumes later. */
  maxQueuedEvents: number;
  /** A client that reads nothing for this long while the stream has more for it: disconnected. */
  writeTimeoutMs: number;
  /** Bytes of written events a client may leave unread before the stream waits for it. */
  bufferBytes: number;
  /** Events read from the store per page of a replay; between pages the stream lets other work run. */
  replayPageSize: number;
  /** Replay pages read from the store at once, across all streams; the others wait their turn. */
  concurrentReplays: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  heartbeatMs: 15_000,
  replayWindow: 10_000,
  maxQueuedEvents: 500,
  writeTimeoutMs: 10_000,
  bufferBytes: 64 * 1024,
  replayPageSize: 500,
  concurrentReplays: 2,
};

export interface SubscriberOptions {
  store: TwinStore;
  limits: StreamLimits;
  /** Shared by every stream of the server: how many replay pages are read at once. */
  replays: ReplayGate;
  /** The last event the client has, or the newest event when it is new. */
  after: number;
  /** The newest event when the client came. */
  latest: number;
  /**
   * The event as this subscriber may see it, as a whole SSE frame (id, event, data) in UTF-8;
   * undefined when it may not see the event. Subscribers who see an event alike share its bytes.
   */
  frame: (event: TwinEvent) => Uint8Array | undefined;
  /** Ends the connection under the stream at once (the socket), where there is one. */
  disconnect: () => void;
}

const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/**
 * One client's Server-Sent Events: first what it missed (paged from the store, stopped as soon as
 * it leaves), then live events. Bounded on every side: a replay older than the window is a
 * `reset` telling the client to reload; unread bytes, queued events and the time a write may wait
 * are capped, and a client past a cap is disconnected, to resume by its Last-Event-ID.
 */
export class SubscriberStream {
  readonly body: ReadableStream<Uint8Array>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly queue: TwinEvent[] = [];
  private open = true;
  private last: number;
  private signal: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: SubscriberOptions) {
    this.last = options.after;
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => void (this.controller = controller),
        pull: () => this.wake(),
        cancel: () => this.end(),
      },
      { highWaterMark: options.limits.bufferBytes, size: (chunk) => chunk.byteLength },
    );
    // Listen before replaying, so an event committed during the replay is queued, not lost.
    this.unsubscribe = options.store.subscribe((event) => {
      if (!this.open) return;
      this.queue.push(event);
      if (this.queue.length > options.limits.maxQueuedEvents) this.drop();
      else this.wake();
    });
    void this.run().catch((error: unknown) => {
      // After the end (a client gone) a failed read is expected; a closing store ends the stream.
      if (!this.open) return;
      if (!(error instanceof StoreClosed)) console.error('An event stream failed:', error);
      this.drop();
    });
  }

  private async run(): Promise<void> {
    const { store, limits, latest } = this.options;
    // The id alone sets the client's Last-Event-ID, so one dropped before its first event still resumes from here.
    if (!(await this.write(encoder.encode(`retry: 2000\nid: ${this.last}\n\n`)))) return;
    if (latest - this.last > limits.replayWindow) {
      // Too far behind to replay: the client reloads what it shows and follows from now.
      this.last = latest;
      if (!(await this.write(encoder.encode(`id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ latest, reason: 'behind-replay-window' })}\n\n`)))) return;
    }
    for (;;) {
      // A client that left while waiting for its turn costs no read at all.
      const page = await this.options.replays.run(() => (this.open ? store.eventsAfter(this.last, limits.replayPageSize) : Promise.resolve([])));
      for (const event of page) if (!(await this.send(event))) return;
      if (page.length < limits.replayPageSize || !this.open) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    while (this.open) {
      const event = this.queue.shift();
      if (event) {
        if (!(await this.send(event))) return;
      } else if (!(await this.waitForSignal(limits.heartbeatMs)) && !(await this.write(KEEP_ALIVE))) {
        return;
      }
    }
  }

  private async send(event: TwinEvent): Promise<boolean> {
    if (event.id <= this.last) return this.open;
    this.last = event.id;
    const frame = this.options.frame(event);
    return frame === undefined ? this.open : this.write(frame);
  }

  /** Writes once the client has read enough of what was written before; false when the stream has ended. */
  private async write(bytes: Uint8Array): Promise<boolean> {
    while (this.open && this.controller.desiredSize! <= 0) {
      if (!(await this.waitForSignal(this.options.limits.writeTimeoutMs)) && this.open && this.controller.desiredSize! <= 0) {
        this.drop();
        return false;
      }
    }
    if (this.open) this.controller.enqueue(bytes);
    return this.open;
  }

  /** Resolves true when something happens (an event, a read, the end), false after `ms` of nothing. */
  private waitForSignal(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.signal = undefined;
        resolve(false);
      }, ms);
      this.signal = () => {
        clearTimeout(timer);
        this.signal = undefined;
        resolve(true);
      };
    });
  }

  private wake(): void {
    this.signal?.();
  }

  /** The client left: stop at once, whatever was under way. */
  private end(): void {
    if (!this.open) return;
    this.open = false;
    this.queue.length = 0;
    this.unsubscribe();
    this.wake();
  }

  /** The client fell behind a limit: end the stream and the connection under it. */
  private drop(): void {
    if (!this.open) return;
    this.end();
    this.controller.close();
    this.options.disconnect();
  }
}
