import './object-info.css';
import type { ReactNode } from 'react';
import type { BoundObject } from '../../layers/index.ts';
import { useAdminNames } from '../api/useAdminNames.ts';
import { useClassLabels } from '../api/useClassLabels.ts';
import { useI18n } from '../i18n/index.tsx';
import { type MessageKey, messages, monitoringKindLabels, propertyLabels } from '../i18n/messages.ts';
import { BoundRecords } from './BoundRecords.tsx';
import { objectTitle } from './objectTitle.ts';
import { type ValueDescriber, propertyRows } from './properties.ts';

/** Properties whose value is an administrative code, read as the area's name. */
const ADMIN_CODE_KEYS = new Set(['adminCode', 'township', 'townshipCode']);

/** An object's properties and what is bound to it, as both viewers show a picked object. */
export function ObjectPanel({
  properties: given,
  bound,
  onClose,
  children,
}: {
  properties: Record<string, unknown>;
  bound: { object?: BoundObject; error?: string };
  onClose: () => void;
  /** What the viewer offers to do with the object (the full viewer: report an incident there). */
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  const adminNames = useAdminNames();
  const classLabels = useClassLabels(bound.object?.layerId);
  // A parcel's class in English comes from its layer's legend; the data holds the survey's Chinese name.
  const englishClass = language === 'en' && typeof given.code === 'string' ? classLabels.get(given.code)?.en : undefined;
  const properties = englishClass ? { ...given, className: englishClass } : given;
  const describe: ValueDescriber = (key, value) => {
    const text = String(value);
    if (ADMIN_CODE_KEYS.has(key) && adminNames.has(text)) return `${adminNames.get(text)} (${text})`;
    if (key === 'status' && `status.${text}` in messages[language]) return t(`status.${text}` as MessageKey);
    if (key === 'type' && monitoringKindLabels[language][text]) return monitoringKindLabels[language][text];
    return undefined;
  };
  const rows = propertyRows(properties, describe);
  return (
    <section className="object-info" data-oid={String(properties.oid ?? '')} aria-label={t('objectInfo')}>
      <header>
        <h2>{objectTitle(properties, language) ?? t('objectInfo')}</h2>
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
      {children}
    </section>
  );
}
