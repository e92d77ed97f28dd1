/** Properties shown first, in this order; the rest follow alphabetically. */
const preferredOrder = ['name', 'oid', 'use', 'height', 'floors', 'address', 'year', 'adminCode', 'type'];

/** Keys that only restate another in the other language, or exist for machines. */
const hidden = new Set(['nameEn']);

/** How a value reads to a person when it is a code or an enumerated value (an area's name for its code, a status in the interface's language); undefined to show it as it is. */
export type ValueDescriber = (key: string, value: unknown) => string | undefined;

export interface PropertyRow {
  key: string;
  value: string;
}

/**
 * The rows of an info panel: known properties first, empty values and "no data" numbers (0 for
 * floors and year, as the tiles store them) left out, codes and enumerated values as `describe`
 * reads them, other numbers rounded for reading.
 */
export function propertyRows(properties: Record<string, unknown>, describe: ValueDescriber = () => undefined): PropertyRow[] {
  const rank = (key: string) => {
    const index = preferredOrder.indexOf(key);
    return index < 0 ? preferredOrder.length : index;
  };
  return Object.entries(properties)
    .filter(([key, value]) => !hidden.has(key) && value !== undefined && value !== null && value !== '')
    .filter(([key, value]) => !((key === 'floors' || key === 'year') && value === 0))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, value]) => ({ key, value: describe(key, value) ?? (typeof value === 'number' ? formatNumber(value) : String(value)) }));
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
