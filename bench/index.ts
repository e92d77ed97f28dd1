import { parseArgs } from 'node:util';
import { benchAnalyses } from './analyses.ts';
import { benchBuildings } from './buildings.ts';
import { benchDeploy } from './deploy/index.ts';
import { benchLandUse } from './landUse.ts';
import { benchLite } from './lite.ts';
import { benchParcels } from './parcels.ts';
import { benchPhotogrammetry } from './photogrammetry.ts';
import { benchServer } from './server/index.ts';
import { benchSql } from './sql.ts';
import { benchTerrain } from './terrain.ts';
import { benchViewer } from './viewer.ts';
import { benchWall } from './wall.ts';

interface BenchOptions {
  seconds?: number;
  connections?: number;
  counts?: number[];
}

/**
 * `npm run bench -- [name ...] [--seconds N] [--connections N] [--counts N,N]`; runs every
 * benchmark when none is named.
 */
const benches: Record<string, (options: BenchOptions) => Promise<void>> = {
  server: benchServer,
  buildings: benchBuildings,
  terrain: benchTerrain,
  viewer: benchViewer,
  parcels: benchParcels,
  landuse: benchLandUse,
  lite: benchLite,
  sql: benchSql,
  deploy: benchDeploy,
  analyses: benchAnalyses,
  wall: benchWall,
  photogrammetry: benchPhotogrammetry,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string' }, connections: { type: 'string' }, counts: { type: 'string' } },
});
const names = positionals.length > 0 ? positionals : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(1);
  }
  await bench({
    seconds: values.seconds ? Number(values.seconds) : undefined,
    connections: values.connections ? Number(values.connections) : undefined,
    counts: values.counts ? values.counts.split(',').map(Number) : undefined,
  });
}
