/**
 * A parameter of the address bar that a feature owns beside the view state (`?sql=…` reruns a
 * query, `?analysis=…` reopens an analysis), so a copied link brings it back.
 */
export function linkParam(name: string): string | undefined {
  return new URLSearchParams(window.location.search).get(name) ?? undefined;
}

/** Sets the parameter (keeping the view, layers and language); undefined takes it out. */
export function setLinkParam(name: string, value: string | undefined): void {
  const params = new URLSearchParams(window.location.search);
  if (value) params.set(name, value);
  else params.delete(name);
  // Commas and colons are safe in a query and keep the link readable.
  const search = params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}
