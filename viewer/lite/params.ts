import { parseViewState, type ViewState } from '../url-state/viewState.ts';

/**
 * The lite page's address: the full viewer's view state (`view`, `layers`, `lang`) and `embed`,
 * which leaves out every control so the page fits in another system's iframe.
 */
export interface LiteParams extends ViewState {
  embed: boolean;
}

export function parseLiteParams(search: string): LiteParams {
  const embed = new URLSearchParams(search).get('embed');
  return { ...parseViewState(search), embed: embed !== null && embed !== '0' && embed !== 'false' };
}
