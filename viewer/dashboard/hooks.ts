import type { DashboardFigures } from '../../layers/index.ts';
import { fetchDashboard } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';
import { useIncidentFeedContext } from '../incidents/context.tsx';
import { useReplay } from '../replay/context.tsx';

/** Waits this long after a live change before asking again, so a burst of incidents costs one request. */
const SETTLE_MS = 500;

/**
 * The dashboard's figures (the county's, or a township's), asked again whenever the live stream
 * reports an incident or an alarm; during a replay, as they stood at its moment.
 */
export function useDashboardFigures(township: string | undefined): { figures?: DashboardFigures; error?: string } {
  const feed = useIncidentFeedContext();
  const { asOf } = useReplay();
  const { data, error } = useFetched((signal) => fetchDashboard(township, signal, asOf), [feed?.incidents, feed?.alarmChanges, asOf], {
    settleMs: SETTLE_MS,
    key: `${township ?? ''}@${asOf ?? 'live'}`,
  });
  return { figures: data, error };
}
