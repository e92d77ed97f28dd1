import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Why a request path was refused: `bad-request` for a malformed path, `not-found` for one that leads nowhere allowed. */
export type PathRefusal = 'bad-request' | 'not-found';

/**
 * Turns the still percent-encoded part of a URL path into a path that cannot leave a root:
 * decoded segments joined by `/`, none of them `.` or `..`, none holding a slash, backslash or
 * NUL, none hidden or temporary.
 */
export function safePath(encodedPath: string): string | PathRefusal {
  // Tile paths carry no escapes and no empty segments: one expression checks them whole.
  if (PLAIN_PATH.test(encodedPath)) {
    if (DOT_SEGMENT.test(encodedPath)) return 'bad-request';
    return HIDDEN_OR_TEMPORARY.test(encodedPath) ? 'not-found' : encodedPath;
  }
  const segments: string[] = [];
  for (const encoded of encodedPath.split('/')) {
    if (encoded === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return 'bad-request';
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return 'bad-request';
    if (segment.startsWith('.') || segment.endsWith('.tmp')) return 'not-found';
    segments.push(segment);
  }
  return segments.length > 0 ? segments.join('/') : 'not-found';
}

const PLAIN_PATH = /^[^%/\\\0]+(?:\/[^%/\\\0]+)*$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
const HIDDEN_OR_TEMPORARY = /(?:^|\/)\.|\.tmp(?:\/|$)/;

/**
 * The real path of `path` (from `safePath`) under `realRoot` (a root with its own symlinks
 * resolved), following symlinks, or `not-found` when it does not exist or resolves outside
 * the root (a symlink pointing elsewhere).
 */
export async function resolveInside(realRoot: string, path: string): Promise<string | 'not-found'> {
  try {
    const realFile = await realpath(join(realRoot, path));
    return realFile.startsWith(realRoot + sep) ? realFile : 'not-found';
  } catch {
    return 'not-found';
  }
}
