import { createRequire } from 'node:module';
import proj4, { type Converter } from 'proj4';

/** A source CRS and how to bring its coordinates to WGS84 longitude/latitude. */
export interface Crs {
  /** How users name it: `EPSG:4528`, or the WKT's own name. */
  id: string;
  name: string;
  toWgs84: (x: number, y: number) => [number, number];
  fromWgs84: (lon: number, lat: number) => [number, number];
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
const wgs84: Crs = { id: 'EPSG:4326', name: 'WGS 84', toWgs84: identity, fromWgs84: identity, areaOfUse: [-180, -90, 180, 90] };

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
    const name = /^\w+\["([^"]*)"/.exec(text)?.[1] ?? 'WKT';
    return fromDefinition(name, name, text);
  }
  throw new Error(`Unknown CRS "${spec}": give an EPSG code (EPSG:4528), a PROJ string or WKT`);
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
    toWgs84: (x, y) => converter.forward([x, y]) as [number, number],
    fromWgs84: (lon, lat) => converter.inverse([lon, lat]) as [number, number],
  };
}
