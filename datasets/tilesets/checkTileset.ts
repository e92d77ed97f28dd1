import { open, readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { type Subtree, levelOffset, mortonDecode, readSubtree } from './subtree.ts';

/** One thing wrong with a delivered tileset, by the file it is in (relative to the tileset's folder). */
export interface TilesetProblem {
  file: string;
  problem: string;
}

/** What a delivered tileset holds, as checked. */
export interface TilesetInventory {
  /** `asset.version` of the entry tileset: 1.0 or 1.1. */
  version: string;
  tiles: number;
  /** Tileset JSON files: the entry and the external tilesets it links. */
  tilesets: number;
  /** Content files by format (b3dm, i3dm, pnts, cmpt, glb, gltf). */
  contents: Record<string, number>;
  contentBytes: number;
  /** Tiles with implicit tiling (each the root of tiles its subtrees make available, counted in tiles). */
  implicitRoots: number;
  /**
   * Where the root's bounding volume is centred, Earth-centred metres, after the root
   * transform; undefined when the root is a region (longitude and latitude, so on the Earth).
   */
  rootCentre: [number, number, number] | undefined;
  /** The longitude and latitude (degrees) of the middle of the root's region, when it is one. */
  rootRegionCentre: [number, number] | undefined;
}

type Json = Record<string, unknown>;

/** The header of each binary content format: its magic and the version this checker reads. */
const BINARY_FORMATS: Record<string, { format: string; version: number }> = {
  b3dm: { format: 'b3dm', version: 1 },
  i3dm: { format: 'i3dm', version: 1 },
  pnts: { format: 'pnts', version: 1 },
  cmpt: { format: 'cmpt', version: 1 },
  glTF: { format: 'glb', version: 2 },
};

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/**
 * Checks a tileset as a survey contractor delivers it, before the twin serves it: every tileset
 * JSON parses and has a root; every tile has a geometric error and a sane bounding volume
 * (a box with extent, a region in radians, a sphere with a radius); every content is a file
 * inside the tileset's folder (nothing fetched from a network), whose header names a 3D Tiles
 * format and whose length is the file's. Problems are listed, not thrown, so that a delivery's
 * report names them all.
 */
export async function checkTileset(entry: string): Promise<{ inventory: TilesetInventory; problems: TilesetProblem[] }> {
  const folder = dirname(resolve(entry));
  const name = (path: string) => relative(folder, path).split(sep).join('/');
  const problems: TilesetProblem[] = [];
  const inventory: TilesetInventory = { version: '', tiles: 0, tilesets: 0, contents: {}, contentBytes: 0, implicitRoots: 0, rootCentre: undefined, rootRegionCentre: undefined };
  const seen = new Set<string>();

  const visitTileset = async (path: string, isEntry: boolean): Promise<void> => {
    if (seen.has(path)) return;
    seen.add(path);
    const file = name(path);
    let tileset: Json;
    try {
      tileset = JSON.parse(await readFile(path, 'utf8')) as Json;
    } catch (error) {
      problems.push({ file, problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `is not valid JSON (${(error as Error).message})` });
      return;
    }
    inventory.tilesets++;
    const version = String((tileset.asset as Json | undefined)?.version ?? '');
    if (!['1.0', '1.1'].includes(version)) problems.push({ file, problem: `asset.version is "${version}"; the twin reads 3D Tiles 1.0 and 1.1` });
    if (isEntry) inventory.version = version;
    const root = tileset.root as Json | undefined;
    if (!root || typeof root !== 'object') {
      problems.push({ file, problem: 'has no root tile' });
      return;
    }
    if (isEntry) {
      inventory.rootCentre = centreOf(root);
      inventory.rootRegionCentre = regionCentreOf(root);
    }
    const stack: { tile: Json; path: string }[] = [{ tile: root, path: 'root' }];
    while (stack.length > 0) {
      const { tile, path: where } = stack.pop()!;
      inventory.tiles++;
      const say = (problem: string) => problems.push({ file, problem: `${where}: ${problem}` });
      const error = tile.geometricError;
      if (typeof error !== 'number' || !Number.isFinite(error) || error < 0) say(`geometricError must be a number ≥ 0, is ${JSON.stringify(error)}`);
      const volumeProblem = boundingVolumeProblem(tile.boundingVolume);
      if (volumeProblem) say(`boundingVolume ${volumeProblem}`);
      if (tile.transform !== undefined && !(Array.isArray(tile.transform) && tile.transform.length === 16 && tile.transform.every(Number.isFinite))) say('transform must be 16 numbers');
      const implicit = tile.implicitTiling as Json | undefined;
      const contents = [tile.content, ...(Array.isArray(tile.contents) ? tile.contents : [])].filter((content): content is Json => typeof content === 'object' && content !== null);
      if (implicit) {
        inventory.implicitRoots++;
        const templates = contents.map((content) => content.uri);
        await walkImplicit(implicit, templates, dirname(path), say);
        continue; // its contents and children are those its subtrees make available
      }
      for (const content of contents) {
        const uri = content.uri ?? content.url; // 1.0 tilesets of some exporters write url
        if (typeof uri !== 'string' || uri === '') {
          say('content has no uri');
          continue;
        }
        const contentVolume = content.boundingVolume === undefined ? undefined : boundingVolumeProblem(content.boundingVolume);
        if (contentVolume) say(`content boundingVolume ${contentVolume}`);
        const external = await contentFile(uri, dirname(path), say, true);
        if (external) await visitTileset(external, false);
      }
      const children = tile.children;
      if (children !== undefined && !Array.isArray(children)) say('children must be an array');
      if (Array.isArray(children)) children.forEach((child, i) => stack.push({ tile: child as Json, path: `${where}.children[${i}]` }));
    }
  };

  /**
   * Checks one content (or subtree) file. `content`: a tile content, checked by its header,
   * for which the path of an external tileset (to visit) is returned; else a subtree, whose path
   * is returned when it is there.
   */
  const contentFile = async (uri: string, base: string, say: (problem: string) => void, content: boolean): Promise<string | undefined> => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
      if (!uri.startsWith('data:')) say(`content ${uri} is not in the delivery (the twin fetches nothing from other hosts)`);
      return undefined;
    }
    const path = resolve(base, decodeURIComponent(uri.replace(/[?#].*$/, '')));
    if (relative(folder, path).startsWith('..')) {
      say(`content ${uri} lies outside the tileset's folder`);
      return undefined;
    }
    const size = await stat(path).then((stats) => (stats.isFile() ? stats.size : -1), () => -1);
    if (size < 0) {
      say(`content ${name(path)} is missing`);
      return undefined;
    }
    if (!content) return path;
    const head = await readHead(path);
    if (head[0] === '{'.charCodeAt(0) || /\.json$/i.test(path)) {
      if (!/\.gltf$/i.test(path)) return path;
      count('gltf', size);
      return undefined;
    }
    const magic = String.fromCharCode(...head.subarray(0, 4));
    const known = BINARY_FORMATS[magic];
    if (!known) {
      problems.push({ file: name(path), problem: `is not 3D Tiles content: its header "${printable(magic)}" names none of b3dm, i3dm, pnts, cmpt, glb` });
      return undefined;
    }
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const version = head.byteLength >= 12 ? view.getUint32(4, true) : -1;
    const length = head.byteLength >= 12 ? view.getUint32(8, true) : -1;
    if (version !== known.version) problems.push({ file: name(path), problem: `${known.format} version ${version}; the twin reads version ${known.version}` });
    else if (length !== size) problems.push({ file: name(path), problem: `its header says ${length} bytes but the file has ${size}: truncated or corrupt` });
    else count(known.format, size);
    return undefined;
  };
  /**
   * Every tile and content an implicit root's subtrees make available, subtree by subtree from
   * the root's: each content checked as an explicit one is, each subtree read.
   */
  const walkImplicit = async (implicit: Json, templates: unknown[], base: string, say: (problem: string) => void): Promise<void> => {
    const { subdivisionScheme, subtreeLevels, availableLevels } = implicit as { subdivisionScheme?: unknown; subtreeLevels?: unknown; availableLevels?: unknown };
    const branching = subdivisionScheme === 'QUADTREE' ? 4 : subdivisionScheme === 'OCTREE' ? 8 : undefined;
    const subtreeTemplate = (implicit.subtrees as Json | undefined)?.uri;
    if (!branching) return say(`implicitTiling.subdivisionScheme must be QUADTREE or OCTREE, is ${JSON.stringify(subdivisionScheme)}`);
    if (!Number.isInteger(subtreeLevels) || !Number.isInteger(availableLevels) || (subtreeLevels as number) < 1 || (availableLevels as number) < 1) {
      return say('implicitTiling.subtreeLevels and availableLevels must be whole numbers ≥ 1');
    }
    if (typeof subtreeTemplate !== 'string' || subtreeTemplate === '') return say('implicitTiling has no subtrees.uri');
    if (templates.some((template) => typeof template !== 'string' || template === '')) return say('content has no uri');
    const dimensions = branching === 4 ? 2 : 3;
    const levels = subtreeLevels as number;
    const fill = (template: string, [level, x, y, z]: number[]) => template.replace(/\{level\}/g, String(level)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y)).replace(/\{z\}/g, String(z));
    const queue: number[][] = [[0, 0, 0, 0]];
    while (queue.length > 0) {
      const [level, x, y, z] = queue.shift()!;
      const uri = fill(subtreeTemplate, [level!, x!, y!, z!]);
      const subtreePath = resolve(base, uri);
      if (!(await contentFile(uri, base, say, false))) continue;
      let subtree: Subtree;
      try {
        subtree = await readSubtree(await readFile(subtreePath), (bufferUri) => readFile(resolve(dirname(subtreePath), bufferUri)));
      } catch (error) {
        problems.push({ file: name(subtreePath), problem: (error as Error).message });
        continue;
      }
      for (let local = 0; local < levels && level! + local < (availableLevels as number); local++) {
        for (let morton = 0; morton < branching ** local; morton++) {
          const bit = levelOffset(local, branching) + morton;
          if (!subtree.tile(bit)) continue;
          if (level! + local > 0) inventory.tiles++; // the implicit root is counted as the explicit tile it is
          const [dx, dy, dz] = mortonDecode(morton, dimensions);
          const at = [level! + local, x! * 2 ** local + dx, y! * 2 ** local + dy, z! * 2 ** local + dz];
          for (const [i, template] of templates.entries()) {
            if (subtree.contents[i]?.(bit)) await contentFile(fill(template as string, at), base, say, true);
          }
        }
      }
      if (level! + levels >= (availableLevels as number)) continue;
      for (let morton = 0; morton < branching ** levels; morton++) {
        if (!subtree.childSubtree(morton)) continue;
        const [dx, dy, dz] = mortonDecode(morton, dimensions);
        queue.push([level! + levels, x! * 2 ** levels + dx, y! * 2 ** levels + dy, z! * 2 ** levels + dz]);
      }
    }
  };

  const count = (format: string, bytes: number) => {
    inventory.contents[format] = (inventory.contents[format] ?? 0) + 1;
    inventory.contentBytes += bytes;
  };

  await visitTileset(resolve(entry), true);
  return { inventory, problems };
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(new Uint8Array(12), 0, 12, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const printable = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

/** What is wrong with a bounding volume, or undefined when it is sane. */
export function boundingVolumeProblem(volume: unknown): string | undefined {
  if (typeof volume !== 'object' || volume === null) return 'is missing';
  const { box, region, sphere } = volume as { box?: unknown; region?: unknown; sphere?: unknown };
  const numbers = (value: unknown, length: number) => Array.isArray(value) && value.length === length && value.every((n) => typeof n === 'number' && Number.isFinite(n));
  if (box !== undefined) {
    if (!numbers(box, 12)) return 'box must be 12 numbers';
    const axes = [3, 6, 9].map((i) => Math.hypot((box as number[])[i]!, (box as number[])[i + 1]!, (box as number[])[i + 2]!));
    return axes.every((length) => length === 0) ? 'box has no extent (all half-axes zero)' : undefined;
  }
  if (region !== undefined) {
    if (!numbers(region, 6)) return 'region must be 6 numbers';
    const [west, south, east, north, low, high] = region as number[];
    if ([west!, east!].some((lon) => Math.abs(lon) > Math.PI) || [south!, north!].some((lat) => Math.abs(lat) > Math.PI / 2)) {
      return `region must be in radians; ${JSON.stringify(region)} is not (degrees?)`;
    }
    if (south! > north!) return 'region has its south above its north';
    return low! > high! ? 'region has its minimum height above its maximum' : undefined;
  }
  if (sphere !== undefined) {
    if (!numbers(sphere, 4)) return 'sphere must be 4 numbers';
    return (sphere as number[])[3]! <= 0 ? 'sphere has no radius' : undefined;
  }
  return 'has none of box, region, sphere';
}

/** The middle of a tile's region, degrees; undefined for a box or sphere. */
function regionCentreOf(root: Json): [number, number] | undefined {
  const region = (root.boundingVolume as { region?: number[] } | undefined)?.region;
  if (!region || region.length < 4) return undefined;
  const [west, south, east, north] = region as [number, number, number, number];
  return [(((west + east) / 2) * 180) / Math.PI, (((south + north) / 2) * 180) / Math.PI];
}

/** The centre of the root's box or sphere after its transform, in Earth-centred metres; undefined for a region. */
function centreOf(root: Json): [number, number, number] | undefined {
  const volume = root.boundingVolume as { box?: number[]; sphere?: number[] } | undefined;
  const centre = volume?.box ?? volume?.sphere;
  if (!centre || centre.length < 3) return undefined;
  const m = Array.isArray(root.transform) && root.transform.length === 16 ? (root.transform as number[]) : IDENTITY;
  const [x, y, z] = centre as [number, number, number];
  return [m[0]! * x + m[4]! * y + m[8]! * z + m[12]!, m[1]! * x + m[5]! * y + m[9]! * z + m[13]!, m[2]! * x + m[6]! * y + m[10]! * z + m[14]!];
}

