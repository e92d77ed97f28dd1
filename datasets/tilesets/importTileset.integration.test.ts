import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validator from 'gltf-validator';
import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_ENTRY_FILE, IMPORT_REPORT_FILE, LayerDefinition } from '../../layers/index.ts';
import { type Block, writeBoxTileset } from '../../test/support/boxTileset.ts';
import { IMPLICIT_CELLS, writeImplicitTileset } from '../../test/support/implicitTileset.ts';
import { importTilesetCommand } from '../commands/importTilesetCommand.ts';

/** Four blocks of a contractor's mesh, metres east and north of its local origin. */
const blocks: Block[] = [0, 1, 2, 3].map((i) => ({ x: i * 40, y: (i % 2) * 30, width: 25, depth: 20, height: 12 + i * 6 }));
let dir: string;
let delivery: string;
let dataDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wuyi-twin-tileset-'));
  delivery = join(dir, 'Wuyi_OSGB_2024');
  dataDir = join(dir, 'data');
  await writeBoxTileset(delivery, blocks, [200, 160, 120]);
});

const place = ['--place', '119.815,28.892,95'];
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

describe('import tileset: a delivered 3D Tiles tileset, checked, placed and published whole', () => {
  it('copies a local-frame delivery with its external tileset, places it, and writes what it holds', async () => {
    expect(await importTilesetCommand([delivery, ...place, '--heading', '30', '--height-offset=-2.5', '--sse', '8'], dataDir)).toBe(0);
    const entry = LayerDefinition.parse(await readJson(join(dataDir, 'wuyi-osgb-2024', CATALOG_ENTRY_FILE)));
    expect(entry).toMatchObject({
      id: 'wuyi-osgb-2024',
      kind: 'tileset',
      source: { type: '3dtiles', url: '/data/wuyi-osgb-2024/tileset.json' },
      placement: { lon: 119.815, lat: 28.892, height: 95, heading: 30 },
      heightOffset: -2.5,
      maximumScreenSpaceError: 8,
    });
    // Every file of the delivery, byte for byte.
    for (const file of ['tileset.json', 'block-0.b3dm', 'part/tileset.json', 'part/blocks.b3dm']) {
      expect(await readFile(join(dataDir, 'wuyi-osgb-2024', file)), file).toEqual(await readFile(join(delivery, file)));
    }
    const report = await readJson(join(dataDir, 'wuyi-osgb-2024', IMPORT_REPORT_FILE));
    expect(report).toMatchObject({ version: '1.0', tiles: 3, tilesets: 2, contents: { b3dm: 2 }, implicitRoots: 0 });
    // The fixture is what a contractor's export is: glTF that the Khronos validator passes, inside each b3dm.
    for (const file of ['block-0.b3dm', 'part/blocks.b3dm']) {
      const bytes = await readFile(join(delivery, file));
      const glbStart = 28 + bytes.readUInt32LE(12) + bytes.readUInt32LE(16) + bytes.readUInt32LE(20) + bytes.readUInt32LE(24);
      const validated = await validator.validateBytes(new Uint8Array(bytes.subarray(glbStart)));
      expect(validated.issues.numErrors, `${file}: ${JSON.stringify(validated.issues.messages)}`).toBe(0);
    }
  });

  it('refuses a delivery with a content missing, by its file, and keeps the layer it would replace whole', async () => {
    expect(await importTilesetCommand([delivery, ...place, '--layer-id', 'oblique'], dataDir)).toBe(0);
    const before = await readFile(join(dataDir, 'oblique', 'part', 'blocks.b3dm'));
    await rm(join(delivery, 'part', 'blocks.b3dm'));
    await expect(importTilesetCommand([delivery, ...place, '--layer-id', 'oblique', '--replace'], dataDir)).rejects.toThrow('part/tileset.json: root: content part/blocks.b3dm is missing');
    expect(await readFile(join(dataDir, 'oblique', 'part', 'blocks.b3dm'))).toEqual(before);
    expect(await readdir(dataDir)).toEqual(['oblique']);
  });

  it('refuses a truncated content, a content outside the delivery or on a network, and a region in degrees, naming each', async () => {
    await truncate(join(delivery, 'block-0.b3dm'), 200);
    const tileset = await readJson(join(delivery, 'part', 'tileset.json'));
    const root = tileset.root as Record<string, unknown>;
    root.children = [
      { boundingVolume: { region: [119.8, 28.8, 119.9, 28.9, 0, 50] }, geometricError: 0, content: { uri: '../../elsewhere.b3dm' } },
      { boundingVolume: { sphere: [0, 0, 0, 10] }, geometricError: 0, content: { uri: 'https://tiles.example.com/a.b3dm' } },
    ];
    await writeFile(join(delivery, 'part', 'tileset.json'), JSON.stringify(tileset));
    const refusal = importTilesetCommand([join(delivery, 'tileset.json'), ...place], dataDir);
    await expect(refusal).rejects.toThrow(/block-0\.b3dm: its header says \d+ bytes but the file has 200/);
    await expect(refusal).rejects.toThrow('root.children[0]: boundingVolume region must be in radians');
    await expect(refusal).rejects.toThrow('content ../../elsewhere.b3dm lies outside the tileset\'s folder');
    await expect(refusal).rejects.toThrow('content https://tiles.example.com/a.b3dm is not in the delivery');
    await expect(readdir(dataDir)).resolves.toEqual([]);
  });

  it('refuses a local-frame delivery without a place, and a place for one already on the Earth', async () => {
    await expect(importTilesetCommand([delivery], dataDir)).rejects.toThrow(/is in a local frame \(its root is \d+ m from the Earth's centre\); pass --place/);
    const tileset = await readJson(join(delivery, 'tileset.json'));
    // The same mesh with the root transform of an ENU frame at the county seat (from Cesium's eastNorthUpToFixedFrame).
    (tileset.root as Record<string, unknown>).transform = [
      -0.86766, -0.49718, 0, 0, 0.24023, -0.41923, 0.87552, 0, -0.43529, 0.75965, 0.48317, 0, -2_778_554, 4_849_049, 3_063_542, 1,
    ];
    await writeFile(join(delivery, 'tileset.json'), JSON.stringify(tileset));
    await expect(importTilesetCommand([delivery, ...place], dataDir)).rejects.toThrow('is already placed on the Earth');
    expect(await importTilesetCommand([delivery, '--layer-id', 'georeferenced'], dataDir)).toBe(0);
  });
});

describe('import tileset: 3D Tiles 1.1 with implicit tiling', () => {
  const cells = IMPLICIT_CELLS;

  it('finds every content its subtrees make available, and refuses the delivery when one is missing or a subtree is broken', async () => {
    const implicit = join(dir, 'Implicit_2024');
    const contents = await writeImplicitTileset(implicit, cells, [200, 160, 120]);
    expect(await importTilesetCommand([implicit, ...place], dataDir)).toBe(0);
    // 1 + 4 tiles of the root subtree, one tile of each child subtree.
    expect(await readJson(join(dataDir, 'implicit-2024', IMPORT_REPORT_FILE))).toMatchObject({ version: '1.1', tiles: 5 + cells.length, contents: { glb: cells.length }, implicitRoots: 1 });

    await rm(join(implicit, contents[3]!));
    await expect(importTilesetCommand([implicit, ...place, '--layer-id', 'second'], dataDir)).rejects.toThrow(`content ${contents[3]} is missing`);
    await truncate(join(implicit, 'subtrees', '2', '3', '3.subtree'), 30);
    await expect(importTilesetCommand([implicit, ...place, '--layer-id', 'second'], dataDir)).rejects.toThrow(/subtrees\/2\/3\/3\.subtree: its header says \d+ bytes but the file has 30/);
    expect(await readdir(dataDir)).toEqual(['implicit-2024']);
  });
});
