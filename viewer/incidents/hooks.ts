import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '../../layers/index.ts';
import { fetchIncidents } from '../api/client.ts';
import { type StreamState, followEvents } from '../api/eventStream.ts';
import { incidentOf, mergeIncident } from './incidentFeed.ts';

const ALERT_MS = 8000;

export interface IncidentFeed {
  incidents: Incident[];
  stream: StreamState;
  /** Incidents reported in the last few seconds, for the alert. */
  alerts: Incident[];
  /** Incidents reported since the page opened that the user has not opened yet. */
  unread: ReadonlySet<string>;
  /** Marks these incidents read, or all of them. */
  markRead: (ids?: readonly string[]) => void;
  /** Counts monitoring alarm changes, so the monitoring layer knows to reload. */
  alarmChanges: number;
  error: string | undefined;
  /** During a replay, the instant the incidents are shown as of. */
  replayAt?: string;
}

/**
 * The incidents board's data: the newest incidents from the API, kept current by the live
 * stream. The stream opens first, so nothing reported while the list loads is missed.
 */
export function useIncidentFeed(enabled: boolean): IncidentFeed {
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [alerts, setAlerts] = useState<Incident[]>([]);
  const [unread, setUnread] = useState<ReadonlySet<string>>(new Set());
  const [alarmChanges, setAlarmChanges] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!enabled) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const abort = new AbortController();
    const load = () =>
      fetchIncidents(abort.signal).then(
        (loaded) => setIncidents((live) => loaded.reduce(mergeIncident, live)),
        (failure: unknown) => !abort.signal.aborted && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    const stop = followEvents((event) => {
      const incident = incidentOf(event);
      if (incident) setIncidents((list) => mergeIncident(list, incident));
      if (incident && event.type === 'incident.created') {
        setAlerts((shown) => [incident, ...shown]);
        setUnread((ids) => new Set(ids).add(incident.id));
        const timer = setTimeout(() => {
          timers.delete(timer);
          setAlerts((shown) => shown.filter((alert) => alert.id !== incident.id));
        }, ALERT_MS);
        timers.add(timer);
      }
      if (event.type.startsWith('alarm.')) setAlarmChanges((n) => n + 1);
    }, setStream, () => {
      // Too far behind for the stream to replay: load the board afresh, and the monitoring points with it.
      load();
      setAlarmChanges((n) => n + 1);
    });
    load();
    return () => {
      stop();
      abort.abort();
      timers.forEach(clearTimeout);
    };
  }, [enabled]);

  const markRead = useCallback(
    (ids?: readonly string[]) =>
      setUnread((current) => {
        if (!ids) return current.size === 0 ? current : new Set();
        if (!ids.some((id) => current.has(id))) return current;
        const rest = new Set(current);
        ids.forEach((id) => rest.delete(id));
        return rest;
      }),
    [],
  );

  return { incidents, stream, alerts, unread, markRead, alarmChanges, error };
}
