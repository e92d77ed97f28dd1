import { basename, join } from 'node:path';
import type { z } from 'zod';
import { ExportedIncidentInput, ExportedLifecycleInput, IMPORT_REPORT_FILE, MonitoringPointInput } from '../../layers/index.ts';
import { gcj02ToWgs84 } from '../crs/gcj02.ts';
import { type Crs, resolveCrs } from '../crs/resolveCrs.ts';
import { catalogFileLayerIds, layerIdOf, publishLayer } from '../output/publishLayer.ts';
import { writeDataFile } from '../output/writeDataFile.ts';
import { InputError } from '../readers/types.ts';
import { type Table, type TableRow, readTable } from './readTable.ts';
import { type Field, cellOf, columnsOf, dateOf, instantOf, numberOf, textOf } from './recordRows.ts';

/** The kinds of record an export holds, and the file of a dataset's `records/` folder each goes to (as the server reads them). */
export const RECORD_KINDS = {
  incidents: { file: 'incidents.json', fields: ['id', 'type', 'title', 'description', 'status', 'reportedAt', 'lon', 'lat', 'x', 'y', 'floor'] },
  points: { file: 'monitoring-points.json', fields: ['id', 'kind', 'name', 'unit', 'warning', 'alarm', 'lon', 'lat', 'x', 'y'] },
  lifecycle: { file: 'lifecycle-records.json', fields: ['resourceCode', 'stage', 'date', 'summary', 'department'] },
} as const satisfies Record<string, { file: string; fields: readonly Field[] }>;

export type RecordKind = keyof typeof RECORD_KINDS;

/** Statuses as case systems word them, by the twin's (受理 → 交办 → 处置 → 办结, 退回). */
const STATUS_WORDS: Record<string, string> = { 待受理: '受理', 已受理: '受理', 已交办: '交办', 处置中: '处置', 已处置: '处置', 已办结: '办结', 结案: '办结', 已结案: '办结', 已退回: '退回' };

/** Monitoring kinds as Chinese systems name them, by the twin's. */
const KIND_WORDS: Record<string, string> = { 水位: 'water-level', 雨量: 'rainfall', 空气质量: 'air-quality', 视频: 'camera', 视频监控: 'camera', 摄像头: 'camera', 监控: 'camera' };

export interface ImportRecordsOptions {
  input: string;
  dataDir: string;
  kind: RecordKind;
  /** The dataset (folder) the records go to; default from the file name. */
  datasetId?: string | undefined;
  /** CRS of x/y columns (a Gauss-Krüger zone, say); lon/lat columns are WGS84 or CGCS2000. */
  crs?: string | undefined;
  /** The coordinates were taken on a Chinese web map (GCJ-02). */
  gcj02?: boolean | undefined;
  encoding?: string | undefined;
  sheet?: string | undefined;
  /** The UTC offset of times written without one (default +08:00, China Standard Time). */
  timeZone?: string | undefined;
}

export interface RefusedRow {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column, as the file names it. */
  column: string;
  value?: string;
  problem: string;
}

export interface ImportRecordsSummary {
  datasetId: string;
  folder: string;
  read: number;
  imported: number;
  refused: RefusedRow[];
  /** Notes on how the file was read (its encoding, swapped X/Y). */
  notes: string[];
}

/**
 * Records exported by an existing system (a CSV or XLSX of incidents, monitoring points and
 * cameras, or resource-code lifecycle records) → a dataset's `records/` folder, which the server
 * stores once and binds, like posted records, to the objects they lie in. Every row is checked
 * as the API checks a request; a refused row is reported with its row number, column and why.
 * Published at once or not at all.
 */
