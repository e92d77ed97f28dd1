import type { Cell, TableRow } from './readTable.ts';

/**
 * How the columns of existing systems' exports are named, per field of a record: the twin's own
 * name first, then the Chinese headings 数字城管, 监测 and 资源码 systems use. Matched without regard
 * to case or surrounding spaces.
 */
export const COLUMN_NAMES = {
  id: ['id', '编号', '事件编号', '案件编号', '工单编号', '点位编号', '设备编号'],
  type: ['type', '事件类型', '案件类型', '问题类型', '类型'],
  title: ['title', '标题', '事件名称', '事件标题', '案件标题'],
  description: ['description', '描述', '事件描述', '问题描述', '详情'],
  status: ['status', '状态', '处置状态', '案件状态'],
  reportedAt: ['reportedAt', 'reported_at', '上报时间', '发生时间', '受理时间', '立案时间'],
  lon: ['lon', 'lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  x: ['x', 'X坐标', '横坐标', '东坐标'],
  y: ['y', 'Y坐标', '纵坐标', '北坐标'],
  floor: ['floor', '楼层'],
  oid: ['oid', '对象编号'],
  kind: ['kind', '监测类型', '设备类型', '类型'],
  name: ['name', '名称', '点位名称', '设备名称'],
  unit: ['unit', '单位'],
  warning: ['warning', '预警值', '预警阈值'],
  alarm: ['alarm', '报警值', '报警阈值', '告警值'],
  resourceCode: ['resourceCode', 'resource_code', '资源码'],
  stage: ['stage', '阶段', '环节'],
  date: ['date', '日期', '办理日期'],
  summary: ['summary', '摘要', '办理内容', '内容'],
  department: ['department', '部门', '责任部门', '办理部门'],
} as const;

export type Field = keyof typeof COLUMN_NAMES;

/** Which column of the table holds each field it has. */
export function columnsOf(columns: readonly string[], fields: readonly Field[]): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  const taken = new Set<string>();
  for (const field of fields) {
    for (const name of COLUMN_NAMES[field]) {
      const column = columns.find((candidate) => !taken.has(candidate) && candidate.trim().toLowerCase() === name.toLowerCase());
      if (column !== undefined) {
        found[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  return found;
}

/** A row's cell for a field, by the column found for it. */
export const cellOf = (row: TableRow, columns: Partial<Record<Field, string>>, field: Field): Cell => {
  const column = columns[field];
  return column === undefined ? null : (row.cells[column] ?? null);
};

/** A cell as text (numbers as written), or undefined when empty. */
export function textOf(cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return cell.toISOString();
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

/** A cell as a number ("1,234.5" as 1234.5), NaN when it is not one, undefined when empty. */
export function numberOf(cell: Cell): number | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'number') return cell;
  const text = String(cell).trim().replace(/,/g, '');
  return text === '' ? undefined : Number(text);
}

/**
 * A cell as an instant with its offset: an ISO date-time as it is; a date-time without an offset
 * (`2026-11-18 14:22`, `2026/11/18`) in `offset`, the time zone the exporting system ran in; an
 * Excel date cell (which has no zone) likewise. Undefined when empty, the text itself when none of these.
 */
export function instantOf(cell: Cell, offset: string): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) {
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}T${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}${offset}`;
  }
  const text = String(cell).trim();
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return text;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const ownOffset = zone === undefined ? offset : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${ownOffset}`;
}

/** Two digits: `5` → `05`. */
const pad = (value: number | string) => String(value).padStart(2, '0');

/** A cell as a calendar date (YYYY-MM-DD), from a date cell or `2026/3/5`-like text; the text itself when it is neither. */
export function dateOf(cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return match ? `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}` : text;
}
