import type { Building } from '../buildings/building.ts';
import { MeshBuilder } from './meshBuilder.ts';

/** A tile of the buildings tileset: a leaf holds buildings, a parent a coarse view of its subtree. */
export interface TileNode {
  level: number;
  x: number;
  y: number;
  /** Indices into the building list: the buildings of a leaf, or every building under a parent. */
  buildings: number[];
  children: TileNode[];
  /** Degrees and metres: west, south, east, north, lowest base, highest top. */
  region: [number, number, number, number, number, number];
}

export interface TreeLimits {
  /** Most buildings a leaf holds. */
  maxFeatures: number;
  /** Most vertices a leaf holds, so 16-bit indices suffice. */
  maxVertices: number;
  maxLevel: number;
}

export const defaultLimits: TreeLimits = { maxFeatures: 2000, maxVertices: 65_535, maxLevel: 18 };

/**
 * Splits buildings into a quadtree by the centre of their extent, over a square in degrees, so
 * each tile has a level/x/y address. A node becomes a leaf once its buildings fit the limits.
 */
export function buildQuadtree(buildings: Building[], limits: TreeLimits = defaultLimits): TileNode {
  const centres = new Float64Array(buildings.length * 2);
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  buildings.forEach(({ footprint: { extent } }, i) => {
    const lon = (extent[0] + extent[2]) / 2;
    const lat = (extent[1] + extent[3]) / 2;
    centres[2 * i] = lon;
    centres[2 * i + 1] = lat;
    west = Math.min(west, lon);
    south = Math.min(south, lat);
    east = Math.max(east, lon);
    north = Math.max(north, lat);
  });
  const size = Math.max(east - west, north - south, 1e-6) * (1 + 1e-9);
  const all = buildings.map((_, i) => i);
  return split(all, { west, south, size }, 0, 0, 0);

  function split(indices: number[], square: { west: number; south: number; size: number }, level: number, x: number, y: number): TileNode {
    const node: TileNode = { level, x, y, buildings: indices, children: [], region: regionOf(buildings, indices) };
    if (level >= limits.maxLevel || fits(indices)) return node;
    const half = square.size / 2;
    const quadrants: number[][] = [[], [], [], []];
    for (const i of indices) {
      const east = centres[2 * i]! >= square.west + half ? 1 : 0;
      const north = centres[2 * i + 1]! >= square.south + half ? 1 : 0;
      quadrants[north * 2 + east]!.push(i);
    }
    quadrants.forEach((members, q) => {
      if (members.length === 0) return;
      const dx = q % 2;
      const dy = q >> 1;
      const child = { west: square.west + dx * half, south: square.south + dy * half, size: half };
      node.children.push(split(members, child, level + 1, 2 * x + dx, 2 * y + dy));
    });
    return node;
  }

  function fits(indices: number[]): boolean {
    if (indices.length > limits.maxFeatures) return false;
    let vertices = 0;
    for (const i of indices) vertices += MeshBuilder.vertexCount(buildings[i]!.footprint.polygons);
    return vertices <= limits.maxVertices;
  }
}

function regionOf(buildings: Building[], indices: number[]): TileNode['region'] {
  const region: TileNode['region'] = [Infinity, Infinity, -Infinity, -Infinity, Infinity, -Infinity];
  for (const i of indices) {
    const { footprint, base, attributes } = buildings[i]!;
    region[0] = Math.min(region[0], footprint.extent[0]);
    region[1] = Math.min(region[1], footprint.extent[1]);
    region[2] = Math.max(region[2], footprint.extent[2]);
    region[3] = Math.max(region[3], footprint.extent[3]);
    region[4] = Math.min(region[4], base);
    region[5] = Math.max(region[5], base + attributes.height);
  }
  return region;
}
