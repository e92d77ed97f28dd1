import { type LandUseClass, landUseClass } from '../landuse/landUseClasses.ts';

/** The GB/T 21010 classes the sample's parcels use. */
const SAMPLE_CODES = ['0101', '0103', '0201', '0202', '0301', '0305', '0601', '0701', '0702', '05H1', '1101'] as const;

export type LandUseCode = (typeof SAMPLE_CODES)[number];

export const landUseClasses: readonly LandUseClass[] = SAMPLE_CODES.map((code) => landUseClass(code)!);

export const landUseByCode = new Map<string, LandUseClass>(landUseClasses.map((c) => [c.code, c]));
