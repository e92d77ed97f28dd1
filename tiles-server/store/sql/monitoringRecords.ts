import { alarmChange } from '../../monitoring/alarmRule.ts';
import type { Actor, IngestResult, MonitoringPoint, NewIncident, NewMonitoringPoint, Reading } from '../twinStore.ts';
import { StoreConflict } from '../twinStore.ts';
import { insertIncident } from './incidentRecords.ts';
import { iso, pointFrom } from './rows.ts';
import type { Transaction } from './transaction.ts';

/** Who raises the incident of a monitoring alarm: the server's alarm rule, not the gateway that sent the reading. */
const ALARM_ACTOR: Actor = { name: 'system:alarm', role: 'system' };

/** Statements take at most this many rows' parameters at once. */
const CHUNK = 500;

export const POINT_QUERY = `
  SELECT p.*, l.value AS latest_value, l.read_at AS latest_at, a.incident_id AS alarm_incident, a.raised_at AS alarm_since, a.peak AS alarm_peak
  FROM monitoring_points p
  LEFT JOIN latest_readings l ON l.point_id = p.id
  LEFT JOIN alarms a ON a.point_id = p.id AND a.cleared_at IS NULL`;

const readingKey = (pointId: string, at: string) => `${pointId}\u0000${at}`;

export async function upsertPoint(tx: Transaction, point: NewMonitoringPoint): Promise<void> {
  await tx.run(
    `INSERT INTO monitoring_points VALUES ($id, $kind, $name, $unit, $warning, $alarm, $lon, $lat, $township, $oid, $boundBy, $boundLayer)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, unit = excluded.unit, warning = excluded.warning, alarm = excluded.alarm,
       lon = excluded.lon, lat = excluded.lat, township = excluded.township, oid = excluded.oid, bound_by = excluded.bound_by, bound_layer = excluded.bound_layer`,
    {
      id: point.id,
      kind: point.kind,
      name: point.name,
      unit: point.unit,
      warning: point.thresholds?.warning ?? null,
      alarm: point.thresholds?.alarm ?? null,
      lon: point.lon,
      lat: point.lat,
      township: point.township,
      oid: point.binding.oid,
      boundBy: point.binding.method,
      boundLayer: point.binding.layerId,
    },
  );
}

/**
 * Stores the readings not stored before and judges them in time order by the alarm rule:
 * raising an incident when a point first crosses its alarm threshold, clearing it when it falls
 * back. A batch naming an unknown point stores nothing.
 */
export async function ingestReadings(
  tx: Transaction,
  readings: Reading[],
  actor: Actor,
  raise: (point: MonitoringPoint, reading: Reading) => NewIncident,
  incidentPrefix: string,
): Promise<IngestResult> {
  const ids = [...new Set(readings.map((r) => r.pointId))];
  const points = new Map<string, MonitoringPoint>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await tx.rows(`${POINT_QUERY} WHERE p.id IN (${chunk.map((_, j) => `$p${j}`).join(', ')})`, Object.fromEntries(chunk.map((id, j) => [`p${j}`, id])));
    for (const row of rows) points.set(row.id as string, pointFrom(row));
  }
  const unknown = ids.find((id) => !points.has(id));
  if (unknown) throw new StoreConflict('not_found', `No monitoring point "${unknown}"`);

  // Only readings not stored before are stored and judged, so a retried batch raises nothing twice.
  const fresh = new Map<string, Reading>();
  for (const reading of readings) {
    const key = readingKey(reading.pointId, reading.at);
    if (!fresh.has(key)) fresh.set(key, reading);
  }
  const stored: Reading[] = [];
  const candidates = [...fresh.values()];
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const inserted = await tx.rows(
      `INSERT INTO readings VALUES ${chunk.map((_, j) => `($p${j}, $t${j}, $v${j})`).join(', ')} ON CONFLICT DO NOTHING RETURNING point_id, read_at`,
      Object.fromEntries(chunk.flatMap((r, j) => [[`p${j}`, r.pointId], [`t${j}`, r.at], [`v${j}`, r.value]])),
    );
    for (const row of inserted) stored.push(fresh.get(readingKey(row.point_id as string, iso(row.read_at)))!);
  }
  const result: IngestResult = { accepted: stored.length, duplicates: readings.length - stored.length, alarmsRaised: [], alarmsCleared: [] };
  const inTimeOrder = stored.sort((a, b) => a.at.localeCompare(b.at));
  for (const reading of inTimeOrder) {
    const point = points.get(reading.pointId)!;
    if (!point.latest || reading.at >= point.latest.at) point.latest = { value: reading.value, at: reading.at };
    const change = alarmChange(point.thresholds, point.alarm !== null, reading.value);
    if (change === 'raise') {
      const incident = await insertIncident(tx, raise(point, reading), ALARM_ACTOR, incidentPrefix);
      tx.audit(ALARM_ACTOR, 'incident.create', incident.id);
      await tx.run(`INSERT INTO alarms VALUES ($point, $incident, $at, $value, NULL)`, { point: point.id, incident: incident.id, at: reading.at, value: reading.value });
      point.alarm = { incidentId: incident.id, since: reading.at, peak: reading.value };
      tx.event('alarm.raised', { point: { ...point }, reading });
      result.alarmsRaised.push(point.id);
    } else if (change === 'clear') {
      await tx.run(`UPDATE alarms SET cleared_at = $at WHERE point_id = $point AND cleared_at IS NULL`, { point: point.id, at: reading.at });
      tx.event('alarm.cleared', { point: { ...point, alarm: null }, reading, incidentId: point.alarm!.incidentId });
      point.alarm = null;
      result.alarmsCleared.push(point.id);
    } else if (point.alarm && reading.value > point.alarm.peak) {
      point.alarm.peak = reading.value;
      await tx.run(`UPDATE alarms SET peak = $value WHERE point_id = $point AND cleared_at IS NULL`, { point: point.id, value: reading.value });
    }
  }
  for (const point of points.values()) {
    if (!point.latest) continue;
    await tx.run(`DELETE FROM latest_readings WHERE point_id = $id`, { id: point.id });
    await tx.run(`INSERT INTO latest_readings VALUES ($id, $at, $value)`, { id: point.id, at: point.latest.at, value: point.latest.value });
  }
  tx.audit(actor, 'monitoring.readings', result.duplicates ? `${result.accepted} readings, ${result.duplicates} already stored` : `${result.accepted} readings`);
  return result;
}
