import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { type Crs, resolveCrs } from '../crs/resolveCrs.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { type Dem, readDem } from '../raster/dem.ts';
import { readFeatures, resolveCrsOf } from '../readers/readFeatures.ts';
import { InputError } from '../readers/types.ts';
import { buildQuadtree, defaultLimits } from '../tiles3d/quadtree.ts';
import { type TilesetStats, writeTileset } from '../tiles3d/writeTileset.ts';
import { type AttributeOptions, buildingAttributes } from './attributes.ts';
import type { Building, SkippedFeature } from './building.ts';
import { writeBuildingAttributeFiles } from './buildingAttributeFiles.ts';
import { type Footprint, toFootprint } from './footprint.ts';
import { geometryKey, sameGeometry } from './geometryKey.ts';

export interface ImportBuildingsOptions extends AttributeOptions {
  input: string;
  outDir: string;
  /** Overrides the CRS the file states (GeoJSON `crs` member, `.prj`). */
  crs?: string;
  gcj02?: boolean;
  /** Attribute encoding of a Shapefile's .dbf; default its .cpg, else GBK. */
  encoding?: string;
  /** A GeoPackage's table, where it holds several. */
  sourceLayer?: string | undefined;
  /** Property holding the base's height; else the DEM under the outline, else its lowest z, else 0. */
  baseField?: string;
  /** GeoTIFF DEM that buildings stand on (the terrain layer's source). */
  dem?: string;
  maxFeaturesPerTile?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  stage: 'read' | 'tile';
  features: number;
  bytesRead: number;
  totalBytes: number;
  tiles: number;
}

export interface ImportSummary {
  read: number;
  imported: number;
  skipped: SkippedFeature[];
  /** Footprints imported simplified: too many vertices to check and triangulate as they were. */
  simplified: { index: number; id?: string | number; from: number; to: number; toleranceMetres: number }[];
  crs: string;
  tiles: TilesetStats;
  seconds: { read: number; tile: number };
}

/**
 * Footprints in any CRS → a 3D Tiles 1.1 tileset in `outDir`, the layer's attribute table
 * (`attributes.arrow`, `attributes.parquet`) and `import-report.json` listing every feature that
 * was skipped and why. Stages: read (streamed) → reproject and check → attributes → quadtree →
 * tiles → attribute files.
 */
