import { createRequire } from 'node:module';
import proj4, { type Converter } from 'proj4';

/** A source CRS and how to bring its coordinates to WGS84 longitude/latitude. */
export interface Crs {
  /** How users name it: `EPSG:4528`, or the WKT's own name. */
  id: string;
  name: string;
  toWgs84: (x: number, y: number) => [number, number];
  fromWgs84: (lon: number, lat: number) => [number, number];
  /** Whether its coordinates are longitude and latitude (else metres on a projection). */
  geographic: boolean;
  /** Area of use in degrees [west, south, east, north], when the registry knows it. */
  areaOfUse?: [number, number, number, number];
}

interface EpsgEntry {
  name: string;
  proj4: string;
  bbox?: [number, number, number, number];
}

const require = createRequire(import.meta.url);
const identity = (x: number, y: number): [number, number] => [x, y];
const wgs84: Crs = { id: 'EPSG:4326', name: 'WGS 84', geographic: true, toWgs84: identity, fromWgs84: identity, areaOfUse: [-180, -90, 180, 90] };

/**
 * Resolves a CRS as files and users state it: `EPSG:4528`, an OGC URN (`urn:ogc:def:crs:EPSG::4528`,
 * `urn:ogc:def:crs:OGC:1.3:CRS84`), a PROJ string, or WKT from a `.prj` file. Every EPSG code is
 * looked up in the EPSG registry, so CGCS2000 (EPSG:4490) and its Gauss-Krüger zones with and
 * without the zone prefix (EPSG:4513–4533, 4534–4554) work like any other.
 */
export function resolveCrs(spec: string): Crs {
  const text = spec.trim();
  if (/^(urn:ogc:def:crs:OGC:1\.3:CRS84|CRS:?84|WGS ?84)$/i.test(text)) return wgs84;
  const code = /^(?:EPSG:|urn:ogc:def:crs:EPSG:[\d.]*:)(\d+)$/i.exec(text)?.[1];
  if (code) return fromEpsg(code);
  if (text.startsWith('+')) return fromDefinition(text, text, text);
  if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS)\[/i.test(text)) {
    // The registry's entry, when the WKT names one, brings the CRS's area of use.
    const registered = epsgCodeOfWkt(text);
    if (registered) return fromEpsg(registered);
    const name = /^\w+\["([^"]*)"/.exec(text)?.[1] ?? 'WKT';
    return fromDefinition(name, name, text);
  }
  throw new Error(`Unknown CRS "${spec}": give an EPSG code (EPSG:4528), a PROJ string or WKT`);
}

/**
 * The EPSG code a WKT states (its last AUTHORITY or ID), or the one its Esri name stands for:
 * GDAL and ArcGIS write CGCS2000 and its Gauss-Krüger zones into `.prj` files by name only.
 */
function epsgCodeOfWkt(wkt: string): string | undefined {
  const stated = /(?:AUTHORITY\["EPSG",\s*"(\d+)"\]|ID\["EPSG",\s*(\d+)\])\]\s*$/i.exec(wkt);
  if (stated) return stated[1] ?? stated[2];
  const name = /^\w+\["([^"]*)"/.exec(wkt)?.[1] ?? '';
  const zone = (pattern: RegExp, first: number, from: number, to: number, step = 1) => {
    const n = Number(pattern.exec(name)?.[1]);
    return n >= from && n <= to && (n - from) % step === 0 ? String(first + (n - from) / step) : undefined;
  };
  if (/^GCS_China_Geodetic_Coordinate_System_2000$/i.test(name)) return '4490';
  return (
    zone(/^CGCS2000_3_Degree_GK_Zone_(\d+)$/i, 4513, 25, 45) ??
    zone(/^CGCS2000_3_Degree_GK_CM_(\d+)E$/i, 4534, 75, 135, 3) ??
    zone(/^CGCS2000_GK_Zone_(\d+)$/i, 4491, 13, 23) ??
    zone(/^CGCS2000_GK_CM_(\d+)E$/i, 4502, 75, 135, 6)
  );
}

function fromEpsg(code: string): Crs {
  if (code === '4326') return wgs84;
  let entry: EpsgEntry;
  try {
    entry = require(`epsg-index/s/${code}.json`) as EpsgEntry;
  } catch {
    throw new Error(`Unknown CRS EPSG:${code}: not in the EPSG registry`);
  }
  const crs = fromDefinition(`EPSG:${code}`, entry.name, entry.proj4.replace(' +type=crs', ''));
  if (entry.bbox) {
    const [north, west, south, east] = entry.bbox;
    crs.areaOfUse = [west, south, east, north];
  }
  return crs;
}

function fromDefinition(id: string, name: string, definition: string): Crs {
  let converter: Converter;
  try {
    converter = proj4(definition, 'WGS84');
  } catch (error) {
    throw new Error(`CRS "${id}" cannot be used: ${(error as Error).message ?? error}`);
  }
  return {
    id,
    name,
    geographic: proj4.Proj(definition).names.includes('longlat'),
    toWgs84: (x, y) => converter.forward([x, y]) as [number, number],
    fromWgs84: (lon, lat) => converter.inverse([lon, lat]) as [number, number],
  };
}
