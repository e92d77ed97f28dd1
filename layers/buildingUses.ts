import type { LegendItem } from './schema.ts';

/**
 * What a building is used for, in the few classes a city map colours, and how each is drawn.
 * A layer's `use` is whatever its source wrote (the 用途 of a county register, an OSM `building`
 * or `kind_detail` tag), so each class lists the words it is known by in both.
 * The colours are light and unsaturated, so lit walls keep their shading and the selection's
 * red and the query highlight's yellow stand out from every one of them.
 */
export const BUILDING_USES = [
  { id: 'residential', color: '#e9dcc6', label: { zh: '住宅', en: 'Residential' }, words: ['住宅', '居住', '宅基地', 'residential', 'house', 'apartments', 'detached', 'terrace', 'dormitory', 'semidetached_house', 'bungalow'] },
  { id: 'commercial', color: '#eeaa8c', label: { zh: '商业', en: 'Commercial' }, words: ['商业', '商服', '商住', 'commercial', 'retail', 'shop', 'supermarket', 'hotel', 'kiosk'] },
  { id: 'office', color: '#9dbfe0', label: { zh: '办公', en: 'Office' }, words: ['办公', '行政办公', 'office', 'government', 'civic'] },
  { id: 'industrial', color: '#b9aecd', label: { zh: '工业', en: 'Industrial' }, words: ['工业', '厂房', 'industrial', 'factory', 'manufacture'] },
  { id: 'storage', color: '#c9bb9f', label: { zh: '仓储', en: 'Storage' }, words: ['仓储', '物流', 'warehouse', 'storage', 'storage_tank'] },
  { id: 'education', color: '#a6d2a4', label: { zh: '教育', en: 'Education' }, words: ['教育', '学校', 'school', 'university', 'college', 'kindergarten'] },
  { id: 'medical', color: '#eeb7c3', label: { zh: '医疗', en: 'Health care' }, words: ['医疗', '医院', '卫生', 'hospital', 'clinic'] },
] as const;

export type BuildingUseClass = (typeof BUILDING_USES)[number]['id'] | 'other';

/** Buildings whose use is missing or of no class above. */
export const OTHER_USE_COLOR = '#d6d3cc';

const classOfWord = new Map<string, BuildingUseClass>(BUILDING_USES.flatMap(({ id, words }) => words.map((word) => [word, id] as const)));

/** The class of a source's use value; case and surrounding spaces do not matter. */
export function buildingUseClass(use: string | null | undefined): BuildingUseClass {
  return (use && classOfWord.get(use.trim().toLowerCase())) || 'other';
}

/** Height (m) from which a building is drawn at its palest: towers read lighter than the streets below. */
const TALL = 90;

/**
 * The colour a building is drawn in, `#rrggbb`: its use's, paler the taller it is (up to a third
 * of the way to white at 90 m and above), so the skyline stands out from low streets.
 */
export function buildingColor(use: string | null | undefined, height: number): string {
  const useClass = buildingUseClass(use);
  const base = useClass === 'other' ? OTHER_USE_COLOR : BUILDING_USES.find(({ id }) => id === useClass)!.color;
  const paler = Math.min(Math.max(height, 0) / TALL, 1) / 3;
  const channels = [1, 3, 5].map((at) => parseInt(base.slice(at, at + 2), 16)).map((channel) => Math.round(channel + (255 - channel) * paler));
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** The legend of a buildings layer drawn by use. */
export const buildingUseLegend: LegendItem[] = [
  ...BUILDING_USES.map(({ color, label }) => ({ symbol: 'fill' as const, color, label: { ...label } })),
  { symbol: 'fill', color: OTHER_USE_COLOR, label: { zh: '其他', en: 'Other' } },
];
