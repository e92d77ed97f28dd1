/** Properties shown first, in this order; the rest follow alphabetically. */
const preferredOrder = ['name', 'oid', 'use', 'height', 'floors', 'address', 'year', 'adminCode', 'type'];

/** Keys that only restate another in the other language, or exist for machines. */
const hidden = new Set(['nameEn']);

export interface PropertyRow {
  key: string;
  value: string;
}

/**
 * The rows of an info panel: known properties first, empty values and "no data" numbers (0 for
 * floors and year, as the tiles store them) left out, numbers rounded for reading.
 */
export function propertyRows(properties: Record<string, unknown>): PropertyRow[] {
  const rank = (key: string) => {
    const index = preferredOrder.indexOf(key);
    return index < 0 ? preferredOrder.length : index;
  };
  return Object.entries(properties)
    .filter(([key, value]) => !hidden.has(key) && value !== undefined && value !== null && value !== '')
    .filter(([key, value]) => !((key === 'floors' || key === 'year') && value === 0))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, value]) => ({ key, value: typeof value === 'number' ? formatNumber(value) : String(value) }));
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
