import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a GeoJSON FeatureCollection feature by feature, waiting for the disk when it falls
 * behind, so a million generated features never sit in memory at once.
 */
export async function writeFeatureStream(path: string, features: Iterable<object>): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let count = 0;
  await write('{"type":"FeatureCollection","features":[\n');
  for (const feature of features) await write(`${count++ > 0 ? ',\n' : ''}${JSON.stringify(feature)}`);
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return count;
}
