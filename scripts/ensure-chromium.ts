import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser tests drive Debian's Chromium (a browser downloaded by a test tool cannot be
 * fetched on a closed network). Installs it when missing and running as root; otherwise says
 * exactly how to install it.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const packages = ['chromium', 'fonts-noto-cjk'];
const installCommand = `apt-get update && apt-get install -y ${packages.join(' ')}`;

function hasCjkFont(): boolean {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim().length > 0;
}

if (existsSync(chromium) && hasCjkFont()) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(`The browser tests need Debian's Chromium at ${chromium} and a Chinese font. Install them with:\n\n  sudo sh -c '${installCommand}'\n`);
  process.exit(1);
}

console.log(`Installing ${packages.join(', ')} for the browser tests…`);
const install = spawnSync('sh', ['-c', installCommand], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (install.status !== 0 || !existsSync(chromium)) {
  console.error(`Installing Chromium failed (exit ${install.status}). Run as root: ${installCommand}`);
  process.exit(1);
}
