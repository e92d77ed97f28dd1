import { useI18n } from '../i18n/index.tsx';

/** What shows while the catalog loads, or why it failed with a way to try again. */
export function CatalogPending({ error, onRetry }: { error?: string; onRetry: () => void }) {
  const { t } = useI18n();
  if (!error) return <p className="panel-message">{t('loading')}</p>;
  return (
    <div className="panel-message panel-error" role="alert">
      <p>{t('loadFailed')}</p>
      <p className="detail">{error}</p>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
