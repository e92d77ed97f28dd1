import type { Incident, IncidentStep, MonitoringPoint } from '../../layers/index.ts';
import { fetchIncident, fetchPointsNear } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';

export const NEARBY_METRES = 500;

export interface IncidentDetail {
  incident?: Incident & { steps: IncidentStep[] };
  nearby: (MonitoringPoint & { distance: number })[];
  error?: string;
}

/** An incident's steps and the monitoring points and cameras near it; read again whenever the incident changes. */
export function useIncidentDetail(incident: Incident | undefined): IncidentDetail {
  const load = incident
    ? (signal: AbortSignal) =>
        Promise.all([fetchIncident(incident.id, signal), fetchPointsNear(incident.lon, incident.lat, NEARBY_METRES, signal).catch(() => [])]).then(
          ([loaded, nearby]) => ({ incident: loaded, nearby }),
        )
    : undefined;
  // The incident object changes with every feed update; its id and version are what matter.
  const { data, error } = useFetched(load, [incident?.id, incident?.updatedAt]);
  if (error !== undefined) return { nearby: [], error };
  return data ?? { nearby: [] };
}
