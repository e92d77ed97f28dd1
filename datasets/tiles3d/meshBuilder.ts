import earcut from 'earcut';
import type { EnuFrame } from '../geo/enuFrame.ts';

/**
 * Triangles of extruded footprints in one tile's east-north-up frame, laid out for glTF
 * (y up: x = east, y = up, z = −north): a flat roof per polygon and a wall per ring edge, each
 * face with its own vertices so that its normal is flat. No floor: buildings stand on the ground.
 * Each vertex carries an ambient occlusion (a grey, glTF's COLOR_0): walls darken towards their
 * foot, where the street and the neighbours hide the sky, so blocks read as standing on the ground.
 */
/** Occlusion of what sees the whole sky (roofs, the tops of walls) and of a wall's foot (linear; about two thirds as bright, as displayed). */
const OPEN_SKY = 255;
const WALL_FOOT = 110;

export class MeshBuilder {
  positions = new Float64Array(3 * 1024);
  normals = new Int8Array(4 * 1024);
  /** 4 per vertex (the grey three times, padding), 0–255, linear. */
  occlusion = new Uint8Array(4 * 1024);
  featureIds = new Uint16Array(1024);
  indices = new Uint32Array(3 * 1024);
  vertexCount = 0;
  indexCount = 0;

  constructor(private readonly frame: EnuFrame) {}

  /** Vertices a footprint will take: one per roof point, four per wall. */
  static vertexCount(polygons: Float64Array[][]): number {
    let points = 0;
    for (const rings of polygons) for (const ring of rings) points += ring.length / 2;
    return points * 5;
  }

  /** Adds one building (or its simplified block) as feature `featureId`. */
  addExtrusion(polygons: Float64Array[][], base: number, top: number, featureId: number): void {
    for (const rings of polygons) {
      // Each ring's points at the foot and at the top, in the frame: the roof and the walls share them.
      const feet: Float64Array[] = [];
      const tops: Float64Array[] = [];
      for (const ring of rings) {
        const count = ring.length / 2;
        const [foot, head] = [new Float64Array(3 * count), new Float64Array(3 * count)];
        for (let i = 0; i < count; i++) this.frame.toLocalPair(ring[2 * i]!, ring[2 * i + 1]!, base, top, foot, 3 * i, head, 3 * i);
        feet.push(foot);
        tops.push(head);
      }
      this.addRoof(tops, featureId);
      for (let r = 0; r < rings.length; r++) this.addWalls(feet[r]!, tops[r]!, featureId);
    }
  }

  /** The roof over rings given in the frame (the first the outline, the rest holes). */
  private addRoof(rings: Float64Array[], featureId: number): void {
    const first = this.vertexCount;
    const flat: number[] = [];
    const holes: number[] = [];
    for (const [r, ring] of rings.entries()) {
      if (r > 0) holes.push(flat.length / 2);
      for (let i = 0; i < ring.length / 3; i++) {
        this.pushLocal(ring, i, 0, 127, 0, featureId, OPEN_SKY);
        flat.push(ring[3 * i]!, ring[3 * i + 1]!);
      }
    }
    const triangles = earcut(flat, holes, 2);
    for (let t = 0; t < triangles.length; t += 3) {
      const a = triangles[t]!;
      const b = triangles[t + 1]!;
      const c = triangles[t + 2]!;
      // Front faces are counter-clockwise seen from above (east-north plane).
      const area = (flat[2 * b]! - flat[2 * a]!) * (flat[2 * c + 1]! - flat[2 * a + 1]!) - (flat[2 * c]! - flat[2 * a]!) * (flat[2 * b + 1]! - flat[2 * a + 1]!);
      if (area >= 0) this.addTriangle(first + a, first + b, first + c);
      else this.addTriangle(first + a, first + c, first + b);
    }
  }

  /** Walls face right of the ring's direction: outwards for CCW outer rings, into the courtyard for CW holes. */
  private addWalls(bottoms: Float64Array, tops: Float64Array, featureId: number): void {
    const count = bottoms.length / 3;
    for (let i = 0; i < count; i++) {
      const j = (i + 1) % count;
      const de = bottoms[3 * j]! - bottoms[3 * i]!;
      const dn = bottoms[3 * j + 1]! - bottoms[3 * i + 1]!;
      const length = Math.hypot(de, dn) || 1;
      const nx = Math.round((dn / length) * 127);
      const nz = Math.round((de / length) * 127);
      const b0 = this.pushLocal(bottoms, i, nx, 0, nz, featureId, WALL_FOOT);
      const b1 = this.pushLocal(bottoms, j, nx, 0, nz, featureId, WALL_FOOT);
      const t1 = this.pushLocal(tops, j, nx, 0, nz, featureId, OPEN_SKY);
      const t0 = this.pushLocal(tops, i, nx, 0, nz, featureId, OPEN_SKY);
      this.addTriangle(b0, b1, t1);
      this.addTriangle(b0, t1, t0);
    }
  }

  /** Appends the ENU point `enu[3i..3i+2]` in glTF axes. */
  private pushLocal(enu: Float64Array, i: number, nx: number, ny: number, nz: number, featureId: number, occlusion: number): number {
    const v = this.vertexCount++;
    if (v >= this.featureIds.length) this.growVertices();
    this.positions[3 * v] = enu[3 * i]!;
    this.positions[3 * v + 1] = enu[3 * i + 2]!;
    this.positions[3 * v + 2] = -enu[3 * i + 1]!;
    this.normals[4 * v] = nx;
    this.normals[4 * v + 1] = ny;
    this.normals[4 * v + 2] = nz;
    this.occlusion.fill(occlusion, 4 * v, 4 * v + 3);
    this.featureIds[v] = featureId;
    return v;
  }

  private addTriangle(a: number, b: number, c: number): void {
    if (this.indexCount + 3 > this.indices.length) this.indices = grow(this.indices, this.indices.length * 2);
    this.indices[this.indexCount++] = a;
    this.indices[this.indexCount++] = b;
    this.indices[this.indexCount++] = c;
  }

  private growVertices(): void {
    const capacity = this.featureIds.length * 2;
    this.positions = grow(this.positions, capacity * 3);
    this.normals = grow(this.normals, capacity * 4);
    this.occlusion = grow(this.occlusion, capacity * 4);
    this.featureIds = grow(this.featureIds, capacity);
  }
}

function grow<T extends Float64Array | Int8Array | Uint8Array | Uint16Array | Uint32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
