import { z } from 'zod';
import { Instant, Measurement, RecordId } from '../../layers/index.ts';
import type { Reading } from '../store/twinStore.ts';

/** The topic a gateway publishes a point's readings to; `+` is the point id. */
export const READINGS_TOPIC = 'twin/readings/+';

/** The most readings one message may carry: as many as one HTTP request. */
const MAX_READINGS = 10_000;

const OneReading = z.object({ at: Instant, value: Measurement }).strict();
const Batch = z.object({ readings: z.array(OneReading).min(1).max(MAX_READINGS) }).strict();

export type ReadingMessage = { readings: Reading[]; problem?: undefined } | { readings?: undefined; problem: string };

/**
 * The readings of one MQTT message: topic `twin/readings/{pointId}`, payload `{"at", "value"}` or
 * `{"readings": [{"at", "value"}, …]}`; or what is wrong with it, naming the field.
 */
export function parseReadingMessage(topic: string, payload: Uint8Array): ReadingMessage {
  const match = /^twin\/readings\/([^/]+)$/.exec(topic);
  if (!match) return { problem: `topic "${topic}" is not twin/readings/{pointId}` };
  const pointId = RecordId.safeParse(match[1]);
  if (!pointId.success) return { problem: `topic "${topic}": the point id ${pointId.error.issues[0]!.message}` };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return { problem: `topic "${topic}": the payload is not JSON` };
  }
  const isBatch = raw !== null && typeof raw === 'object' && 'readings' in raw;
  const parsed = isBatch ? Batch.safeParse(raw) : OneReading.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `topic "${topic}": field "${issue.path.join('.') || '(payload)'}" ${issue.message}` };
  }
  const readings = 'readings' in parsed.data ? parsed.data.readings : [parsed.data];
  return { readings: readings.map(({ at, value }) => ({ pointId: pointId.data, at, value })) };
}
