import { basename } from 'node:path';
import { VerticalDatum } from '../../layers/index.ts';
import { layerIdOf } from '../output/publishLayer.ts';

/** The options every import that publishes a layer takes, as parseArgs reads them. */
export const LAYER_OPTIONS = {
  'layer-id': { type: 'string' },
  title: { type: 'string' },
  replace: { type: 'boolean' },
} as const;

export const LAYER_OPTIONS_USAGE = `  --layer-id ID         Id and folder of the layer (default: the file name in lower case, DLTB.shp → dltb)
  --title ZH[,EN]       Its title in the layer tree
  --replace             Replace the layer of that id (default: refuse an id in use)`;

/** How a vector source is read: the CRS it is in (when the file does not say), a Shapefile's encoding, a GeoPackage's table. */
export const VECTOR_SOURCE_OPTIONS = {
  crs: { type: 'string' },
  encoding: { type: 'string' },
  'source-layer': { type: 'string' },
} as const;

export const SOURCE_LAYER_USAGE = `  --source-layer NAME   GeoPackage table to read (default: its only feature table)`;

/** `--title 武义县建筑,Wuyi buildings` → both languages; one name serves both. */
export function titleOption(value: string | undefined): { zh: string; en: string } | undefined {
  const [zh, en] = value?.split(',').map((part) => part.trim()) ?? [];
  return zh ? { zh, en: en || zh } : undefined;
}

/** The layer's id: as given, else from the input's file name. */
export const layerIdOption = (value: string | undefined, input: string) => value ?? layerIdOf(basename(input));

/** The height datum of a delivery's heights, which the import makes ellipsoidal. */
export const VERTICAL_DATUM_OPTION = { 'vertical-datum': { type: 'string', default: 'ellipsoidal' } } as const;

export const VERTICAL_DATUM_USAGE = `  --vertical-datum D    Datum of the heights: ellipsoidal (default) or egm96 (orthometric, made ellipsoidal
                        with the EGM96 15′ geoid grid)`;

export function verticalDatumOption(value: string | undefined): VerticalDatum {
  const parsed = VerticalDatum.safeParse(value);
  if (!parsed.success) throw new Error(`--vertical-datum ${parsed.error.issues[0]!.message}, got "${value}"`);
  return parsed.data;
}
