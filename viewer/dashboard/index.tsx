import './dashboard.css';
import type { ReactNode } from 'react';
import type { DashboardFigures } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { STATUS_COLORS } from '../incidents/statusColors.ts';
import { type BarRow, barRows, headlineFigures, squareKilometres, statusCounts } from './dashboardRows.ts';
import { useDashboardFigures } from './hooks.ts';

/** Rows per list: what fits a big screen's column and reads from across a room. */
const TOP = 5;

/** The big-screen dashboard: headline figures, incidents by status and township, land use and buildings. */
export function Dashboard() {
  const { t } = useI18n();
  const { figures, error } = useDashboardFigures();
  return (
    <aside className="dashboard" aria-label={t('dashboard')} data-dashboard={figures ? 'loaded' : 'loading'}>
      {error && (
        <p className="dashboard-error" role="alert">
          {error}
        </p>
      )}
      {figures && <Figures figures={figures} />}
    </aside>
  );
}

function Figures({ figures }: { figures: DashboardFigures }) {
  const { t, language } = useI18n();
  const headline = headlineFigures(figures);
  const number = (value: number) => value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <>
      <div className="kpis">
        {headline.total !== undefined && <Kpi name="incidentsTotal" label={t('kpi.incidents')} value={number(headline.total)} />}
        {headline.open !== undefined && <Kpi name="incidentsOpen" label={t('kpi.open')} value={number(headline.open)} />}
        {headline.completionPercent !== undefined && <Kpi name="completionRate" label={t('kpi.completion')} value={`${headline.completionPercent}%`} />}
        {headline.activeAlarms !== undefined && <Kpi name="activeAlarms" label={t('kpi.alarms')} value={number(headline.activeAlarms)} alert={headline.activeAlarms > 0} />}
      </div>
      {figures.incidents && (
        <Section title={t('dashboard.byStatus')}>
          <Bars
            rows={barRows(statusCounts(figures.incidents.byStatus), ({ status, count }) => ({ key: status, label: t(`status.${status}`), value: count }), TOP, t('other'), 'as-given')}
            format={number}
            colorOf={(row) => STATUS_COLORS[row.key as keyof typeof STATUS_COLORS]}
          />
        </Section>
      )}
      {figures.incidents && (
        <Section title={t('dashboard.byTownship')}>
          <Bars rows={barRows(figures.incidents.byTownship, (row) => ({ key: row.code ?? '(none)', label: row.name ?? t('outsideTownships'), value: row.count }), TOP, t('other'))} format={number} />
        </Section>
      )}
      {figures.landUse && (
        <Section title={t('dashboard.landUse')}>
          <Bars rows={barRows(figures.landUse, (row) => ({ key: row.code, label: row.label, value: row.area }), TOP, t('other'))} format={squareKilometres} />
        </Section>
      )}
      {figures.buildings && (
        <Section title={t('dashboard.buildings')}>
          <Bars rows={barRows(figures.buildings, (row) => ({ key: row.use, label: row.use || t('unknownUse'), value: row.count }), TOP, t('other'))} format={number} />
        </Section>
      )}
    </>
  );
}

function Kpi({ name, label, value, alert = false }: { name: string; label: string; value: string; alert?: boolean }) {
  return (
    <div className={alert ? 'kpi kpi-alert' : 'kpi'} data-kpi={name}>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="dashboard-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Bars({ rows, format, colorOf }: { rows: BarRow[]; format: (value: number) => string; colorOf?: (row: BarRow) => string }) {
  return (
    <ol className="bars">
      {rows.map((row) => (
        <li key={row.key}>
          <span className="bar-label">{row.label}</span>
          <span className="bar-track">
            <span className="bar" style={{ width: `${row.share * 100}%`, ...(colorOf ? { background: colorOf(row) } : {}) }} />
          </span>
          <span className="bar-value">{format(row.value)}</span>
        </li>
      ))}
    </ol>
  );
}
