/** Which page of the viewer an address opens: the twin itself, a storyboard on the big screen, or none (an address that names nothing). */
export type Route = { page: 'twin' } | { page: 'present'; storyboardId: string; kiosk: boolean } | { page: 'missing' };

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'twin' };
  const present = /^\/present\/([^/]+)\/?$/.exec(pathname);
  if (!present) return { page: 'missing' };
  return { page: 'present', storyboardId: decodeURIComponent(present[1]!), kiosk: new URLSearchParams(search).has('kiosk') };
}

/** The address of a storyboard's presentation; `kiosk` plays it full screen with no controls. */
export function presentationPath(storyboardId: string, kiosk = false): string {
  return `/present/${encodeURIComponent(storyboardId)}${kiosk ? '?kiosk' : ''}`;
}
