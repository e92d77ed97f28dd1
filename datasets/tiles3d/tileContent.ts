import type { Building } from '../buildings/building.ts';
import { EnuFrame } from '../geo/enuFrame.ts';
import { type PropertyTable, writeGlb } from './glb.ts';
import { MeshBuilder } from './meshBuilder.ts';
import type { TileNode } from './quadtree.ts';

/**
 * Near-white warm grey, linear RGB: reads as concrete in sunlight where a viewer draws the tiles
 * as they are, and takes the colours a viewer styles them with (by use, highlights) almost unchanged.
 */
const buildingColor: [number, number, number, number] = [0.9, 0.88, 0.85, 1];

export interface TileContent {
  glb: Uint8Array;
  frame: EnuFrame;
  featureCount: number;
}

/**
 * The glb of one tile in the ENU frame of its centre. A leaf has its buildings in full; a parent
 * has the `maxCoarseFeatures` largest buildings under it as boxes (their extents), so a wide
 * view loads a few coarse tiles instead of every building.
 */
export function tileContent(node: TileNode, buildings: Building[], maxCoarseFeatures: number, ranks: SizeRanks): TileContent {
  const [west, south, east, north] = node.region;
  const frame = new EnuFrame((west + east) / 2, (south + north) / 2, 0);
  const mesh = new MeshBuilder(frame);
  const leaf = node.children.length === 0;
  const members = leaf ? node.buildings : ranks.largest(node.buildings, maxCoarseFeatures);
  members.forEach((index, featureId) => {
    const { footprint, base, attributes } = buildings[index]!;
    const polygons = leaf ? footprint.polygons : [[boxOf(footprint.extent)]];
    mesh.addExtrusion(polygons, base, base + attributes.height, featureId);
  });
  const glb = writeGlb(mesh, propertyTable(members.map((i) => buildings[i]!)), { color: buildingColor });
  return { glb, frame, featureCount: members.length };
}

/**
 * Buildings ranked once by their extent's volume, largest first (ties in their order): a coarse
 * tile picks its largest buildings by rank instead of sorting every building under it again.
 */
export class SizeRanks {
  readonly #rank: Uint32Array;
  readonly #byRank: Uint32Array;

  constructor(buildings: Building[]) {
    const size = Float64Array.from(buildings, ({ footprint: { extent }, attributes }) => (extent[2] - extent[0]) * (extent[3] - extent[1]) * attributes.height);
    this.#byRank = Uint32Array.from(buildings.keys()).sort((a, b) => size[b]! - size[a]! || a - b);
    this.#rank = new Uint32Array(buildings.length);
    this.#byRank.forEach((building, rank) => (this.#rank[building] = rank));
  }

  /** The `count` largest of `indices`, largest first. */
  largest(indices: number[], count: number): number[] {
    if (indices.length <= count) return indices;
    const ranks = Uint32Array.from(indices, (i) => this.#rank[i]!).sort();
    return Array.from(ranks.subarray(0, count), (rank) => this.#byRank[rank]!);
  }
}

function boxOf([west, south, east, north]: [number, number, number, number]): Float64Array {
  return Float64Array.from([west, south, east, south, east, north, west, north]);
}

function propertyTable(members: Building[]): PropertyTable {
  const column = <K extends keyof Building['attributes']>(key: K) => members.map((b) => b.attributes[key]);
  return {
    className: 'building',
    count: members.length,
    columns: [
      { name: 'oid', type: 'STRING', values: column('oid') },
      { name: 'height', type: 'FLOAT32', values: column('height') },
      { name: 'floors', type: 'UINT16', values: column('floors'), noData: 0 },
      { name: 'use', type: 'STRING', values: column('use') },
      { name: 'name', type: 'STRING', values: column('name') },
      { name: 'address', type: 'STRING', values: column('address') },
      { name: 'year', type: 'UINT16', values: column('year'), noData: 0 },
      { name: 'adminCode', type: 'STRING', values: column('adminCode') },
    ],
  };
}
