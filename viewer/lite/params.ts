/**
 * Whether the page is embedded (`?embed`, `?embed=1`): it then leaves out every control, so it
 * fits in another system's iframe. The view, layers and language come from the same parameters
 * as the full viewer's (url-state/viewState.ts).
 */
export function isEmbedded(search: string): boolean {
  const embed = new URLSearchParams(search).get('embed');
  return embed !== null && embed !== '0' && embed !== 'false';
}
