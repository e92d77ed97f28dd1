import { parseArgs } from 'node:util';
import { benchServing } from './serving.ts';

/** `npm run bench -- [name ...] [--seconds N] [--connections N]`; runs every benchmark when none is named. */
const benches: Record<string, (options: { seconds?: number; connections?: number }) => Promise<void>> = {
  serving: benchServing,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string' }, connections: { type: 'string' } },
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
  });
}
