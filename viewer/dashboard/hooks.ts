import { useEffect, useState } from 'react';
import type { DashboardFigures } from '../../layers/index.ts';
import { fetchDashboard } from '../api/client.ts';
import { useIncidentFeedContext } from '../incidents/context.tsx';

/** Waits this long after a live change before asking again, so a burst of incidents costs one request. */
const SETTLE_MS = 500;

/** The dashboard's figures, asked again whenever the live stream reports an incident or an alarm. */
export function useDashboardFigures(): { figures?: DashboardFigures; error?: string } {
  const feed = useIncidentFeedContext();
  const [state, setState] = useState<{ figures?: DashboardFigures; error?: string }>({});
  const incidents = feed?.incidents;
  const alarmChanges = feed?.alarmChanges;
  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchDashboard(abort.signal).then(
        (figures) => setState({ figures }),
        (error: unknown) => !abort.signal.aborted && setState((current) => ({ ...current, error: error instanceof Error ? error.message : String(error) })),
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [incidents, alarmChanges]);
  return state;
}
