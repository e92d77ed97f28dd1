import type { CameraView } from '../../layers/index.ts';
import type { Language } from '../i18n/index.tsx';

/**
 * What the address bar keeps, so a copied link reopens the same view:
 * `?view=lon,lat,height,heading,pitch&layers=a,b&lang=en`.
 */
export interface ViewState {
  camera?: CameraView;
  /** Ids of the visible layers; undefined means "the catalog's defaults". */
  layers?: string[];
  language: Language;
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const layers = params.get('layers');
  return {
    camera: parseCamera(params.get('view')),
    layers: layers === null ? undefined : layers.split(',').filter(Boolean),
    language: params.get('lang') === 'en' ? 'en' : 'zh',
  };
}

/** The query string for a state, keeping parameters that belong to others (e.g. a shared SQL query). */
export function formatViewState(state: ViewState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  if (state.camera) params.set('view', formatCamera(state.camera));
  else params.delete('view');
  if (state.layers) params.set('layers', state.layers.join(','));
  else params.delete('layers');
  if (state.language === 'en') params.set('lang', 'en');
  else params.delete('lang');
  // Commas are safe in a query and keep the link readable.
  return `?${params.toString().replaceAll('%2C', ',')}`;
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
