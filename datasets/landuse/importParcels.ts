import { basename, join } from 'node:path';
import { IMPORT_REPORT_FILE } from '../../layers/index.ts';
import { checkAreaOfUse } from '../crs/areaOfUse.ts';
import { type Crs, resolveCrs } from '../crs/resolveCrs.ts';
import { pipelineMetadata, writeCatalogEntry } from '../output/catalogEntry.ts';
import { writeFeatureLayerFiles } from '../output/featureLayerFiles.ts';
import type { LayerRow } from '../output/featureTable.ts';
import { catalogFileLayerIds, layerIdOf, publishLayer } from '../output/publishLayer.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { readFeatures, resolveCrsOf } from '../readers/readFeatures.ts';
import { InputError } from '../readers/types.ts';
import { LAND_USE_STYLE, landUseClassify } from './landUseClassify.ts';
import type { ParcelScheme } from './parcelSchemes.ts';
import { toParcelGeometry } from './parcelGeometry.ts';


export interface ImportParcelsOptions {
  input: string;
  dataDir: string;
  /** Default: from the file name. */
  layerId?: string | undefined;
  title?: { zh: string; en: string } | undefined;
  /** Overrides the CRS the file states. */
  crs?: string | undefined;
  encoding?: string | undefined;
  /** A GeoPackage's table, where it holds several. */
  sourceLayer?: string | undefined;
  classField?: string | undefined;
  nameField?: string | undefined;
  idField?: string | undefined;
  areaField?: string | undefined;
  /** The field with each parcel's resource code (资源码), when the delivery has one. */
  codeField?: string | undefined;
  access?: 'public' | 'internal' | 'restricted' | undefined;
  replace?: boolean | undefined;
  /** The big-screen dashboard's land-use areas come from this layer (land use only). */
  dashboard?: boolean | undefined;
  /** The server's catalog file, whose layer ids an import may not take (default $CATALOG, else the Wuyi catalog). */
  catalogPath?: string | undefined;
}

export interface ParcelProblem {
  /** The feature's number in the file, from 0. */
  index: number;
  field?: string;
  value?: string;
  problem: string;
}

export interface ImportParcelsSummary {
  layerId: string;
  folder: string;
  read: number;
  imported: number;
  /** Parcels left out, each with why. */
  skipped: ParcelProblem[];
  /** Parcels imported with something to check (a class code the table does not know). */
  warnings: ParcelProblem[];
  crs: string;
  /** m² per class code. */
  areaByClass: Record<string, number>;
  seconds: number;
}

/**
 * A delivery of classified parcels (the land-use survey's DLTB, a plan's land and sea use:
 * Shapefile, GeoJSON or FlatGeobuf, in any CRS) → a thematic layer like the sample's land use:
 * `parcels.geojson` with each parcel's oid, class, name, area, township and resource code, its
 * attribute table (Arrow, Parquet; the server binds records to its parcels and searches them),
 * its catalog entry and `import-report.json`. Published at once or not at all.
 */
export async function importParcels(scheme: ParcelScheme, options: ImportParcelsOptions): Promise<ImportParcelsSummary> {
  const started = performance.now();
  if (options.dashboard && scheme.command !== 'landuse') throw new Error('--dashboard is for land use: the dashboard shows the current land use by class');
  const file = basename(options.input);
  const layerId = options.layerId ?? layerIdOf(file);
  const fields = {
    class: options.classField ?? scheme.fields.class,
    name: options.nameField ?? scheme.fields.name,
    id: options.idField ?? scheme.fields.id,
    area: options.areaField ?? scheme.fields.area,
  };
  const folder = join(options.dataDir, layerId);
  const catalogIds = await catalogFileLayerIds(options.catalogPath);
  const { rows, read, skipped, warnings, classes, crs } = await readParcels(scheme, options, layerId, fields);
  const areaByClass: Record<string, number> = {};
  for (const { properties } of rows) areaByClass[properties.code as string] = (areaByClass[properties.code as string] ?? 0) + (properties.area as number);
  const summary = await publishLayer(options.dataDir, layerId, { replace: options.replace ?? false, catalogIds }, async (staging, url) => {
    await writeFeatureLayerFiles(rows, { geoJson: join(staging, 'parcels.geojson'), tableDir: staging });
    await writeCatalogEntry(staging, {
      id: layerId,
      kind: 'thematic',
      title: options.title ?? scheme.title(file),
      description: scheme.description,
      group: 'planning',
      visible: false,
      access: options.access ?? 'public',
      source: { type: 'geojson', url: `${url}/parcels.geojson` },
      table: { arrow: `${url}/attributes.arrow`, parquet: `${url}/attributes.parquet` },
      classify: landUseClassify([...classes.values()].sort((a, b) => a.code.localeCompare(b.code))),
      style: LAND_USE_STYLE,
      ...(options.dashboard ? { dashboard: 'landUse' } : {}),
      metadata: pipelineMetadata({ sourceSystem: `import of ${file}`, updateFrequency: 'yearly', originalCrs: crs!.id, synthetic: false }),
    });
    const result: ImportParcelsSummary = {
      layerId,
      folder,
      read,
      imported: rows.length,
      skipped,
      warnings,
      crs: crs!.id,
      areaByClass,
      seconds: (performance.now() - started) / 1000,
    };
    await writeDataFile(join(staging, IMPORT_REPORT_FILE), new TextEncoder().encode(JSON.stringify({ input: options.input, ...result }, null, 2)));
    return result;
  });
  return summary;
}

interface ParcelFields {
  class: string;
  name: string;
  id: string;
  area: string;
}

interface ReadParcels {
  rows: LayerRow[];
  read: number;
  skipped: ParcelProblem[];
  warnings: ParcelProblem[];
  classes: Map<string, { code: string; zh: string; en: string; color?: readonly number[] }>;
  crs: Crs;
}

