import { benchBindingThroughput } from './bindingThroughput.ts';
import { benchHostileClients } from './hostileClients.ts';
import { benchIncidentLatency } from './incidentLatency.ts';
import { benchTileServing } from './tileServing.ts';

export interface ServerBenchOptions {
  seconds?: number;
  connections?: number;
}

/** Parts of the server benchmark, run one after another so that none shares the CPUs with another. */
const parts: ((options: ServerBenchOptions) => Promise<void>)[] = [benchTileServing, () => benchIncidentLatency(), () => benchBindingThroughput(), () => benchHostileClients()];

/** Usage: npm run bench -- server [--seconds 6] [--connections 50] */
export async function benchServer(options: ServerBenchOptions = {}) {
  for (const part of parts) await part(options);
}
