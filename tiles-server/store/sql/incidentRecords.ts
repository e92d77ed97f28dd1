import type { Actor, Incident, IncidentFilter, NewIncident } from '../twinStore.ts';
import { StoreConflict } from '../twinStore.ts';
import { incidentFrom } from './rows.ts';
import type { Params, Row, SqlDialect } from './sqlEngine.ts';
import type { Transaction } from './transaction.ts';

/** The WHERE clause and parameters of an incident list's filter, over `incidents` or the incidents as of an instant. */
export function incidentQuery(filter: IncidentFilter, dialect: SqlDialect): { source: string; clause: string; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  if (filter.status?.length) {
    where.push(`status IN (${filter.status.map((_, i) => `$status${i}`).join(', ')})`);
    filter.status.forEach((status, i) => (params[`status${i}`] = status));
  }
  for (const key of ['type', 'township', 'oid'] as const) {
    if (filter[key] !== undefined) {
      where.push(`${key} = $${key}`);
      params[key] = filter[key];
    }
  }
  if (filter.from) {
    where.push(`reported_at >= $from`);
    params.from = filter.from;
  }
  if (filter.to) {
    where.push(`reported_at < $to`);
    params.to = filter.to;
  }
  let source = 'incidents';
  if (filter.asOf !== undefined) {
    params.asOf = filter.asOf;
    source = `(${dialect.incidentsAsOf}) AS as_of`;
  }
  return { source, clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export async function insertIncident(tx: Transaction, incident: NewIncident, actor: Actor, idPrefix: string): Promise<Incident> {
  const reportedAt = incident.reportedAt ?? new Date().toISOString();
  const prefix = `${idPrefix}-${reportedAt.slice(0, 4)}-`;
  const id = incident.id ?? `${prefix}${String(await tx.nextSerial(prefix)).padStart(5, '0')}`;
  const status = incident.status ?? '受理';
  let row: Row | undefined;
  try {
    [row] = await tx.rows(
      `INSERT INTO incidents VALUES ($id, $type, $title, $description, $status, $township, $lon, $lat, $floor, $oid, $boundBy, $boundLayer, NULL, $source, $reportedAt, $reportedAt) RETURNING *`,
      {
        id,
        type: incident.type,
        title: incident.title,
        description: incident.description ?? null,
        status,
        township: incident.township,
        lon: incident.lon,
        lat: incident.lat,
        floor: incident.floor ?? null,
        oid: incident.binding.oid,
        boundBy: incident.binding.method,
        boundLayer: incident.binding.layerId,
        source: incident.source,
        reportedAt,
      },
    );
  } catch (error) {
    if (tx.isDuplicateKey(error)) throw new StoreConflict('conflict', `Incident "${id}" already exists`);
    throw error;
  }
  tx.step(id, { status, actor: actor.name, assignee: null, note: null }, reportedAt);
  const created = incidentFrom(row!);
  tx.event('incident.created', { incident: created });
  return created;
}
