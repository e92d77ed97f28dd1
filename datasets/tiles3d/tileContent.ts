import type { Building } from '../buildings/building.ts';
import { EnuFrame } from '../geo/enuFrame.ts';
import { type PropertyTable, writeGlb } from './glb.ts';
import { MeshBuilder } from './meshBuilder.ts';
import type { TileNode } from './quadtree.ts';

/** Light warm grey, linear RGB: reads as concrete in sunlight and takes highlight colours well. */
const buildingColor: [number, number, number, number] = [0.78, 0.76, 0.72, 1];

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
export function tileContent(node: TileNode, buildings: Building[], maxCoarseFeatures: number): TileContent {
  const [west, south, east, north] = node.region;
  const frame = new EnuFrame((west + east) / 2, (south + north) / 2, 0);
  const mesh = new MeshBuilder(frame);
  const leaf = node.children.length === 0;
  const members = leaf ? node.buildings : largest(node.buildings, buildings, maxCoarseFeatures);
  members.forEach((index, featureId) => {
    const { footprint, base, attributes } = buildings[index]!;
    const polygons = leaf ? footprint.polygons : [[boxOf(footprint.extent)]];
    mesh.addExtrusion(polygons, base, base + attributes.height, featureId);
  });
  const glb = writeGlb(mesh, propertyTable(members.map((i) => buildings[i]!)), { color: buildingColor });
  return { glb, frame, featureCount: members.length };
}

function largest(indices: number[], buildings: Building[], count: number): number[] {
  if (indices.length <= count) return indices;
  const size = (i: number) => {
    const { footprint: { extent }, attributes } = buildings[i]!;
    return (extent[2] - extent[0]) * (extent[3] - extent[1]) * attributes.height;
  };
  return indices
    .map((i) => ({ i, size: size(i) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map(({ i }) => i);
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
