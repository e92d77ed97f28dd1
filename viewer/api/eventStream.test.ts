import { afterEach, describe, expect, it, vi } from 'vitest';
import { followEvents } from './eventStream.ts';

/** The part of the browser's EventSource that followEvents uses, driven by the test. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, (message: { lastEventId: string; data: string }) => void>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (message: { lastEventId: string; data: string }) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, lastEventId: string, data: unknown) {
    this.listeners.get(type)?.({ lastEventId, data: JSON.stringify(data) });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeEventSource.opened = [];
});

describe('following the live stream', () => {
  it('reloads on reset and, reopened later, resumes after the reset rather than before it', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    const seen: number[] = [];
    let resets = 0;
    const stop = followEvents((event) => seen.push(event.id), () => undefined, () => resets++, 1000);
    const first = FakeEventSource.opened[0]!;
    first.emit('incident.created', '7', { incident: { id: 'a' }, at: '2026-12-01T00:00:00Z' });
    first.emit('reset', '20000', { latest: 20000, reason: 'behind-replay-window' });
    expect(resets).toBe(1);
    // The browser gives up on the stream; a new one opens after the pause, from the reset's id.
    first.readyState = FakeEventSource.CLOSED;
    first.onerror!();
    vi.advanceTimersByTime(1000);
    expect(FakeEventSource.opened[1]!.url).toBe('/api/events?lastEventId=20000');
    expect(seen).toEqual([7]);
    stop();
  });
});
