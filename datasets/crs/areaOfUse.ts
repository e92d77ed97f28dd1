import { InputError } from '../readers/types.ts';
import type { Crs } from './resolveCrs.ts';

/** Degrees a layer may reach past its CRS's area of use: a county at a zone's edge is projected in one zone and crosses it a little. */
const MARGIN_DEGREES = 1;

type Box = [west: number, south: number, east: number, north: number];

/**
 * Refuses coordinates that lie outside the area of use of the CRS they are said to be in (a
 * wrong or missing `.prj`, a zone prefix too many or too few): the layer would land hundreds
 * of kilometres away, or nowhere.
 */
export function checkAreaOfUse(file: string, crs: Crs, extent: Box, sourceExtent: Box): void {
  const area: Box = crs.areaOfUse ?? [-180, -90, 180, 90];
  const [west, south, east, north] = extent;
  const inside =
    extent.every(Number.isFinite) &&
    west >= area[0] - MARGIN_DEGREES && south >= area[1] - MARGIN_DEGREES && east <= area[2] + MARGIN_DEGREES && north <= area[3] + MARGIN_DEGREES;
  if (inside) return;
  throw new InputError(
    file,
    `its coordinates lie outside the area of use of ${crs.id} (${degrees(area)}): in ${crs.id} they reach ${degrees(extent)}` +
      `${zonePrefixHint(crs, sourceExtent)}; pass --crs with the CRS they are in`,
  );
}

/** CGCS2000 3° Gauss-Krüger: EPSG:4513–4533 put the zone number (25–45) before the easting, EPSG:4534–4554 do not. */
function zonePrefixHint(crs: Crs, [minX, , maxX]: Box): string {
  const code = Number(/^EPSG:(\d+)$/.exec(crs.id)?.[1]);
  const zone = Math.floor(minX / 1e6);
  if (code >= 4534 && code <= 4554 && zone >= 25 && zone <= 45 && Math.floor(maxX / 1e6) === zone) {
    return ` (the eastings start with the zone number ${zone}: that is EPSG:${4513 + zone - 25})`;
  }
  if (code >= 4513 && code <= 4533 && maxX < 1e6) return ` (the eastings carry no zone number: that is EPSG:${4534 + code - 4513})`;
  return '';
}

const degrees = ([west, south, east, north]: Box) =>
  [west, south, east, north].every(Number.isFinite)
    ? `${west.toFixed(3)}°–${east.toFixed(3)}° E, ${south.toFixed(3)}°–${north.toFixed(3)}° N`
    : 'no valid longitude and latitude';
