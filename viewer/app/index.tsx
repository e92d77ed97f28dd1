import { Globe } from '../globe/index.tsx';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { LayerTree } from '../layer-tree/index.tsx';
import { rendererFor } from '../layers/registry.ts';
import { useCatalog, useLayerStatus, useViewState } from './hooks.ts';

export function App() {
  const { catalog, error, retry } = useCatalog();
  const view = useViewState(catalog);
  const { status, report } = useLayerStatus();

  return (
    <I18nProvider language={view.language}>
      <div className="app" data-catalog={catalog ? 'loaded' : error ? 'failed' : 'loading'}>
        {catalog && (
          <Globe initialCamera={view.initialCamera ?? catalog.initialView} onCameraChange={view.setCamera}>
            {catalog.layers.map((layer) => {
              const Renderer = rendererFor(layer.kind);
              return Renderer ? (
                <Renderer key={layer.id} layer={layer} visible={view.visibleLayers.has(layer.id)} onStatus={report} />
              ) : null;
            })}
          </Globe>
        )}
        <TopBar
          title={catalog?.title}
          onSwitchLanguage={() => view.setLanguage(view.language === 'zh' ? 'en' : 'zh')}
        />
        <aside className="side-panel">
          {catalog ? (
            <LayerTree catalog={catalog} visible={view.visibleLayers} status={status} onToggle={view.toggleLayer} />
          ) : (
            <CatalogPending error={error} onRetry={retry} />
          )}
        </aside>
      </div>
    </I18nProvider>
  );
}

function TopBar({ title, onSwitchLanguage }: { title?: { zh: string; en: string }; onSwitchLanguage: () => void }) {
  const { t, pick } = useI18n();
  return (
    <header className="top-bar">
      <h1>{title ? pick(title) : 'Wuyi Twin'}</h1>
      <button type="button" className="language-switch" title={t('languageTitle')} onClick={onSwitchLanguage}>
        {t('language')}
      </button>
    </header>
  );
}

function CatalogPending({ error, onRetry }: { error?: string; onRetry: () => void }) {
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
