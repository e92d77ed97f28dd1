import { type DashboardFigures, INCIDENT_STATUSES, type IncidentStatus } from '../../layers/index.ts';

/** One bar of a dashboard list: what it counts, its value, and its length against the longest. */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  share: number;
}

/** The key of the row that sums the items left out. */
export const OTHER = '(other)';

/**
 * The rows of a bar list, largest first: the top `limit` items, the rest summed into one "other"
 * row (labelled `otherLabel`) so a long tail does not crowd a big screen.
 */
export function barRows<T>(items: readonly T[], row: (item: T) => { key: string; label: string; value: number }, limit: number, otherLabel: string): BarRow[] {
  const rows = items.map(row).sort((a, b) => b.value - a.value);
  const shown = rows.slice(0, limit);
  const longest = Math.max(...shown.map((r) => r.value), 0);
  const rest = rows.slice(limit).reduce((sum, r) => sum + r.value, 0);
  if (rest > 0) shown.push({ key: OTHER, label: otherLabel, value: rest });
  // Scaled to the longest item shown: the rest, however long, is not drawn as a bar.
  return shown.map((r) => ({ ...r, share: longest > 0 ? Math.min(1, r.value / longest) : 0 }));
}

/** Incidents by status in the workflow's order, every status present (0 when none). */
export function statusCounts(byStatus: Partial<Record<IncidentStatus, number>>): { status: IncidentStatus; count: number }[] {
  return INCIDENT_STATUSES.map((status) => ({ status, count: byStatus[status] ?? 0 }));
}

/** The headline figures: incidents, still open, completion rate (whole percent: a wall screen's tile holds three digits) and active alarms. */
export function headlineFigures(figures: DashboardFigures) {
  const incidents = figures.incidents;
  return {
    total: incidents?.total,
    open: incidents ? incidents.total - (incidents.byStatus.办结 ?? 0) : undefined,
    completionPercent: incidents?.completionRate == null ? undefined : Math.round(incidents.completionRate * 100),
    activeAlarms: figures.alarms?.active,
  };
}

/** Square metres as square kilometres, one decimal below 100 km². */
export function squareKilometres(m2: number): string {
  const km2 = m2 / 1e6;
  return km2 >= 100 ? String(Math.round(km2)) : km2.toFixed(1);
}
