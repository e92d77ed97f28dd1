import type { CameraView } from '../../layers/index.ts';
import type { Language } from '../i18n/index.tsx';

/**
 * What the address bar keeps, so a copied link reopens the same view:
 * `?view=lon,lat,height,heading,pitch&layers=a,b&hide=landuse:0101,landuse:0301&lang=en&mode=2d`.
 */
export interface ViewState {
  camera?: CameraView;
  /** Ids of the visible layers; undefined means "the catalog's defaults". */
  layers?: string[];
  /** Classes hidden by the user, by thematic layer id; absent when none are. */
  hiddenClasses?: Record<string, string[]>;
  language: Language;
  /** The flat map instead of the globe; absent for 3D. */
  mode?: '2d';
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const layers = params.get('layers');
  return {
    camera: parseCamera(params.get('view')),
    layers: layers === null ? undefined : layers.split(',').filter(Boolean),
    ...parseHiddenClasses(params.get('hide')),
    language: params.get('lang') === 'en' ? 'en' : 'zh',
    ...(params.get('mode') === '2d' ? { mode: '2d' as const } : {}),
  };
}

/** The query string for a state, keeping parameters that belong to others (e.g. a shared SQL query). */
export function formatViewState(state: ViewState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  if (state.camera) params.set('view', formatCamera(state.camera));
  else params.delete('view');
  if (state.layers) params.set('layers', state.layers.join(','));
  else params.delete('layers');
  const hidden = Object.entries(state.hiddenClasses ?? {}).flatMap(([layerId, values]) => values.map((value) => `${layerId}:${value}`));
  if (hidden.length > 0) params.set('hide', hidden.join(','));
  else params.delete('hide');
  if (state.language === 'en') params.set('lang', 'en');
  else params.delete('lang');
  if (state.mode === '2d') params.set('mode', '2d');
  else params.delete('mode');
  // Commas and colons are safe in a query and keep the link readable.
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':')}`;
}

function parseCamera(value: string | null): CameraView | undefined {
  if (!value) return undefined;
  const numbers = value.split(',').map(Number);
  if (numbers.length !== 5 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [lon, lat, height, heading, pitch] = numbers as [number, number, number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || height <= 0 || Math.abs(pitch) > 90) return undefined;
  return { lon, lat, height, heading, pitch };
}

function formatCamera({ lon, lat, height, heading, pitch }: CameraView): string {
  // Headings just under 360° round up to 360; write them as 0 so one view has one link.
  const roundedHeading = Number(heading.toFixed(2)) % 360;
  return [Number(lon.toFixed(6)), Number(lat.toFixed(6)), Number(height.toFixed(1)), roundedHeading, Number(pitch.toFixed(2))].join(',');
}

function parseHiddenClasses(value: string | null): { hiddenClasses?: Record<string, string[]> } {
  const hidden: Record<string, string[]> = {};
  for (const entry of value?.split(',') ?? []) {
    const colon = entry.indexOf(':');
    if (colon <= 0 || colon === entry.length - 1) continue;
    (hidden[entry.slice(0, colon)] ??= []).push(entry.slice(colon + 1));
  }
  return Object.keys(hidden).length > 0 ? { hiddenClasses: hidden } : {};
}
