import type { Incident, IncidentStatus, TwinEvent } from '../../layers/index.ts';

/** The incidents a board shows, newest report first. */
export function mergeIncident(incidents: readonly Incident[], incident: Incident): Incident[] {
  const others = incidents.filter((existing) => existing.id !== incident.id);
  return [incident, ...others].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt) || b.id.localeCompare(a.id));
}

/** The incident an event carries, if it carries one. */
export function incidentOf(event: TwinEvent): Incident | undefined {
  return event.type === 'incident.created' || event.type === 'incident.updated' ? (event.data.incident as Incident) : undefined;
}

export interface IncidentFilter {
  statuses: ReadonlySet<IncidentStatus>;
  type: string;
  township: string;
}

export const NO_FILTER: IncidentFilter = { statuses: new Set(), type: '', township: '' };

/** Incidents passing the board's filters; an empty filter passes everything. */
export function filterIncidents(incidents: readonly Incident[], filter: IncidentFilter): Incident[] {
  return incidents.filter(
    (incident) =>
      (filter.statuses.size === 0 || filter.statuses.has(incident.status)) &&
      (filter.type === '' || incident.type === filter.type) &&
      (filter.township === '' || incident.township === filter.township),
  );
}

/** The values a filter can choose from, in a stable order. */
export function filterChoices(incidents: readonly Incident[]): { types: string[]; townships: string[] } {
  const types = [...new Set(incidents.map((incident) => incident.type))].sort((a, b) => a.localeCompare(b, 'zh'));
  const townships = [...new Set(incidents.map((incident) => incident.township).filter((code): code is string => code !== null))].sort();
  return { types, townships };
}

/** Counts by status, for the board's heading. */
export function countByStatus(incidents: readonly Incident[]): Record<IncidentStatus, number> {
  const counts: Record<IncidentStatus, number> = { 受理: 0, 交办: 0, 处置: 0, 办结: 0, 退回: 0 };
  for (const incident of incidents) counts[incident.status]++;
  return counts;
}
