import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../geo/enuFrame.ts';
import { MeshBuilder } from './meshBuilder.ts';

const square = (lon: number, lat: number, d: number) => Float64Array.from([lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d]);

function triangles(mesh: MeshBuilder) {
  const result = [];
  for (let t = 0; t < mesh.indexCount; t += 3) {
    const [a, b, c] = [mesh.indices[t]!, mesh.indices[t + 1]!, mesh.indices[t + 2]!];
    const p = (v: number) => [mesh.positions[3 * v]!, mesh.positions[3 * v + 1]!, mesh.positions[3 * v + 2]!];
    const [A, B, C] = [p(a), p(b), p(c)];
    const u = B.map((x, k) => x - A[k]!);
    const v = C.map((x, k) => x - A[k]!);
    const geometric = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
    const stored = [mesh.normals[4 * a]!, mesh.normals[4 * a + 1]!, mesh.normals[4 * a + 2]!];
    result.push({ geometric, stored, centroid: [0, 1, 2].map((k) => (A[k]! + B[k]! + C[k]!) / 3), featureId: mesh.featureIds[a]! });
  }
  return result;
}

describe('extruded footprints', () => {
  const frame = new EnuFrame(119.81, 28.89, 0);

  it('winds every face counter-clockwise seen from outside, matching its stored normal', () => {
    const mesh = new MeshBuilder(frame);
    const courtyard = Float64Array.from([119.81003, 28.89003, 119.81003, 28.89006, 119.81006, 28.89006, 119.81006, 28.89003]);
    mesh.addExtrusion([[square(119.81, 28.89, 0.0001), courtyard]], 100, 124, 3);
    const faces = triangles(mesh);
    // Roof: 8 points (4 + 4) with one hole → 8 triangles; walls: 8 edges × 2.
    expect(faces).toHaveLength(8 + 16);
    for (const { geometric, stored } of faces) {
      const dot = geometric[0]! * stored[0]! + geometric[1]! * stored[1]! + geometric[2]! * stored[2]!;
      expect(dot).toBeGreaterThan(0);
    }
  });

  it('points outer walls away from the building and courtyard walls into the courtyard', () => {
    const mesh = new MeshBuilder(frame);
    const courtyard = Float64Array.from([119.81003, 28.89003, 119.81003, 28.89006, 119.81006, 28.89006, 119.81006, 28.89003]);
    mesh.addExtrusion([[square(119.81, 28.89, 0.0001), courtyard]], 0, 10, 0);
    const centre = [0, 1, 2].map((k) => {
      let sum = 0;
      for (let v = 0; v < mesh.vertexCount; v++) sum += mesh.positions[3 * v + k]!;
      return sum / mesh.vertexCount;
    });
    const walls = triangles(mesh).filter(({ stored }) => stored[1] === 0);
    for (const { centroid, stored } of walls) {
      const outwards = (centroid[0]! - centre[0]!) * stored[0]! + (centroid[2]! - centre[2]!) * stored[2]!;
      const inCourtyard = Math.abs(centroid[0]! - centre[0]!) < 3.5 && Math.abs(centroid[2]! - centre[2]!) < 3.5;
      expect(inCourtyard ? outwards < 0 : outwards > 0).toBe(true);
    }
  });

  it('puts the roof at the top height and the walls down to the base, in glTF axes (y up)', () => {
    const mesh = new MeshBuilder(frame);
    mesh.addExtrusion([[square(119.81, 28.89, 0.0001)]], 100, 124, 5);
    const heights = Array.from({ length: mesh.vertexCount }, (_, v) => mesh.positions[3 * v + 1]!);
    expect(Math.min(...heights)).toBeCloseTo(100, 1);
    expect(Math.max(...heights)).toBeCloseTo(124, 1);
    // North is −z: the square's northern edge has the smaller z.
    const zs = Array.from({ length: mesh.vertexCount }, (_, v) => mesh.positions[3 * v + 2]!);
    expect(Math.max(...zs) - Math.min(...zs)).toBeCloseTo(11.1, 0);
    expect(Math.max(...zs)).toBeLessThan(0.01);
    expect(new Set(mesh.featureIds.subarray(0, mesh.vertexCount))).toEqual(new Set([5]));
    expect(MeshBuilder.vertexCount([[square(0, 0, 1)]])).toBe(mesh.vertexCount);
  });

  it('darkens walls towards their foot and leaves roofs and wall tops open to the sky', () => {
    const mesh = new MeshBuilder(frame);
    mesh.addExtrusion([[square(119.81, 28.89, 0.0001)]], 100, 124, 0);
    const byHeight = new Map<number, Set<number>>();
    for (let v = 0; v < mesh.vertexCount; v++) {
      const grey = mesh.occlusion.subarray(4 * v, 4 * v + 3);
      expect(new Set(grey).size, 'a grey: the same in red, green and blue').toBe(1);
      const height = Math.round(mesh.positions[3 * v + 1]!);
      byHeight.set(height, (byHeight.get(height) ?? new Set()).add(grey[0]!));
    }
    expect([...byHeight.get(124)!]).toEqual([255]);
    const foot = [...byHeight.get(100)!];
    expect(foot).toHaveLength(1);
    expect(foot[0]).toBeLessThan(160);
  });
});
