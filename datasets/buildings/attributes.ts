/** The properties every building carries into its tiles and its attribute file. */
export interface BuildingAttributes {
  oid: string;
  /** Metres above its base. */
  height: number;
  floors: number;
  use: string;
  name: string;
  address: string;
  year: number;
  adminCode: string;
}

export interface AttributeOptions {
  /** Property holding the height in metres; when absent, floors × floorHeight, then defaultHeight. */
  heightField?: string;
  floorsField?: string;
  floorHeight: number;
  defaultHeight: number;
  /** Property holding the building's id; default the feature id, then its position in the file. */
  idField?: string;
  /** Prefix of every oid, e.g. `bldg:330723-`. */
  oidPrefix: string;
  /** Admin code for buildings whose source has none. */
  adminCode?: string;
}

/** Names the same property goes by in common sources (OSM, IGN, Chinese cadastre exports; `building_l` is OSM's `building:levels` cut to a Shapefile's 10 characters). */
const aliases = {
  height: ['height', 'HEIGHT', 'Height', 'HAUTEUR', 'building_height', 'bldg_height', '高度', '建筑高度'],
  minHeight: ['min_height', 'MIN_HEIGHT', 'building:min_height', '底部高度'],
  floors: ['floors', 'FLOORS', 'floor', 'FLOOR', 'levels', 'building:levels', 'building_l', 'NB_ETAGES', 'num_floors', '层数', '楼层'],
  use: ['use', 'USE', 'usage', 'USAGE', '用途', '建筑用途', 'kind_detail', 'kind_detai', 'building', 'type', 'TYPE'],
  name: ['name', 'NAME', 'Name', 'name:zh', '名称', '建筑名称'],
  address: ['address', 'ADDRESS', 'addr', 'addr:full', '地址', '门牌地址'],
  year: ['year', 'YEAR', 'year_built', 'start_date', 'construction_year', '建成年份', '竣工年份'],
  adminCode: ['adminCode', 'admin_code', 'ADMIN_CODE', 'XZQDM', 'xzqdm', '行政区划代码'],
} as const;

/** Values that say only that a thing is a building (OSM `building=yes`), not what for. */
const NO_USE = new Set(['yes', 'true', '1']);

function pick(properties: Record<string, unknown>, field: string | undefined, names: readonly string[], skip?: Set<string>): unknown {
  if (field) return properties[field];
  for (const name of names) {
    const value = properties[name];
    if (value !== undefined && value !== null && value !== '' && !skip?.has(String(value).toLowerCase())) return value;
  }
  return undefined;
}

/** Buildings are no taller than this: a height beyond it is a unit or a typing error (Shanghai Tower: 632 m). */
export const MAX_BUILDING_HEIGHT = 1000;

/**
 * An address from OSM's parts (`addr:street` + `addr:housenumber`, or `addr_street` as exports rename them):
 * 解放街 12 → 解放街12号, with the city and district before it, as Chinese addresses read; otherwise "12 Main Street, City".
 */
function addressFromParts(properties: Record<string, unknown>): string {
  // Shapefile exports shorten field names to 10 characters: addr_housenumber becomes addr_house.
  const part = (key: string) => text(properties[`addr:${key}`] ?? properties[`addr_${key}`] ?? properties[`addr_${key}`.slice(0, 10)]).trim();
  const [street, number, city, district] = [part('street'), part('housenumber'), part('city'), part('district')];
  if (!street && !number) return '';
  if (/[\u4e00-\u9fff]/.test(street + city + district)) return `${city}${district}${street}${number}${/\d$/.test(number) ? '号' : ''}`;
  return [[number, street].filter(Boolean).join(' '), city].filter(Boolean).join(', ');
}

const positiveNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
};

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/**
 * The attributes of one source feature; heights fall back from the field to floors to the default.
 * A building part (OSM `min_height`) starts that high above its base: `minHeight` lifts it, and
 * its `height` is what it rises above that. A height out of 0–1,000 m is returned as a problem.
 */
export function buildingAttributes(
  properties: Record<string, unknown>,
  featureId: string | number | undefined,
  index: number,
  options: AttributeOptions,
): { attributes: BuildingAttributes; minHeight: number } | string {
  const floors = Math.round(positiveNumber(pick(properties, options.floorsField, aliases.floors)) ?? 0);
  const top =
    positiveNumber(pick(properties, options.heightField, aliases.height)) ??
    (floors > 0 ? floors * options.floorHeight : options.defaultHeight);
  if (top > MAX_BUILDING_HEIGHT) return `height ${top} m beyond ${MAX_BUILDING_HEIGHT} m`;
  const minHeight = positiveNumber(pick(properties, undefined, aliases.minHeight)) ?? 0;
  if (minHeight >= top) return `min_height ${minHeight} m not below its height ${top} m`;
  const id = options.idField ? properties[options.idField] : featureId;
  const year = Math.round(positiveNumber(String(pick(properties, undefined, aliases.year) ?? '').slice(0, 4)) ?? 0);
  const attributes = {
    oid: `${options.oidPrefix}${id === undefined || id === null || id === '' ? String(index + 1).padStart(6, '0') : String(id)}`,
    height: top - minHeight,
    floors,
    use: text(pick(properties, undefined, aliases.use, NO_USE)),
    name: text(pick(properties, undefined, aliases.name)),
    address: text(pick(properties, undefined, aliases.address)) || addressFromParts(properties),
    year,
    adminCode: text(pick(properties, undefined, aliases.adminCode) ?? options.adminCode),
  };
  return { attributes, minHeight };
}
