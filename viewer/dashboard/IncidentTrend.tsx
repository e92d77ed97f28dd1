import type { DashboardFigures } from '../../layers/index.ts';
import { localeOf, useI18n } from '../i18n/index.tsx';

const WIDTH = 300;
const HEIGHT = 64;
/** The days of the short trend, drawn brighter at the end of the long one. */
const RECENT_DAYS = 7;

/** Incidents reported each day of the last 30, the last 7 brighter, with both totals. */
export function IncidentTrend({ trend }: { trend: NonNullable<DashboardFigures['incidents']>['trend'] }) {
  const { t, language } = useI18n();
  const most = Math.max(1, ...trend.map((day) => day.count));
  const step = WIDTH / trend.length;
  const sum = (days: typeof trend) => days.reduce((total, day) => total + day.count, 0);
  const number = (value: number) => value.toLocaleString(localeOf(language));
  return (
    <figure className="incident-trend">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={t('dashboard.trend')}>
        {trend.map((day, i) => {
          const height = (day.count / most) * (HEIGHT - 2);
          return (
            <rect
              key={day.day}
              data-day={day.day}
              data-count={day.count}
              className={i >= trend.length - RECENT_DAYS ? 'recent' : undefined}
              x={i * step + step * 0.15}
              y={HEIGHT - height}
              width={step * 0.7}
              height={height}
            >
              <title>{`${day.day}: ${day.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span data-total="7">{t('dashboard.last7', { count: number(sum(trend.slice(-RECENT_DAYS))) })}</span>
        <span data-total="30">{t('dashboard.last30', { count: number(sum(trend)) })}</span>
      </figcaption>
    </figure>
  );
}
