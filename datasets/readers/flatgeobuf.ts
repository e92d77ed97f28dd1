import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { InputError, type SourceEvent, type SourceGeometry } from './types.ts';

/**
 * Streams a FlatGeobuf file feature by feature. Its header names the CRS (an EPSG code, or WKT
 * for others), which is yielded before the first feature.
 */
export async function* readFlatGeobuf(path: string, { onBytes }: { onBytes?: (bytesRead: number) => void } = {}): AsyncGenerator<SourceEvent> {
  let bytesRead = 0;
  const file = createReadStream(path);
  file.on('data', (chunk) => onBytes?.((bytesRead += chunk.length)));
  let header: HeaderMeta | undefined;
  let index = 0;
  try {
    for await (const feature of deserialize(Readable.toWeb(file) as ReadableStream, { headerMetaFn: (meta) => (header = meta) })) {
      if (index === 0) {
        const crs = crsOf(header);
        if (crs) yield { type: 'crs', crs };
      }
      yield {
        type: 'feature',
        feature: { index: index++, ...(feature.id === undefined ? {} : { id: feature.id }), properties: feature.properties ?? {}, geometry: feature.geometry as SourceGeometry },
      };
    }
  } catch (error) {
    throw new InputError(path, `cannot be read as FlatGeobuf: ${(error as Error).message}`);
  }
}

function crsOf(header: HeaderMeta | undefined): string | undefined {
  const crs = header?.crs;
  if (!crs) return undefined;
  if (crs.code > 0 && (crs.org ?? 'EPSG').toUpperCase() === 'EPSG') return `EPSG:${crs.code}`;
  return crs.wkt ?? undefined;
}
