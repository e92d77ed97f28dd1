import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import earcut from 'earcut';
import proj4 from 'proj4';
import { LocalMesh, b3dm } from './boxTileset.ts';

/** A building as its footprint data gives it: the outer ring ([lon, lat], closed or not), the ground it stands on and its height (m). */
export interface Footprint {
  ring: [number, number][];
  base: number;
  height: number;
}

/**
 * A photogrammetry-like delivery over buildings: one continuous mesh without features (3D Tiles
 * 1.0, one b3dm), each building a prism from a metre under its ground to its roof, in a local
 * east-north-up frame at `origin` as a contractor's export has it. The roofs are triangulated by
 * earcut, apart from the twin's own geometry code.
 */
export async function writeFootprintTileset(dir: string, footprints: Footprint[], origin: { lon: number; lat: number; height: number }, colour: [number, number, number]): Promise<void> {
  const local = proj4('EPSG:4326', `+proj=tmerc +lat_0=${origin.lat} +lon_0=${origin.lon} +k=1 +x_0=0 +y_0=0 +ellps=WGS84`);
  const mesh = new LocalMesh();
  let extent = 0;
  let top = 0;
  for (const { ring, base, height } of footprints) {
    const open = ring.at(0)![0] === ring.at(-1)![0] && ring.at(0)![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
    const xy = open.map((point) => local.forward(point) as [number, number]);
    const [low, high] = [base - 1 - origin.height, base + height - origin.height];
    mesh.face(xy.map(([x, y]) => [x, y, high]), [0, 0, 1], counterClockwise(xy, earcut(xy.flat())));
    xy.forEach(([x0, y0], i) => {
      const [x1, y1] = xy[(i + 1) % xy.length]!;
      const length = Math.hypot(x1 - x0, y1 - y0) || 1;
      const outward = signedArea(xy) > 0 ? [(y1 - y0) / length, -(x1 - x0) / length, 0] : [-(y1 - y0) / length, (x1 - x0) / length, 0];
      mesh.face([[x0, y0, low], [x1, y1, low], [x1, y1, high], [x0, y0, high]], outward, signedArea(xy) > 0 ? [0, 1, 2, 0, 2, 3] : [0, 2, 1, 0, 3, 2]);
      extent = Math.max(extent, Math.abs(x0), Math.abs(y0));
    });
    top = Math.max(top, high);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'mesh.b3dm'), b3dm(mesh.glb(colour)));
  const box = [0, 0, top / 2, extent + 10, 0, 0, 0, extent + 10, 0, 0, 0, Math.max(top, 50) / 2 + 20];
  await writeFile(join(dir, 'tileset.json'), JSON.stringify({ asset: { version: '1.0' }, geometricError: 100, root: { boundingVolume: { box }, geometricError: 0, refine: 'ADD', content: { uri: 'mesh.b3dm' } } }));
}

/** Twice the signed area of a ring (positive counter-clockwise). */
function signedArea(xy: [number, number][]): number {
  return xy.reduce((sum, [x0, y0], i) => {
    const [x1, y1] = xy[(i + 1) % xy.length]!;
    return sum + x0 * y1 - x1 * y0;
  }, 0);
}

/** earcut's triangles turned to face up (counter-clockwise seen from above). */
function counterClockwise(xy: [number, number][], triangles: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < triangles.length; i += 3) {
    const [a, b, c] = [triangles[i]!, triangles[i + 1]!, triangles[i + 2]!];
    const cross = (xy[b]![0] - xy[a]![0]) * (xy[c]![1] - xy[a]![1]) - (xy[b]![1] - xy[a]![1]) * (xy[c]![0] - xy[a]![0]);
    out.push(...(cross >= 0 ? [a, b, c] : [a, c, b]));
  }
  return out;
}
