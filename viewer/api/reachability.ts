/**
 * Whether the twin server answered the page's last request: every call through the API client
 * reports here, and the banner (ServerBanner) shows while it does not.
 */
let reachable = true;
const listeners = new Set<() => void>();

export function serverReachable(): boolean {
  return reachable;
}

export function reportReachable(answered: boolean): void {
  if (answered === reachable) return;
  reachable = answered;
  for (const listener of listeners) listener();
}

export function onReachabilityChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
