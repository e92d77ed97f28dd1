import { readFile, rename, writeFile } from 'node:fs/promises';
import { PIPELINE_FILES } from '../../layers/index.ts';
import type { LayerFiles } from '../auth/layerFiles.ts';

/**
 * The data files every caller may read, as an nginx `map` of `$uri` to `$twin_public_file`
 * (1 or 0), so that nginx in front serves them from disk itself and asks the twin only about the
 * others (deploy/nginx/twin.conf). It says what LayerFiles says: a file is public only when every
 * layer publishing it is. nginx tries the exact paths first and then the patterns in order, so
 * the files and folders of layers that are not public come first and win; the pipeline's own
 * files inside a tile folder are never public.
 */
export function nginxPublicFiles(layerFiles: LayerFiles): string {
  const closed: string[] = [];
  const open: string[] = [];
  const exact = new Map<string, 0 | 1>();
  for (const { path, folder, access } of layerFiles.publications) {
    if (folder) (access === 'public' ? open : closed).push(path);
    // As LayerFiles judges it: public only when every layer publishing it (a closed folder around it too) is.
    else exact.set(path, layerFiles.accessFor(encodeURI(path), 'anonymous') === 'public' ? 1 : 0);
  }
  const pipelineFiles = PIPELINE_FILES.map(escapeRegex).join('|');
  const lines = [
    '# Written by the twin from its catalog; do not edit. Included by deploy/nginx/twin.conf.',
    'map $uri $twin_public_file {',
    '    default 0;',
    ...[...exact].sort(([a], [b]) => a.localeCompare(b)).map(([path, value]) => `    ${quoted(path)} ${value};`),
    ...[...new Set(closed)].sort().map((folder) => `    ${quoted(`~^${escapeRegex(folder)}`)} 0;`),
    ...[...new Set(open)].sort().map((folder) => `    ${quoted(`~^${escapeRegex(folder)}(?!(?:.*/)?(?:${pipelineFiles})(?:\\.gz)?$)`)} 1;`),
    '}',
    '',
  ];
  return lines.join('\n');
}

/** Writes the map to `path` when it changed, atomically (nginx may read it any time); whether it changed. */
export async function writeNginxPublicFiles(path: string, layerFiles: LayerFiles): Promise<boolean> {
  const text = nginxPublicFiles(layerFiles);
  const before = await readFile(path, 'utf8').catch(() => undefined);
  if (before === text) return false;
  // Named by process: several twin servers may write the same map at once.
  const next = `${path}.${process.pid}.next`;
  await writeFile(next, text);
  await rename(next, path);
  return true;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A map key in double quotes; nginx takes `\"` and `\\` inside them. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
