/**
 * The GB/T 21010-2017 (第三次全国国土调查) land-use classes the sample uses, with colours after
 * the survey's standard palette.
 */
export interface LandUseClass {
  code: string;
  zh: string;
  en: string;
  color: [number, number, number];
}

export const landUseClasses = [
  { code: '0101', zh: '水田', en: 'Paddy field', color: [236, 234, 140] },
  { code: '0103', zh: '旱地', en: 'Dry farmland', color: [245, 224, 160] },
  { code: '0201', zh: '果园', en: 'Orchard', color: [214, 200, 110] },
  { code: '0202', zh: '茶园', en: 'Tea garden', color: [186, 206, 110] },
  { code: '0301', zh: '乔木林地', en: 'Forest', color: [86, 150, 80] },
  { code: '0305', zh: '灌木林地', en: 'Shrubland', color: [130, 172, 96] },
  { code: '0601', zh: '工业用地', en: 'Industrial land', color: [196, 150, 130] },
  { code: '0701', zh: '城镇住宅用地', en: 'Urban residential', color: [240, 160, 120] },
  { code: '0702', zh: '农村宅基地', en: 'Rural homesteads', color: [236, 184, 150] },
  { code: '05H1', zh: '商业服务业设施用地', en: 'Commercial services', color: [232, 120, 120] },
  { code: '1101', zh: '河流水面', en: 'River', color: [140, 196, 238] },
] as const satisfies readonly LandUseClass[];

export type LandUseCode = (typeof landUseClasses)[number]['code'];

export const landUseByCode = new Map<string, LandUseClass>(landUseClasses.map((c) => [c.code, c]));

/** A class colour as CSS writes it. */
export const hexColor = (rgb: readonly number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
