const PARAM = 'sql';

/** The query a shared link carries (`?sql=…`), if any. */
export function sharedQuery(): string | undefined {
  return new URLSearchParams(window.location.search).get(PARAM) ?? undefined;
}

/** Puts the query in the address bar (keeping the view, layers and language), so the link reruns it; undefined takes it out. */
export function shareQuery(sql: string | undefined): void {
  const params = new URLSearchParams(window.location.search);
  if (sql) params.set(PARAM, sql);
  else params.delete(PARAM);
  const search = params.toString().replaceAll('%2C', ',');
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}
