import { cp } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IMPORT_REPORT_FILE, type LayerDefinitionInput, type TilesetPlacement, type VerticalDatum } from '../../layers/index.ts';
import { lonLatOfEcef, toEllipsoidal } from '../geo/verticalDatum.ts';
import { InputError } from '../readers/types.ts';
import { pipelineMetadata, writeCatalogEntry } from '../output/catalogEntry.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { type TilesetInventory, checkTileset } from './checkTileset.ts';

export interface ImportTilesetOptions {
  /** The delivery's entry tileset JSON. */
  entry: string;
  /** The layer's staging folder and the URL it will be served at. */
  outDir: string;
  url: string;
  layerId: string;
  title?: { zh: string; en: string } | undefined;
  placement?: TilesetPlacement | undefined;
  heightOffset: number;
  maximumScreenSpaceError: number;
  /** Datum of the delivery's heights: orthometric heights are lifted onto the ellipsoid by the geoid there. */
  verticalDatum: VerticalDatum;
}

/** Most problems a refusal lists; the report of a broken delivery names this many and counts the rest. */
const LISTED_PROBLEMS = 20;

/**
 * The Earth's surface lies 6,357–6,378 km from its centre; a tileset centred nearer than this is
 * in a local frame (metres around an origin the delivery's notes give), however it is lifted.
 */
const NEAREST_GROUND_METRES = 6_300_000;

/**
 * Brings a delivered tileset into the data folder: checked whole first (see checkTileset), a
 * local frame placed or refused, then copied with the delivery's folder (textures and all),
 * beside its catalog entry and a report of what it holds.
 */
export async function importTileset(options: ImportTilesetOptions): Promise<TilesetInventory> {
  const { entry, placement } = options;
  const { inventory, problems } = await checkTileset(entry);
  if (problems.length > 0) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map(({ file, problem }) => `  ${file}: ${problem}`);
    const more = problems.length > LISTED_PROBLEMS ? [`  … and ${problems.length - LISTED_PROBLEMS} more`] : [];
    throw new InputError(entry, `is not a tileset the twin can serve (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${[...listed, ...more].join('\n')}`);
  }
  const centre = inventory.rootCentre;
  const distance = centre ? Math.hypot(...centre) : undefined;
  if (distance !== undefined && distance < NEAREST_GROUND_METRES && !placement) {
    throw new InputError(entry, `is in a local frame (its root is ${Math.round(distance)} m from the Earth's centre); pass --place lon,lat,height of its origin`);
  }
  if (placement && (distance === undefined || distance >= NEAREST_GROUND_METRES)) {
    throw new InputError(entry, 'is already placed on the Earth; --place is for a tileset in a local frame (use --height-offset to lift it)');
  }
  // Orthometric heights stand the geoid's undulation too low on the ellipsoid, which varies by
  // centimetres over a delivery's few kilometres: one lift, taken at its origin or its centre.
  const undulation = toEllipsoidal(options.verticalDatum);
  const [lon, lat] = placement ? [placement.lon, placement.lat] : centre ? lonLatOfEcef(centre) : inventory.rootRegionCentre!;
  const lift = undulation(lon, lat);
  const placed = placement ? { ...options, placement: { ...placement, height: placement.height + lift } } : { ...options, heightOffset: options.heightOffset + lift };
  await cp(dirname(entry), options.outDir, { recursive: true });
  await writeCatalogEntry(options.outDir, tilesetLayer(placed, `${options.url}/${basename(entry)}`));
  await writeDataFile(join(options.outDir, IMPORT_REPORT_FILE), new TextEncoder().encode(JSON.stringify({ source: entry, ...inventory }, null, 2)));
  return inventory;
}

function tilesetLayer(options: ImportTilesetOptions, url: string): LayerDefinitionInput<'tileset'> {
  return {
    id: options.layerId,
    kind: 'tileset',
    title: options.title ?? { zh: '倾斜摄影', en: 'Photogrammetry' },
    group: 'buildings',
    visible: true,
    access: 'public',
    source: { type: '3dtiles', url },
    ...(options.placement ? { placement: options.placement } : {}),
    heightOffset: options.heightOffset,
    maximumScreenSpaceError: options.maximumScreenSpaceError,
    // 3D Tiles are in Earth-centred metres (EPSG:4978) once placed.
    metadata: pipelineMetadata({ sourceSystem: `import of ${options.entry}`, updateFrequency: 'yearly', originalCrs: 'EPSG:4978', synthetic: false, verticalDatum: options.verticalDatum }),
  };
}

