import type { BoundObject } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';
import { propertyLabels } from '../i18n/messages.ts';
import { BoundRecords } from './BoundRecords.tsx';
import { propertyRows } from './properties.ts';

/** An object's properties and what is bound to it, as both viewers show a picked object. */
export function ObjectPanel({ properties, bound, onClose }: { properties: Record<string, unknown>; bound: { object?: BoundObject; error?: string }; onClose: () => void }) {
  const { t, language } = useI18n();
  const rows = propertyRows(properties);
  const title = properties.name || properties.oid || t('objectInfo');
  return (
    <section className="object-info" data-oid={String(properties.oid ?? '')} aria-label={t('objectInfo')}>
      <header>
        <h2>{String(title)}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')} title={t('close')}>
          ×
        </button>
      </header>
      <dl>
        {rows.map(({ key, value }) => (
          <div key={key} className="property" data-key={key}>
            <dt>{propertyLabels[language][key] ?? key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {bound.object && <BoundRecords records={bound.object.records} />}
      {bound.error && <p className="panel-error">{bound.error}</p>}
    </section>
  );
}
