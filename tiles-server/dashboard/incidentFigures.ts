import { COMPLETION_TARGET, COUNTY_UTC_OFFSET_MINUTES, type DashboardFigures, TREND_DAYS } from '../../layers/index.ts';
import type { IncidentCount, IncidentDayCount } from '../store/twinStore.ts';

const DAY_MS = 86_400_000;

/** The county's date (YYYY-MM-DD) of an instant. */
export const countyDay = (ms: number): string => new Date(ms + COUNTY_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);

/** The instant (ISO, UTC) at which the trend's first day begins in the county, `now` being in its last. */
export function trendStart(now: number): string {
  const today = Date.parse(`${countyDay(now)}T00:00:00.000Z`);
  return new Date(today - (TREND_DAYS - 1) * DAY_MS - COUNTY_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

/**
 * Incidents by status and by township, busiest township first, the share closed (办结) against
 * the plan's target, and the incidents reported each day of the trend (days without any count
 * 0); `townshipNames` names a township code in Chinese and English (nulls when the incident lies outside every township).
 */
export function incidentFigures(
  counts: IncidentCount[],
  perDay: IncidentDayCount[],
  townshipNames: (code: string) => { name: string | null; nameEn: string | null },
  now: number,
): NonNullable<DashboardFigures['incidents']> {
  const byStatus: NonNullable<DashboardFigures['incidents']>['byStatus'] = {};
  const byTownship = new Map<string | null, number>();
  let total = 0;
  for (const { status, township, count } of counts) {
    byStatus[status] = (byStatus[status] ?? 0) + count;
    byTownship.set(township, (byTownship.get(township) ?? 0) + count);
    total += count;
  }
  const first = Date.parse(trendStart(now));
  const trend = Array.from({ length: TREND_DAYS }, (_, i) => ({ day: countyDay(first + i * DAY_MS), count: 0 }));
  const index = new Map(trend.map((entry, i) => [entry.day, i]));
  for (const { day, count } of perDay) {
    const i = index.get(day);
    if (i !== undefined) trend[i]!.count += count;
  }
  return {
    total,
    byStatus,
    byTownship: [...byTownship]
      .map(([code, count]) => ({ code, ...(code === null ? { name: null, nameEn: null } : townshipNames(code)), count }))
      .sort((a, b) => b.count - a.count || String(a.code).localeCompare(String(b.code))),
    completionRate: total === 0 ? null : (byStatus.办结 ?? 0) / total,
    completionTarget: COMPLETION_TARGET,
    trend,
  };
}
