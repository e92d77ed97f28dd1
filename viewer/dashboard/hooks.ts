import type { DashboardFigures } from '../../layers/index.ts';
import { fetchDashboard } from '../api/client.ts';
import { useFetched } from '../api/useFetched.ts';
import { useIncidentFeedContext } from '../incidents/context.tsx';

/** Waits this long after a live change before asking again, so a burst of incidents costs one request. */
const SETTLE_MS = 500;

/** The dashboard's figures (the county's, or a township's), asked again whenever the live stream reports an incident or an alarm. */
export function useDashboardFigures(township: string | undefined): { figures?: DashboardFigures; error?: string } {
  const feed = useIncidentFeedContext();
  const { data, error } = useFetched((signal) => fetchDashboard(township, signal), [feed?.incidents, feed?.alarmChanges], { settleMs: SETTLE_MS, key: township ?? '' });
  return { figures: data, error };
}
