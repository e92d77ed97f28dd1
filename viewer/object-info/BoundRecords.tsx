import type { BoundObject } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { inLanguage, lifecycleStagesInEnglish } from '../i18n/messages.ts';
import { STATUS_COLORS } from '../incidents/statusColors.ts';

/** What is bound to an object: its incidents, monitoring points and cameras, and its resource code's lifecycle. */
export function BoundRecords({ records }: { records: BoundObject['records'] }) {
  const { t, language } = useI18n();
  const { incidents, monitoringPoints, lifecycle } = records;
  if (incidents.length + monitoringPoints.length + lifecycle.length === 0) return null;
  return (
    <section className="bound-records" aria-label={t('boundRecords')}>
      {incidents.length > 0 && (
        <section className="bound-incidents">
          <h3>{t('boundIncidents')}</h3>
          <ul>
            {incidents.map((incident) => (
              <li key={incident.id} data-incident-id={incident.id}>
                <span className="status-dot" style={{ background: STATUS_COLORS[incident.status] }} />
                {incident.title} <span className="muted">{t(`status.${incident.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {monitoringPoints.length > 0 && (
        <section className="bound-points">
          <h3>{t('boundPoints')}</h3>
          <ul>
            {monitoringPoints.map((point) => (
              <li key={point.id}>
                {point.name}
                {point.latest && (
                  <span className="muted">
                    {' '}
                    {t('latest', { reading: `${point.latest.value}${point.unit}` })}
                  </span>
                )}
                {point.alarm && <span className="alarm"> {t('alarm')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {lifecycle.length > 0 && (
        <section className="bound-lifecycle">
          <h3>{t('lifecycle')}</h3>
          <ol className="timeline">
            {lifecycle.map((record) => (
              <li key={record.id}>
                <b>{inLanguage(lifecycleStagesInEnglish, record.stage, language)}</b> <span className="muted">{record.date}</span>
                <div>{record.summary}</div>
                <div className="muted">{record.department}</div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