export async function importRecords(options: ImportRecordsOptions): Promise<ImportRecordsSummary> {
  const kind = RECORD_KINDS[options.kind];
  const table = await readTable(options.input, { encoding: options.encoding, sheet: options.sheet });
  const columns = columnsOf(table.columns, kind.fields);
  const notes = [`read ${table.source}`];
  const required = options.kind === 'lifecycle' ? ['resourceCode', 'stage', 'date', 'summary', 'department'] : ['id', options.kind === 'incidents' ? 'title' : 'name'];
  const missing = required.filter((field) => columns[field as Field] === undefined);
  if (missing.length > 0) {
    throw new InputError(options.input, `has no column for ${missing.join(', ')} (its columns: ${table.columns.join(', ')})`);
  }
  const position = positionReader(options, table, columns, notes);
  const timeZone = options.timeZone ?? '+08:00';
  if (!/^[+-]\d{2}:\d{2}$/.test(timeZone)) throw new Error(`--time-zone must be an offset such as +08:00, got "${timeZone}"`);

  const records: unknown[] = [];
  const refused: RefusedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const candidate = recordOf(options.kind, row, columns, timeZone);
    let parsed: z.ZodSafeParseResult<unknown>;
    if (options.kind === 'lifecycle') {
      parsed = ExportedLifecycleInput.safeParse(candidate);
    } else {
      const at = position(row);
      if (typeof at === 'object' && 'problem' in at) {
        refused.push({ row: row.row, ...at });
        continue;
      }
      const located = { ...candidate, ...(at ? { lon: at[0], lat: at[1] } : {}) };
      parsed = options.kind === 'incidents' ? ExportedIncidentInput.safeParse(located) : MonitoringPointInput.safeParse(located);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      // Thresholds are one field of a point and two columns of a sheet: name the column.
      const field = String((issue.path[0] === 'thresholds' ? issue.path[1] : issue.path[0]) ?? '') as Field;
      const column = columns[field] ?? (field === 'lon' || field === 'lat' ? (columns.lon ?? columns.x ?? field) : field);
      const value = textOf(cellOf(row, columns, field));
      refused.push({ row: row.row, column, ...(value === undefined ? {} : { value }), problem: value === undefined && issue.code === 'invalid_type' ? 'is empty' : issue.message });
      continue;
    }
    const record = parsed.data as Record<string, unknown>;
    const key = options.kind === 'lifecycle' ? undefined : String(record.id);
    if (key !== undefined) {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        refused.push({ row: row.row, column: columns.id!, value: key, problem: `the same id as row ${earlier}` });
        continue;
      }
      seen.set(key, row.row);
    }
    records.push(record);
  }
  if (records.length === 0) throw new InputError(options.input, `has no record the twin can take (${table.rows.length} rows, ${refused.length} refused; the first: row ${refused[0]?.row} ${refused[0]?.column} ${refused[0]?.problem})`);

  const datasetId = options.datasetId ?? layerIdOf(basename(options.input));
  const folder = join(options.dataDir, datasetId);
  return publishLayer(options.dataDir, datasetId, { replace: false, catalogIds: await catalogFileLayerIds(), idOption: '--dataset-id' }, async (staging) => {
    await writeDataFile(join(staging, 'records', kind.file), new TextEncoder().encode(JSON.stringify(records, null, 1)));
    const summary: ImportRecordsSummary = { datasetId, folder, read: table.rows.length, imported: records.length, refused, notes };
    await writeDataFile(join(staging, IMPORT_REPORT_FILE), new TextEncoder().encode(JSON.stringify({ input: options.input, kind: options.kind, ...summary }, null, 2)));
    return summary;
  });
}

