/** A value here now, or a promise of it when it had to wait (for the disk, say). */
export type Eventually<T> = T | Promise<T>;

/**
 * Applies `next` at once to a value that is here, or when it arrives. A hop through the
 * microtask queue per tile costs even a bare Node server about 15 % of its tile rate, so
 * answers from memory stay synchronous all the way to the socket.
 */
export function andThen<T, U>(value: Eventually<T>, next: (value: T) => Eventually<U>): Eventually<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
