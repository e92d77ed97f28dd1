import { LAYER_TABLE_COLUMNS as C } from '../../layers/index.ts';
import type { QueryResult } from './hooks.ts';

/**
 * The result as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted), led by a
 * UTF-8 byte-order mark: without it, Excel as set up in China reads the file as GBK and garbles
 * every Chinese name.
 */
export function resultToCsv(result: QueryResult): string {
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [result.columns.map(field).join(',')];
  for (let row = 0; row < result.rowCount; row++) lines.push(result.columns.map((_, c) => field(result.cell(row, c))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The result as a GeoJSON FeatureCollection: each row's `geometry` column (GeoJSON text, as every
 * layer table has it) or else its `lon`/`lat` columns as a point; the other columns as properties.
 * Undefined when the result has neither.
 */
export function resultToGeoJson(result: QueryResult): string | undefined {
  const index = (name: string) => result.columns.indexOf(name);
  const [geometry, lon, lat] = [index(C.geometry), index(C.lon), index(C.lat)];
  if (geometry < 0 && (lon < 0 || lat < 0)) return undefined;
  const features = [];
  for (let row = 0; row < result.rowCount; row++) {
    const properties: Record<string, unknown> = {};
    result.columns.forEach((name, c) => {
      if (c !== geometry) properties[name] = result.cell(row, c);
    });
    const shape = geometry >= 0 ? (JSON.parse(String(result.cell(row, geometry))) as unknown) : { type: 'Point', coordinates: [Number(result.cell(row, lon)), Number(result.cell(row, lat))] };
    features.push({ type: 'Feature', properties, geometry: shape });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
