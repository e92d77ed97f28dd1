import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Why a request path was refused: `bad-request` for a malformed path, `not-found` for one that leads nowhere allowed. */
export type PathRefusal = 'bad-request' | 'not-found';

/**
 * Turns the still percent-encoded part of a URL path into segments that cannot leave a root:
 * no `.`/`..`, no encoded slashes or backslashes, no NUL, no hidden or temporary files.
 */
export function safeSegments(encodedPath: string): string[] | PathRefusal {
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
  return segments.length > 0 ? segments : 'not-found';
}

/**
 * The real path of `segments` under `realRoot` (a root with its own symlinks resolved),
 * following symlinks, or `not-found` when it does not exist or resolves outside the root
 * (a symlink pointing elsewhere).
 */
export async function resolveInside(realRoot: string, segments: string[]): Promise<string | 'not-found'> {
  try {
    const realFile = await realpath(join(realRoot, ...segments));
    return realFile.startsWith(realRoot + sep) ? realFile : 'not-found';
  } catch {
    return 'not-found';
  }
}
