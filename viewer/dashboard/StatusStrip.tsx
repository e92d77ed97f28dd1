import type { DashboardFigures } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { STATUS_COLORS } from '../incidents/statusColors.ts';
import { statusCounts } from './dashboardRows.ts';

/** Incidents by status in the workflow's order as one strip, each status's length its share, and a legend with the counts. */
export function StatusStrip({ byStatus }: { byStatus: NonNullable<DashboardFigures['incidents']>['byStatus'] }) {
  const { t } = useI18n();
  const counts = statusCounts(byStatus);
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  return (
    <div className="status-strip">
      <div className="strip" role="img" aria-label={counts.map(({ status, count }) => `${t(`status.${status}`)} ${count}`).join(', ')}>
        {counts.map(({ status, count }) =>
          count > 0 ? <span key={status} style={{ width: `${(count / total) * 100}%`, background: STATUS_COLORS[status] }} /> : null,
        )}
      </div>
      <ul className="strip-legend">
        {counts.map(({ status, count }) => (
          <li key={status} data-status={status}>
            <span className="swatch" style={{ background: STATUS_COLORS[status] }} />
            {t(`status.${status}`)} <b>{count}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
