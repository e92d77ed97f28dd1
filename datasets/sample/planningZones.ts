import type { LandUseCode } from './landUseClasses.ts';

/**
 * The planning zones (国土空间规划分区, first-level zones of the county master plan) of the sample,
 * with colours after the planning guidelines' palette. The sample zones each parcel by its
 * current use, as a plan largely confirms what is there.
 */
export const planningZones = [
  { value: '生态保护区', en: 'Ecological protection', color: '#2e7d32' },
  { value: '生态控制区', en: 'Ecological control', color: '#81c784' },
  { value: '农田保护区', en: 'Farmland protection', color: '#f0e27a' },
  { value: '乡村发展区', en: 'Rural development', color: '#e6b98a' },
  { value: '城镇发展区', en: 'Urban development', color: '#e57373' },
] as const;

export type PlanningZone = (typeof planningZones)[number]['value'];

export const zoneOfClass: Record<LandUseCode, PlanningZone> = {
  '0101': '农田保护区',
  '0103': '农田保护区',
  '0201': '乡村发展区',
  '0202': '乡村发展区',
  '0301': '生态保护区',
  '0305': '生态控制区',
  '0601': '城镇发展区',
  '0701': '城镇发展区',
  '0702': '乡村发展区',
  '05H1': '城镇发展区',
  '1101': '生态保护区',
};
