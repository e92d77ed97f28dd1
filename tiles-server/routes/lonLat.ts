import { z } from 'zod';

/** `lon,lat` in WGS84 degrees, as a query parameter. */
export const LonLat = z
  .string()
  .transform((value) => value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part))))
  .refine((n) => n.length === 2 && n.every(Number.isFinite), 'must be lon,lat in degrees')
  .refine(([lon, lat]) => Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90, 'must have -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90')
  .transform((n) => n as [number, number]);