/** The delivery's parcels as the layer's rows; refused whole when its ids repeat or its coordinates lie outside its CRS. */
async function readParcels(scheme: ParcelScheme, options: ImportParcelsOptions, layerId: string, fields: ParcelFields): Promise<ReadParcels> {
  let crs: Crs | undefined = options.crs ? resolveCrs(options.crs) : undefined;
  const rows: LayerRow[] = [];
  const skipped: ParcelProblem[] = [];
  const warnings: ParcelProblem[] = [];
  const firstIndexOfId = new Map<string, number>();
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const sourceExtent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const classes: ReadParcels['classes'] = new Map();
  let read = 0;
  // The fields read into the parcel's own properties; the rest are kept under their names.
  const consumedNames = new Set([fields.class, fields.name, fields.id, fields.area, scheme.fields.place, scheme.fields.placeName, options.codeField].map((f) => f?.toUpperCase()));
  // By the file's own spelling of each key, so a parcel's keys are not upper-cased one by one.
  const consumedKeys = new Map<string, boolean>();
  const consumed = (key: string) => {
    let known = consumedKeys.get(key);
    if (known === undefined) consumedKeys.set(key, (known = consumedNames.has(key.toUpperCase())));
    return known;
  };

  for await (const event of readFeatures(options.input, { encoding: options.encoding, sourceLayer: options.sourceLayer })) {
    if (event.type === 'crs') {
      crs ??= resolveCrsOf(options.input, event.crs);
      continue;
    }
    crs ??= resolveCrs('EPSG:4326');
    const { index, properties } = event.feature;
    read++;
    const value = (name: string) => propertyNamed(properties, name);
    const code = text(value(fields.class));
    if (code === undefined) {
      if (read === 1 && !hasField(properties, fields.class)) {
        throw new InputError(options.input, `has no field "${fields.class}" (its fields: ${Object.keys(properties).join(', ') || 'none'}); name the class field with --class-field`);
      }
      skipped.push({ index, field: fields.class, problem: 'no class' });
      continue;
    }
    const geometry = toParcelGeometry(event.feature.geometry, crs, sourceExtent);
    if (typeof geometry === 'string') {
      skipped.push({ index, problem: geometry });
      continue;
    }
    const sourceId = text(value(fields.id)) ?? (event.feature.id === undefined ? undefined : String(event.feature.id));
    // Qualified by the layer: two surveys of one county keep their BSM from year to year, and each year's parcel is an object of its own.
    const oid = `${scheme.oidKind}:${layerId}:${sourceId ?? index + 1}`;
    const earlier = firstIndexOfId.get(oid);
    if (earlier !== undefined) {
      throw new InputError(options.input, `features ${earlier} and ${index} have the same ${fields.id} "${sourceId}"; a parcel's id must be unique (or name another with --id-field)`);
    }
    firstIndexOfId.set(oid, index);

    const known = scheme.classOf(code);
    const className = text(value(fields.name)) ?? known?.zh ?? code;
    if (!classes.has(code)) classes.set(code, known ?? { code, zh: className, en: className });
    if (!known) warnings.push({ index, field: fields.class, value: code, problem: `a class code not in ${scheme.table}` });
    const statedArea = Number(value(fields.area));
    const place = scheme.fields.place && text(value(scheme.fields.place));
    const village = scheme.fields.placeName && text(value(scheme.fields.placeName));
    const resourceCode = options.codeField ? text(value(options.codeField)) : undefined;
    const rest: Record<string, unknown> = {};
    for (const key in properties) if (!consumed(key) && properties[key] !== null && properties[key] !== '') rest[key] = properties[key];
    rows.push({
      id: oid,
      properties: {
        oid,
        code,
        className,
        area: Math.round((Number.isFinite(statedArea) && statedArea > 0 ? statedArea : geometry.area) * 100) / 100,
        ...(place && /^\d{9}/.test(place) ? { township: place.slice(0, 9) } : {}),
        ...(village ? { village } : {}),
        ...(resourceCode ? { resourceCode } : {}),
        ...rest,
      },
      geometry: geometry.geoJson,
      bbox: geometry.bbox,
      point: geometry.point,
    });
    extent[0] = Math.min(extent[0], geometry.bbox[0]);
    extent[1] = Math.min(extent[1], geometry.bbox[1]);
    extent[2] = Math.max(extent[2], geometry.bbox[2]);
    extent[3] = Math.max(extent[3], geometry.bbox[3]);
  }
  // Before anything else: coordinates in another CRS than the one stated usually fail to convert at all.
  if (sourceExtent.every(Number.isFinite)) checkAreaOfUse(options.input, crs!, extent, sourceExtent);
  if (rows.length === 0) throw new InputError(options.input, `has no usable parcels (${read} read, ${skipped.length} skipped)`);

  return { rows, read, skipped, warnings, classes, crs: crs! };
}

/** The key a field was last found under in another case: a file spells its fields one way, so the scan runs once per field, not per parcel. */
const spelledAs = new Map<string, string>();

/** A property by its name, else by the same name in another case (Shapefiles upper-case, GeoJSON exports often not). */
function propertyNamed(properties: Record<string, unknown>, name: string): unknown {
  if (name in properties) return properties[name];
  const known = spelledAs.get(name);
  if (known !== undefined && known in properties) return properties[known];
  const key = Object.keys(properties).find((candidate) => candidate.toUpperCase() === name.toUpperCase());
  if (key !== undefined) spelledAs.set(name, key);
  return key === undefined ? undefined : properties[key];
}

const hasField = (properties: Record<string, unknown>, name: string) => Object.keys(properties).some((key) => key.toUpperCase() === name.toUpperCase());

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}