export async function importBuildings(options: ImportBuildingsOptions): Promise<ImportSummary> {
  const totalBytes = (await stat(options.input).catch(() => {
    throw new InputError(options.input, 'does not exist or cannot be read');
  })).size;
  const progress: ImportProgress = { stage: 'read', features: 0, bytesRead: 0, totalBytes, tiles: 0 };
  const started = performance.now();

  let crs: Crs | undefined = options.crs ? resolveCrs(options.crs) : undefined;
  const dem = options.dem ? await readDem(options.dem) : undefined;
  const buildings: Building[] = [];
  const skipped: SkippedFeature[] = [];
  const simplified: ImportSummary['simplified'] = [];
  const firstWithOid = new Map<string, number>();
  /** Building index by geometry key, for exact duplicates. */
  const byGeometry = new Map<number, number>();
  const onBytes = (bytes: number) => (progress.bytesRead = bytes);
  for await (const event of readFeatures(options.input, { onBytes, encoding: options.encoding, sourceLayer: options.sourceLayer })) {
    if (event.type === 'crs') {
      if (progress.features > 0) throw new InputError(options.input, 'states its "crs" after its features; pass --crs instead');
      crs ??= resolveCrsOf(options.input, event.crs);
      continue;
    }
    crs ??= resolveCrs('EPSG:4326');
    const { feature } = event;
    progress.features++;
    if (progress.features % 1000 === 0) options.onProgress?.(progress);
    const footprint = toFootprint(feature.geometry, { crs, gcj02: options.gcj02 });
    if (typeof footprint === 'string') {
      skipped.push({ index: feature.index, ...(feature.id === undefined ? {} : { id: feature.id }), reason: footprint });
      continue;
    }
    const described = buildingAttributes(feature.properties, feature.id, feature.index, options);
    const skip = (reason: string) => skipped.push({ index: feature.index, ...(feature.id === undefined ? {} : { id: feature.id }), reason });
    if (typeof described === 'string') {
      skip(described);
      continue;
    }
    const { attributes, minHeight } = described;
    const first = firstWithOid.get(attributes.oid);
    if (first !== undefined) {
      // Two buildings with one oid would bind records to either: the first keeps it, the next is reported.
      skip(`duplicate id ${attributes.oid} (first at feature ${first})`);
      continue;
    }
    const baseValue = options.baseField ? Number(feature.properties[options.baseField]) : Number.NaN;
    const ground = Number.isFinite(baseValue) ? baseValue : (groundUnder(footprint, dem) ?? footprint.minZ ?? 0);
    const base = ground + minHeight;
    // The same outline at the same heights twice is one building delivered twice: drawn once, reported.
    const key = geometryKey(footprint, base, attributes.height);
    const twin = byGeometry.get(key);
    if (twin !== undefined && sameGeometry(buildings[twin]!.footprint, footprint) && buildings[twin]!.base === base && buildings[twin]!.attributes.height === attributes.height) {
      skip(`duplicate geometry of ${buildings[twin]!.attributes.oid} (feature ${firstWithOid.get(buildings[twin]!.attributes.oid)})`);
      continue;
    }
    firstWithOid.set(attributes.oid, feature.index);
    byGeometry.set(key, buildings.length);
    if (footprint.simplified) simplified.push({ index: feature.index, ...(feature.id === undefined ? {} : { id: feature.id }), ...footprint.simplified });
    buildings.push({ footprint, base, attributes });
  }
  options.onProgress?.(progress);
  const read = performance.now();
  if (buildings.length === 0) {
    throw new InputError(options.input, `has no usable building footprints (${skipped.length} skipped: ${summariseReasons(skipped)})`);
  }

  progress.stage = 'tile';
  // The table first: its compression runs in zlib's threads while the tiles are built here.
  const attributeFiles = writeBuildingAttributeFiles(options.outDir, buildings);
  attributeFiles.catch(() => undefined); // its failure is thrown below, after the tiles
  const tree = buildQuadtree(buildings, { ...defaultLimits, maxFeatures: options.maxFeaturesPerTile ?? defaultLimits.maxFeatures });
  const tiles = await writeTileset(tree, buildings, {
    outDir: options.outDir,
    maxCoarseFeatures: Math.ceil((options.maxFeaturesPerTile ?? defaultLimits.maxFeatures) / 4),
    onTile: (stats) => {
      progress.tiles = stats.tiles;
      if (stats.tiles % 10 === 0) options.onProgress?.(progress);
    },
  }).finally(() => attributeFiles.catch(() => undefined)); // a failed import leaves no write under way in its folder
  await attributeFiles;
  const summary: ImportSummary = {
    read: progress.features,
    imported: buildings.length,
    skipped,
    simplified,
    crs: crs!.id,
    tiles,
    seconds: { read: (read - started) / 1000, tile: (performance.now() - read) / 1000 },
  };
  await writeDataFile(join(options.outDir, IMPORT_REPORT_FILE), new TextEncoder().encode(JSON.stringify({ input: options.input, ...summary }, null, 2)));
  return summary;
}

/** The lowest DEM height under a footprint's outline: the building stands there, not floating above a slope. */
function groundUnder(footprint: Footprint, dem: Dem | undefined): number | undefined {
  if (!dem) return undefined;
  let lowest = Infinity;
  for (const rings of footprint.polygons) {
    const outer = rings[0]!;
    for (let i = 0; i < outer.length; i += 2) lowest = Math.min(lowest, dem.sample(outer[i]!, outer[i + 1]!) ?? Infinity);
  }
  return Number.isFinite(lowest) ? lowest : undefined;
}

/** "3 × zero area, 1 × no geometry" */
export function summariseReasons(skipped: SkippedFeature[]): string {
  const counts = new Map<string, number>();
  for (const { reason } of skipped) {
    const kind = reason.replace(/ \(.*\)$/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => `${count} × ${reason}`).join(', ') || 'none';
}