/** A row as a record candidate: cells turned into the types the schema expects, by column. */
function recordOf(kind: RecordKind, row: TableRow, columns: Partial<Record<Field, string>>, timeZone: string): Record<string, unknown> {
  const text = (field: Field) => textOf(cellOf(row, columns, field));
  const number = (field: Field) => numberOf(cellOf(row, columns, field));
  const present = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  if (kind === 'lifecycle') {
    return present({ resourceCode: text('resourceCode'), stage: text('stage'), date: dateOf(cellOf(row, columns, 'date')), summary: text('summary'), department: text('department') });
  }
  if (kind === 'incidents') {
    const status = text('status');
    return present({
      id: text('id'),
      type: text('type') ?? '其他',
      title: text('title'),
      description: text('description'),
      status: status === undefined ? '受理' : (STATUS_WORDS[status] ?? status),
      reportedAt: instantOf(cellOf(row, columns, 'reportedAt'), timeZone),
      floor: number('floor'),
    });
  }
  const kindText = text('kind');
  const warning = number('warning');
  const alarm = number('alarm');
  return present({
    id: text('id'),
    kind: kindText === undefined ? undefined : (KIND_WORDS[kindText] ?? kindText),
    name: text('name'),
    unit: text('unit') ?? '',
    thresholds: warning === undefined && alarm === undefined ? null : { warning: warning ?? alarm, alarm: alarm ?? warning },
  });
}

type Position = [number, number] | undefined | { column: string; value?: string; problem: string };

/**
 * How a row's position is read: lon/lat columns (WGS84 or CGCS2000), else x/y in `crs`. Surveyors
 * write X for northing and Y for easting: when the columns hold them so, they are read so (and
 * noted). GCJ-02 coordinates are undone when asked.
 */
function positionReader(options: ImportRecordsOptions, table: Table, columns: Partial<Record<Field, string>>, notes: string[]): (row: TableRow) => Position {
  const byLonLat = columns.lon !== undefined && columns.lat !== undefined;
  const byXy = columns.x !== undefined && columns.y !== undefined;
  if (!byLonLat && !byXy) throw new InputError(options.input, `has no coordinates: give lon and lat (经度, 纬度) columns, or x and y with --crs (its columns: ${table.columns.join(', ')})`);
  let crs: Crs | undefined;
  let swapped = false;
  if (!byLonLat) {
    if (!options.crs) throw new InputError(options.input, `has x/y columns (${columns.x}, ${columns.y}): name their CRS with --crs, e.g. EPSG:4528`);
    crs = resolveCrs(options.crs);
    // A northing of China (2,000–6,000 km) is never a Gauss-Krüger easting (about 500 km, or with its zone prefix tens of thousands of km).
    const xs = table.rows.map((row) => numberOf(cellOf(row, columns, 'x'))).filter((v): v is number => v !== undefined && Number.isFinite(v));
    // By most rows, so that one mistyped value does not turn the whole file around.
    const northings = xs.filter((x) => x > 1_500_000 && x < 7_000_000).length;
    swapped = northings > xs.length / 2;
    if (swapped) notes.push(`${columns.x} holds northings and ${columns.y} eastings, as surveyors write X and Y: read so`);
  }
  return (row) => {
    const first = byLonLat ? 'lon' : swapped ? 'y' : 'x';
    const second = byLonLat ? 'lat' : swapped ? 'x' : 'y';
    const a = numberOf(cellOf(row, columns, first));
    const b = numberOf(cellOf(row, columns, second));
    if (a === undefined && b === undefined) return { column: columns[first]!, problem: 'is empty: a record needs a position' };
    for (const [field, value] of [[first, a], [second, b]] as const) {
      if (value === undefined || !Number.isFinite(value)) {
        return { column: columns[field]!, ...(textOf(cellOf(row, columns, field)) ? { value: textOf(cellOf(row, columns, field))! } : {}), problem: value === undefined ? 'is empty' : 'is not a number' };
      }
    }
    let [lon, lat] = crs ? crs.toWgs84(a!, b!) : [a!, b!];
    if (options.gcj02) [lon, lat] = gcj02ToWgs84(lon, lat);
    const area = crs?.areaOfUse;
    const outside = !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90 || (area && (lon < area[0] - 0.5 || lon > area[2] + 0.5 || lat < area[1] - 0.5 || lat > area[3] + 0.5));
    if (outside) return { column: columns[first]!, value: `${a}, ${b}`, problem: `lies outside ${crs ? `the area of use of ${crs.id}` : 'the globe'}` };
    return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
  };
}
