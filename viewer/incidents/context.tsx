import { type ReactNode, createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { Incident } from '../../layers/index.ts';
import { fetchIncidents } from '../api/client.ts';
import { useReplay } from '../replay/context.tsx';
import { type IncidentFeed, useIncidentFeed } from './hooks.ts';

const IncidentFeedContext = createContext<IncidentFeed | undefined>(undefined);
const NONE_UNREAD: ReadonlySet<string> = new Set();

/**
 * One incident feed for the board and the map layers: live, or during a replay the incidents as
 * they stood at its instant (no alerts then); off when the catalog has no incidents layer.
 */
export function IncidentFeedProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const feed = useIncidentFeed(enabled);
  const { asOf } = useReplay();
  const past = useIncidentsAsOf(enabled ? asOf : undefined);
  const value = useMemo(() => {
    if (!enabled) return undefined;
    if (!asOf) return feed;
    return { ...feed, incidents: past ?? [], alerts: [], unread: NONE_UNREAD, replayAt: asOf };
  }, [enabled, asOf, feed, past]);
  return <IncidentFeedContext.Provider value={value}>{children}</IncidentFeedContext.Provider>;
}

/** The live incident feed, or undefined when this user's catalog has no incidents. */
export function useIncidentFeedContext(): IncidentFeed | undefined {
  return useContext(IncidentFeedContext);
}

/** The incidents as they stood at an instant; the last answer stays while the next is on its way, so a replay does not flicker. */
function useIncidentsAsOf(asOf: string | undefined): Incident[] | undefined {
  const [incidents, setIncidents] = useState<Incident[]>();
  useEffect(() => {
    if (!asOf) return setIncidents(undefined);
    const controller = new AbortController();
    fetchIncidents(controller.signal, asOf).then(setIncidents, () => undefined);
    return () => controller.abort();
  }, [asOf]);
  return incidents;
}
