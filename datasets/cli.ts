import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSample } from './sample/buildSample.ts';
import { defaultDataDir } from './dataDir.ts';

const usage = `Usage: npm run twin -- <command> [options]

Commands:
  sample            Build the Wuyi sample layers into the data folder

Options:
  --data-dir DIR    Data folder (default: $DATA_DIR or ./data)
  -h, --help        Show this help`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const [command] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 1;
  }
  if (command === 'sample') {
    const written = await buildSample(dataDir);
    console.log(`Sample built in ${dataDir}: ${written.length} layer files`);
    return 0;
  }
  console.error(`Unknown command "${command}".\n\n${usage}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
