import type { Building } from '../buildings/building.ts';
import { gzip, writeDataFile } from '../output/writeDataFile.ts';
import { type Matrix4, multiply } from '../geo/enuFrame.ts';
import type { TileNode } from './quadtree.ts';
import { SizeRanks, tileContent } from './tileContent.ts';
import { join } from 'node:path';
import { METRES_PER_DEGREE } from '../geo/units.ts';

const RAD = Math.PI / 180;
export interface TilesetStats {
  tiles: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface WriteTilesetOptions {
  outDir: string;
  maxCoarseFeatures: number;
  onTile?: (stats: TilesetStats) => void;
}

/**
 * Writes a 3D Tiles 1.1 tileset: `tileset.json` and one gzip-compressed glb per tile (served
 * with `Content-Encoding: gzip`). Geometric error halves with each level and is 0 at leaves;
 * each tile's content sits in its own ENU frame, given by the tile's transform.
 */
export async function writeTileset(root: TileNode, buildings: Building[], options: WriteTilesetOptions): Promise<TilesetStats> {
  const stats: TilesetStats = { tiles: 0, rawBytes: 0, gzipBytes: 0 };
  const [west, south, east, north] = root.region;
  const widthMetres = Math.max((east - west) * METRES_PER_DEGREE * Math.cos(((south + north) / 2) * RAD), (north - south) * METRES_PER_DEGREE);
  const rootError = Math.max(widthMetres / 40, 1);
  // Cesium draws none of a tileset once the screen-space error of its geometric error falls under its
  // maximum (16 px by default): from the largest building's size, the tileset stays drawn as long as
  // that building spans a pixel, not only while the tileset is wide enough to need refining.
  const tilesetError = Math.max(rootError * 2, CESIUM_MAXIMUM_SCREEN_SPACE_ERROR * largestBuildingMetres(buildings));

  const ranks = new SizeRanks(buildings);
  // Tiles are compressed and written in zlib's threads while the next ones are built; a few at a time, to bound memory.
  const writing = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  const write = async (uri: string, glb: Uint8Array) => {
    const gzipped = await gzip(glb);
    await writeDataFile(join(options.outDir, `${uri}.gz`), gzipped);
    stats.tiles++;
    stats.rawBytes += glb.byteLength;
    stats.gzipBytes += gzipped.byteLength;
    options.onTile?.(stats);
  };

  async function tileJson(node: TileNode, parentFromEcef: Matrix4 | undefined): Promise<object> {
    const content = tileContent(node, buildings, options.maxCoarseFeatures, ranks);
    const uri = `tiles/${node.level}/${node.x}/${node.y}.glb`;
    const written: Promise<void> = write(uri, content.glb)
      .catch((error: unknown) => void (failed ??= { error }))
      .finally(() => writing.delete(written));
    writing.add(written);
    if (writing.size >= TILES_IN_FLIGHT) await Promise.race(writing);
    if (failed) throw failed.error;

    const toEcef = content.frame.toEcefMatrix();
    const transform = parentFromEcef ? multiply(parentFromEcef, toEcef) : toEcef;
    const children = [];
    for (const child of node.children) children.push(await tileJson(child, content.frame.fromEcefMatrix()));
    const [w, s, e, n, low, high] = node.region;
    return {
      boundingVolume: { region: [w * RAD, s * RAD, e * RAD, n * RAD, low, high] },
      geometricError: node.children.length === 0 ? 0 : rootError / 2 ** node.level,
      refine: 'REPLACE',
      transform,
      content: { uri },
      ...(children.length > 0 ? { children } : {}),
    };
  }

  const tileset = {
    asset: { version: '1.1', generator: 'Wuyi Twin buildings tiler' },
    geometricError: tilesetError,
    root: await tileJson(root, undefined),
  };
  await Promise.all(writing);
  if (failed) throw failed.error;
  await writeDataFile(join(options.outDir, 'tileset.json'), new TextEncoder().encode(JSON.stringify(tileset)), { gzip: true });
  return stats;
}

const TILES_IN_FLIGHT = 4;

/** Cesium3DTileset's default `maximumScreenSpaceError`, pixels. */
const CESIUM_MAXIMUM_SCREEN_SPACE_ERROR = 16;

/** The largest size of any building: its footprint's diagonal or its height, metres. */
function largestBuildingMetres(buildings: Building[]): number {
  let largest = 0;
  for (const { footprint, attributes } of buildings) {
    const [west, south, east, north] = footprint.extent;
    const width = (east - west) * METRES_PER_DEGREE * Math.cos(((south + north) / 2) * RAD);
    const depth = (north - south) * METRES_PER_DEGREE;
    largest = Math.max(largest, Math.hypot(width, depth), attributes.height);
  }
  return largest;
}
