import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/**
 * What the tests need from Debian: Chromium for the browser tests (a browser downloaded by a test
 * tool cannot be fetched on a closed network), a Chinese font for the UI and labels, and GDAL,
 * which writes the Shapefiles and FlatGeobuf files the importers are tested against; and the real
 * servers the scale-out tests run (PostgreSQL with PostGIS, mosquitto, nginx), each started by the
 * test that needs it in a temporary folder, never as a system service. Installs
 * what is missing when running as root; otherwise says exactly how to install it.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const needs = [
  { package: 'chromium', present: () => existsSync(chromium) },
  { package: 'fonts-noto-cjk', present: () => succeeds('fc-list', [':lang=zh'], (out) => out.trim().length > 0) },
  { package: 'gdal-bin', present: () => succeeds('ogr2ogr', ['--version']) },
  { package: 'postgresql', present: () => anyVersionHas('/usr/lib/postgresql', 'bin/postgres') },
  { package: 'postgresql-postgis', present: () => anyVersionHas('/usr/share/postgresql', 'extension/postgis.control') },
  { package: 'mosquitto', present: () => existsSync('/usr/sbin/mosquitto') },
  { package: 'nginx', present: () => existsSync('/usr/sbin/nginx') },
];

/** Whether some installed major version under `root` (Debian's layout: `root/15/…`) holds `file`. */
function anyVersionHas(root: string, file: string): boolean {
  return existsSync(root) && readdirSync(root).some((version) => existsSync(`${root}/${version}/${file}`));
}

function succeeds(command: string, args: string[], check: (stdout: string) => boolean = () => true): boolean {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return run.status === 0 && check(run.stdout);
}

const missing = needs.filter((need) => !need.present()).map((need) => need.package);
if (missing.length === 0) process.exit(0);

const installCommand = `apt-get update && apt-get install -y ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(`The tests need Debian packages that are missing: ${missing.join(', ')}. Install them with:\n\n  sudo sh -c '${installCommand}'\n`);
  process.exit(1);
}

console.log(`Installing ${missing.join(', ')} for the tests…`);
const install = spawnSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
const stillMissing = needs.filter((need) => !need.present()).map((need) => need.package);
if (install.status !== 0 || stillMissing.length > 0) {
  console.error(`Installing ${stillMissing.join(', ')} failed (exit ${install.status}). Run as root: ${installCommand}`);
  process.exit(1);
}
