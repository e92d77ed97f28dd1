import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The processes listening on a TCP port (nginx's master and workers, or one Node server). */
export function processesOn(port: number): number[] {
  const listing = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  return [...new Set([...listing.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1])))];
}

/** User plus system CPU time the processes have used so far, in milliseconds (all their threads). */
export function cpuMsOf(pids: number[]): number {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return pids.reduce((sum, pid) => {
    // Fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
  }, 0);
}
