import { useCesium } from 'resium';
import { useI18n } from '../i18n/index.tsx';
import { propertyLabels } from '../i18n/messages.ts';
import { BoundRecords } from './BoundRecords.tsx';
import { usePickedObject } from './hooks.ts';
import { useBoundObject } from './useBoundObject.ts';
import { propertyRows } from './properties.ts';

/** The properties of the object last clicked in 3D, and every record bound to it. */
export function ObjectInfo() {
  const { viewer } = useCesium();
  const { picked, clear } = usePickedObject(viewer);
  const { t, language } = useI18n();
  const oid = picked?.properties.oid;
  const fetched = useBoundObject(!picked?.bound && typeof oid === 'string' && oid !== '' ? oid : undefined);
  const bound = picked?.bound ? { object: picked.bound } : fetched;
  if (!picked) return null;
  const rows = propertyRows(picked.properties);
  const title = picked.properties.name || picked.properties.oid || t('objectInfo');
  return (
    <section className="object-info" data-oid={String(picked.properties.oid ?? '')} aria-label={t('objectInfo')}>
      <header>
        <h2>{String(title)}</h2>
        <button type="button" onClick={clear} aria-label={t('close')} title={t('close')}>
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
