import { useEffect, useState } from 'react';
import type { Incident, IncidentStep, MonitoringPoint } from '../../layers/index.ts';
import { fetchIncident, fetchPointsNear } from '../api/client.ts';

export const NEARBY_METRES = 500;

export interface IncidentDetail {
  incident?: Incident & { steps: IncidentStep[] };
  nearby: (MonitoringPoint & { distance: number })[];
  error?: string;
}

/** An incident's steps and the monitoring points and cameras near it; read again whenever the incident changes. */
export function useIncidentDetail(incident: Incident | undefined): IncidentDetail {
  const [detail, setDetail] = useState<IncidentDetail>({ nearby: [] });
  const id = incident?.id;
  const version = incident?.updatedAt;
  useEffect(() => {
    if (!incident) return setDetail({ nearby: [] });
    const abort = new AbortController();
    Promise.all([fetchIncident(incident.id, abort.signal), fetchPointsNear(incident.lon, incident.lat, NEARBY_METRES, abort.signal).catch(() => [])]).then(
      ([loaded, nearby]) => setDetail({ incident: loaded, nearby }),
      (error: unknown) => !abort.signal.aborted && setDetail({ nearby: [], error: error instanceof Error ? error.message : String(error) }),
    );
    return () => abort.abort();
    // The incident object changes with every feed update; its id and version are what matter.
  }, [id, version]);
  return detail;
}
