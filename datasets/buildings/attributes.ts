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

/** Names the same property goes by in common sources (OSM, IGN, Chinese cadastre exports). */
const aliases = {
  height: ['height', 'HEIGHT', 'Height', 'HAUTEUR', 'building_height', 'bldg_height', '高度', '建筑高度'],
  floors: ['floors', 'FLOORS', 'floor', 'FLOOR', 'levels', 'building:levels', 'NB_ETAGES', 'num_floors', '层数', '楼层'],
  use: ['use', 'USE', 'usage', 'USAGE', 'building', 'type', 'TYPE', '用途', '建筑用途'],
  name: ['name', 'NAME', 'Name', 'name:zh', '名称', '建筑名称'],
  address: ['address', 'ADDRESS', 'addr', 'addr:full', '地址', '门牌地址'],
  year: ['year', 'YEAR', 'year_built', 'start_date', 'construction_year', '建成年份', '竣工年份'],
  adminCode: ['adminCode', 'admin_code', 'ADMIN_CODE', 'XZQDM', 'xzqdm', '行政区划代码'],
} as const;

function pick(properties: Record<string, unknown>, field: string | undefined, names: readonly string[]): unknown {
  if (field) return properties[field];
  for (const name of names) {
    const value = properties[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

const positiveNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
};

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The attributes of one source feature; heights fall back from the field to floors to the default. */
export function buildingAttributes(
  properties: Record<string, unknown>,
  featureId: string | number | undefined,
  index: number,
  options: AttributeOptions,
): BuildingAttributes {
  const floors = Math.round(positiveNumber(pick(properties, options.floorsField, aliases.floors)) ?? 0);
  const height =
    positiveNumber(pick(properties, options.heightField, aliases.height)) ??
    (floors > 0 ? floors * options.floorHeight : options.defaultHeight);
  const id = options.idField ? properties[options.idField] : featureId;
  const year = Math.round(positiveNumber(String(pick(properties, undefined, aliases.year) ?? '').slice(0, 4)) ?? 0);
  return {
    oid: `${options.oidPrefix}${id === undefined || id === null || id === '' ? String(index + 1).padStart(6, '0') : String(id)}`,
    height,
    floors,
    use: text(pick(properties, undefined, aliases.use)),
    name: text(pick(properties, undefined, aliases.name)),
    address: text(pick(properties, undefined, aliases.address)),
    year,
    adminCode: text(pick(properties, undefined, aliases.adminCode) ?? options.adminCode),
  };
}
