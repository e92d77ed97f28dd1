import './dashboard.css';
import type { ReactNode } from 'react';
import type { DashboardFigures } from '../../layers/index.ts';
import { localeOf, useI18n } from '../i18n/index.tsx';
import { type BarRow, OTHER, barRows, headlineFigures, squareKilometres } from './dashboardRows.ts';
import { CountyClock } from './CountyClock.tsx';
import { useDashboardFigures } from './hooks.ts';
import { IncidentTrend } from './IncidentTrend.tsx';
import { StatusStrip } from './StatusStrip.tsx';

/** Rows per list: what fits a big screen's column and reads from across a room. */
const TOP = 4;

/**
 * The big-screen dashboard: the county's clock, headline figures, the incident trend, incidents
 * by status and township, land use and buildings; for the county, or narrowed to one township
 * (`township`), into which a click on a township's bar drills and out of which `onScope` leads.
 */
export function Dashboard({ township, onScope }: { township?: string | undefined; onScope: (township: string | undefined) => void }) {
  const { t } = useI18n();
  const { figures, error } = useDashboardFigures(township);
  return (
    <aside className="dashboard" aria-label={t('dashboard')} data-dashboard={figures ? 'loaded' : 'loading'} data-township={township}>
      {error && (
        <p className="dashboard-error" role="alert">
          {error}
        </p>
      )}
      {figures && <Figures figures={figures} onScope={onScope} />}
    </aside>
  );
}

function Figures({ figures, onScope }: { figures: DashboardFigures; onScope: (township: string | undefined) => void }) {
  const { t, language } = useI18n();
  const headline = headlineFigures(figures);
  const number = (value: number) => value.toLocaleString(localeOf(language));
  // A place's name in the interface's language, its Chinese name where it has no English one.
  const placeName = ({ name, nameEn }: { name: string | null; nameEn: string | null }) => (language === 'en' ? (nameEn ?? name) : name);
  const belowTarget = figures.incidents?.completionRate != null && figures.incidents.completionRate < figures.incidents.completionTarget;
  return (
    <>
      <header className="dashboard-scope">
        <h2>{figures.township ? (placeName(figures.township) ?? figures.township.code) : t('dashboard.county')}</h2>
        {figures.township && (
          <button type="button" onClick={() => onScope(undefined)}>
            {t('dashboard.backToCounty')}
          </button>
        )}
        <CountyClock />
      </header>
      <div className="kpis">
        {headline.total !== undefined && <Kpi name="incidentsTotal" label={t('kpi.incidents')} value={number(headline.total)} />}
        {headline.open !== undefined && <Kpi name="incidentsOpen" label={t('kpi.open')} value={number(headline.open)} />}
        {headline.completionPercent !== undefined && (
          <Kpi
            name="completionRate"
            label={t('kpi.completion')}
            note={t('kpi.target', { target: Math.round(figures.incidents!.completionTarget * 100) })}
            value={`${headline.completionPercent}%`}
            alert={belowTarget}
          />
        )}
        {headline.activeAlarms !== undefined && <Kpi name="activeAlarms" label={t('kpi.alarms')} value={number(headline.activeAlarms)} alert={headline.activeAlarms > 0} />}
      </div>
      {figures.incidents && (
        <Section name="trend" title={t('dashboard.trend')}>
          <IncidentTrend trend={figures.incidents.trend} />
        </Section>
      )}
      {figures.incidents && (
        <Section name="byStatus" title={t('dashboard.byStatus')}>
          <StatusStrip byStatus={figures.incidents.byStatus} />
        </Section>
      )}
      {figures.incidents && !figures.township && (
        <Section name="byTownship" title={t('dashboard.byTownship')}>
          <Bars
            rows={barRows(figures.incidents.byTownship, (row) => ({ key: row.code ?? '(none)', label: placeName(row) ?? t('outsideTownships'), value: row.count }), TOP, t('other'))}
            format={number}
            onSelect={(row) => (/^\d+$/.test(row.key) ? () => onScope(row.key) : undefined)}
          />
        </Section>
      )}
      {figures.landUse && (
        <Section name="landUse" title={t('dashboard.landUse')}>
          <Bars rows={barRows(figures.landUse, (row) => ({ key: row.code, label: row.label, value: row.area }), TOP, t('other'))} format={squareKilometres} />
        </Section>
      )}
      {figures.buildings && (
        <Section name="buildings" title={t('dashboard.buildings')}>
          <Bars rows={barRows(figures.buildings, (row) => ({ key: row.use, label: row.use || t('unknownUse'), value: row.count }), TOP, t('other'))} format={number} />
        </Section>
      )}
    </>
  );
}

/** A bar's name; a button where choosing the row leads somewhere (a township to drill into). */
function BarLabel({ label, onClick }: { label: string; onClick: (() => void) | undefined }) {
  if (!onClick) return <span className="bar-label">{label}</span>;
  return (
    <button type="button" className="bar-label" onClick={onClick}>
      {label}
    </button>
  );
}

function Kpi({ name, label, note, value, alert = false }: { name: string; label: string; note?: string; value: string; alert?: boolean }) {
  return (
    <div className={alert ? 'kpi kpi-alert' : 'kpi'} data-kpi={name}>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
      {note && <span className="kpi-note">{note}</span>}
    </div>
  );
}

function Section({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    <section className="dashboard-section" data-section={name}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Bars({ rows, format, onSelect }: { rows: BarRow[]; format: (value: number) => string; onSelect?: (row: BarRow) => (() => void) | undefined }) {
  return (
    <ol className="bars">
      {rows.map((row) => (
        <li key={row.key} data-key={row.key}>
          <BarLabel label={row.label} onClick={onSelect?.(row)} />
          {/* The rest is a remainder, not one thing: counted, not drawn against the things themselves. */}
          <span className="bar-track">{row.key !== OTHER && <span className="bar" style={{ width: `${row.share * 100}%` }} />}</span>
          <span className="bar-value">{format(row.value)}</span>
        </li>
      ))}
    </ol>
  );
}
