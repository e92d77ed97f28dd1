import { spawnSync } from 'node:child_process';

export interface WrkResult {
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  /** Non-2xx/3xx answers plus socket errors: a run with any is not a fair figure. */
  errors: number;
}

export function requireWrk(): void {
  if (spawnSync('wrk', ['--version']).error) throw new Error('The server benchmark needs wrk: apt-get install -y wrk');
}

/** One wrk thread (a C client, so the client is not what is measured) with the given Lua script. */
export function runWrk(url: string, script: string, seconds: number, connections: number): WrkResult {
  const run = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed on ${url}: ${run.stderr || run.error?.message}`);
  const out = run.stdout;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)?.slice(1) ?? [];
  const badAnswers = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  return {
    'req/s': Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN)),
    'p50 ms': percentileMs(out, 50),
    'p99 ms': percentileMs(out, 99),
    errors: [...socketErrors, badAnswers].reduce((sum, count) => sum + Number(count), 0),
  };
}

/** Reads a line such as `     99%    4.21ms` from the "Latency Distribution" block. */
function percentileMs(out: string, percentile: number): number {
  const match = new RegExp(`^\\s+${percentile}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(out);
  if (!match) return Number.NaN;
  return +(Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's']).toFixed(2);
}
