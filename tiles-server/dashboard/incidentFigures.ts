import type { DashboardFigures } from '../../layers/index.ts';
import type { IncidentCount } from '../store/twinStore.ts';

/**
 * Incidents by status and by township, busiest township first, and the share closed (办结);
 * `townshipName` names a township code (null when the incident lies outside every township).
 */
export function incidentFigures(counts: IncidentCount[], townshipName: (code: string) => string | null): NonNullable<DashboardFigures['incidents']> {
  const byStatus: NonNullable<DashboardFigures['incidents']>['byStatus'] = {};
  const byTownship = new Map<string | null, number>();
  let total = 0;
  for (const { status, township, count } of counts) {
    byStatus[status] = (byStatus[status] ?? 0) + count;
    byTownship.set(township, (byTownship.get(township) ?? 0) + count);
    total += count;
  }
  return {
    total,
    byStatus,
    byTownship: [...byTownship]
      .map(([code, count]) => ({ code, name: code === null ? null : townshipName(code), count }))
      .sort((a, b) => b.count - a.count || String(a.code).localeCompare(String(b.code))),
    completionRate: total === 0 ? null : (byStatus.办结 ?? 0) / total,
  };
}
