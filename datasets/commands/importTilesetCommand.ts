import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG_ENTRY_FILE, TilesetPlacement } from '../../layers/index.ts';
import { catalogFileLayerIds, publishLayer } from '../output/publishLayer.ts';
import { importTileset } from '../tilesets/importTileset.ts';
import { LAYER_OPTIONS, LAYER_OPTIONS_USAGE, VERTICAL_DATUM_OPTION, VERTICAL_DATUM_USAGE, layerIdOption, titleOption, verticalDatumOption } from './layerOptions.ts';

export const importTilesetUsage = `Usage: npm run twin -- import tileset <folder|tileset.json> [options]

Brings a delivered 3D Tiles tileset (1.0 b3dm/i3dm/pnts/cmpt, 1.1 glb; photogrammetry 倾斜摄影, BIM,
point clouds) into the data folder, after checking that every content is there and whole and every
bounding volume sane. Published at once, or not at all.

Options:
${LAYER_OPTIONS_USAGE.replace('the file name in lower case, DLTB.shp → dltb', 'the folder name')}
  --place LON,LAT,HEIGHT  Origin of a tileset in a local frame (x east, y north, z up, metres)
  --heading DEG         Turn of a placed tileset's y axis, clockwise from north (default 0)
  --height-offset M     Lift the tileset by M metres (--height-offset=-2 lowers it; default 0)
  --sse PIXELS          Maximum screen-space error (default 16; lower is sharper and heavier)
${VERTICAL_DATUM_USAGE}`;

export async function importTilesetCommand(args: string[], dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...LAYER_OPTIONS,
      place: { type: 'string' },
      heading: { type: 'string', default: '0' },
      'height-offset': { type: 'string', default: '0' },
      sse: { type: 'string', default: '16' },
      ...VERTICAL_DATUM_OPTION,
    },
  });
  const [input] = positionals;
  if (!input) {
    console.error(importTilesetUsage);
    return 1;
  }
  const isFolder = await stat(input).then((stats) => stats.isDirectory(), () => false);
  const entry = resolve(isFolder ? join(input, 'tileset.json') : input);
  // A delivery's entry is tileset.json more often than not: its folder names the layer.
  const layerId = layerIdOption(values['layer-id'], basename(entry) === 'tileset.json' ? dirname(entry) : entry);
  const placement = values.place === undefined ? undefined : placementOption(values.place, values.heading);
  const heightOffset = number(values['height-offset'], '--height-offset');
  const maximumScreenSpaceError = number(values.sse, '--sse');
  const verticalDatum = verticalDatumOption(values['vertical-datum']);
  const inventory = await publishLayer(dataDir, layerId, { replace: values.replace ?? false, catalogIds: await catalogFileLayerIds() }, (staging, url) =>
    importTileset({ entry, outDir: staging, url, layerId, title: titleOption(values.title), placement, heightOffset, maximumScreenSpaceError, verticalDatum }),
  );
  const contents = Object.entries(inventory.contents).map(([format, count]) => `${count} ${format}`).join(', ');
  console.log(`Tileset ${entry} (3D Tiles ${inventory.version}): ${inventory.tiles} tiles in ${inventory.tilesets} tileset file(s), ${contents || 'no content'}` +
    `, ${(inventory.contentBytes / 1024 / 1024).toFixed(1)} MiB` + (inventory.implicitRoots > 0 ? `, ${inventory.implicitRoots} implicit root(s)` : ''));
  console.log(`  Catalog entry: ${resolve(dataDir, layerId, CATALOG_ENTRY_FILE)}`);
  return 0;
}

function placementOption(place: string, heading: string | undefined): TilesetPlacement {
  const [lon, lat, height] = place.split(',').map(Number);
  const parsed = TilesetPlacement.safeParse({ lon, lat, height, heading: number(heading, '--heading') });
  if (!parsed.success) throw new Error(`--place must be lon,lat,height in degrees and metres (e.g. 119.815,28.892,95), got "${place}"`);
  return parsed.data;
}

function number(value: string | undefined, option: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n)) throw new Error(`${option} must be a number, got "${value}"`);
  return n;
}
