import { resolve } from 'node:path';
import { importBuildingsCommand, importBuildingsUsage } from './commands/importBuildingsCommand.ts';
import { importParcelsCommand, importParcelsUsage } from './commands/importParcelsCommand.ts';
import { LAND_USE_SURVEY, SPATIAL_PLAN } from './landuse/parcelSchemes.ts';
import { importRecordsCommand, importRecordsUsage } from './commands/importRecordsCommand.ts';
import { importTerrainCommand, importTerrainUsage } from './commands/importTerrainCommand.ts';
import { importTilesetCommand, importTilesetUsage } from './commands/importTilesetCommand.ts';

const usage = `Usage: npm run twin -- <command> [options]

Commands:
  sample                   Build the Wuyi sample layers into the data folder
  import buildings <file>  Turn building footprints into a 3D Tiles tileset
  import terrain <dem.tif> Turn a DEM into quantized-mesh terrain
  import landuse <file>    Turn a land-use delivery (三调 DLTB) into a thematic layer
  import zoning <file>     Turn a spatial plan's land and sea use (规划用地用海) into a thematic layer
  import records <file>    Bring in incidents, monitoring points or lifecycle records (CSV, XLSX)
  import tileset <folder>  Bring in a delivered 3D Tiles tileset (photogrammetry, BIM, point clouds)

The data folder is $DATA_DIR, else ./data.

${importBuildingsUsage}

${importTerrainUsage}

${importParcelsUsage(LAND_USE_SURVEY)}

${importParcelsUsage(SPATIAL_PLAN)}

${importRecordsUsage}

${importTilesetUsage}`;

async function main(argv: string[]): Promise<number> {
  const dataDir = resolve(process.env.DATA_DIR || 'data');
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (command === 'sample') {
    const { buildSample } = await import('./sample/buildSample.ts');
    const summary = await buildSample(dataDir, (step) => console.log(`Building the sample ${step}`));
    console.log(`Sample built in ${dataDir} in ${summary.seconds.toFixed(1)} s: ${summary.buildings} buildings, ${summary.terrainTiles} terrain tiles`);
    return 0;
  }
  if (command === 'import' && rest[0] === 'buildings') return importBuildingsCommand(rest.slice(1), dataDir);
  if (command === 'import' && rest[0] === 'terrain') return importTerrainCommand(rest.slice(1), dataDir);
  if (command === 'import' && rest[0] === 'landuse') return importParcelsCommand(LAND_USE_SURVEY, rest.slice(1), dataDir);
  if (command === 'import' && rest[0] === 'records') return importRecordsCommand(rest.slice(1), dataDir);
  if (command === 'import' && rest[0] === 'tileset') return importTilesetCommand(rest.slice(1), dataDir);
  if (command === 'import' && rest[0] === 'zoning') return importParcelsCommand(SPATIAL_PLAN, rest.slice(1), dataDir);
  console.error(`Unknown command "${argv.join(' ')}".\n\n${usage}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
