import { useState } from 'react';
import { Globe } from '../globe/index.tsx';
import { HighlightProvider } from '../highlight/index.tsx';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { IncidentBoard } from '../incidents/index.tsx';
import { IncidentFeedProvider } from '../incidents/context.tsx';
import { LayerTree } from '../layer-tree/index.tsx';
import { SearchBox } from '../search/index.tsx';
import { SqlConsole } from '../sql/index.tsx';
import { sharedQuery } from '../sql/sharedQuery.ts';
import { SelectionProvider, useSelection } from '../selection/index.tsx';
import { rendererFor } from '../layers/registry.ts';
import { type CatalogState, useCatalog, useLayerStatus, useViewState } from './hooks.ts';

export function App() {
  const { catalog, error, retry } = useCatalog();
  const view = useViewState(catalog);
  const hasIncidents = catalog?.layers.some((layer) => layer.kind === 'incidents') ?? false;

  return (
    <I18nProvider language={view.language}>
      <SelectionProvider>
        <HighlightProvider>
          <IncidentFeedProvider enabled={hasIncidents}>
            <Twin catalog={catalog} error={error} retry={retry} view={view} />
          </IncidentFeedProvider>
        </HighlightProvider>
      </SelectionProvider>
    </I18nProvider>
  );
}

/** The twin once its providers are in place: globe, layer tree and incident board. */
function Twin({ catalog, error, retry, view }: CatalogState & { view: ReturnType<typeof useViewState> }) {
  const { status, report } = useLayerStatus();
  const { selected } = useSelection();
  const [sqlOpen, setSqlOpen] = useState(() => sharedQuery() !== undefined);
  return (
    <div className="app" data-catalog={catalog ? 'loaded' : error ? 'failed' : 'loading'} data-selected-oid={selected?.oid ?? undefined}>
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
        onOpenSql={() => setSqlOpen(true)}
      />
      {catalog && <SearchBox catalog={catalog} />}
      <aside className="side-panel">
        {catalog ? (
          <LayerTree catalog={catalog} visible={view.visibleLayers} status={status} onToggle={view.toggleLayer} />
        ) : (
          <CatalogPending error={error} onRetry={retry} />
        )}
      </aside>
      <IncidentBoard />
      {catalog && sqlOpen && <SqlConsole catalog={catalog} onClose={() => setSqlOpen(false)} />}
    </div>
  );
}

function TopBar({ title, onSwitchLanguage, onOpenSql }: { title?: { zh: string; en: string }; onSwitchLanguage: () => void; onOpenSql: () => void }) {
  const { t, pick } = useI18n();
  return (
    <header className="top-bar">
      <h1>{title ? pick(title) : 'Wuyi Twin'}</h1>
      <div className="top-actions">
        <button type="button" className="sql-open" title={t('sqlTitle')} onClick={onOpenSql}>
          {t('sql')}
        </button>
        <button type="button" className="language-switch" title={t('languageTitle')} onClick={onSwitchLanguage}>
          {t('language')}
        </button>
      </div>
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
