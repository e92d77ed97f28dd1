import { useMemo, useState } from 'react';
import { Globe } from '../globe/index.tsx';
import { useI18n } from '../i18n/index.tsx';
import { IncidentBoard } from '../incidents/index.tsx';
import { CatalogLayers } from '../layers/CatalogLayers.tsx';
import { LayerTree } from '../layer-tree/index.tsx';
import { Presentation } from '../present/index.tsx';
import { SearchBox } from '../search/index.tsx';
import { SqlConsole } from '../sql/index.tsx';
import { sharedQuery } from '../sql/sharedQuery.ts';
import { useSelection } from '../selection/index.tsx';
import { StoryboardPanel } from '../storyboards/index.tsx';
import { CatalogPending } from './CatalogPending.tsx';
import { type CatalogState, useCatalog, useLayerStatus, useViewState } from './hooks.ts';
import { parseRoute } from './route.ts';
import { TwinProviders } from './TwinProviders.tsx';

export function App() {
  const route = useMemo(() => parseRoute(window.location.pathname, window.location.search), []);
  const catalogState = useCatalog();
  return route.page === 'present' ? (
    <Presentation {...catalogState} storyboardId={route.storyboardId} kiosk={route.kiosk} />
  ) : (
    <TwinPage {...catalogState} />
  );
}

function TwinPage(catalogState: CatalogState) {
  const view = useViewState(catalogState.catalog);
  return (
    <TwinProviders language={view.language} catalog={catalogState.catalog}>
      <Twin {...catalogState} view={view} />
    </TwinProviders>
  );
}

type Panel = 'sql' | 'storyboards' | undefined;

/** The twin once its providers are in place: globe, layer tree and incident board. */
function Twin({ catalog, error, retry, view }: CatalogState & { view: ReturnType<typeof useViewState> }) {
  const { status, report } = useLayerStatus();
  const { selected } = useSelection();
  const [panel, setPanel] = useState<Panel>(() => (sharedQuery() !== undefined ? 'sql' : undefined));
  return (
    <div className="app" data-catalog={catalog ? 'loaded' : error ? 'failed' : 'loading'} data-selected-oid={selected?.oid ?? undefined}>
      {catalog && (
        <Globe initialCamera={view.initialCamera ?? catalog.initialView} onCameraChange={view.setCamera}>
          <CatalogLayers catalog={catalog} visible={view.visibleLayers} onStatus={report} />
        </Globe>
      )}
      <TopBar title={catalog?.title} onSwitchLanguage={() => view.setLanguage(view.language === 'zh' ? 'en' : 'zh')} onOpen={setPanel} />
      {catalog && <SearchBox catalog={catalog} />}
      <aside className="side-panel">
        {catalog ? (
          <LayerTree catalog={catalog} visible={view.visibleLayers} status={status} onToggle={view.toggleLayer} />
        ) : (
          <CatalogPending error={error} onRetry={retry} />
        )}
      </aside>
      <IncidentBoard />
      {catalog && panel === 'sql' && <SqlConsole catalog={catalog} onClose={() => setPanel(undefined)} />}
      {catalog && panel === 'storyboards' && <StoryboardPanel catalog={catalog} camera={view.camera} visibleLayers={view.visibleLayers} onClose={() => setPanel(undefined)} />}
    </div>
  );
}

function TopBar({ title, onSwitchLanguage, onOpen }: { title?: { zh: string; en: string }; onSwitchLanguage: () => void; onOpen: (panel: Panel) => void }) {
  const { t, pick } = useI18n();
  return (
    <header className="top-bar">
      <h1>{title ? pick(title) : 'Wuyi Twin'}</h1>
      <div className="top-actions">
        <button type="button" className="storyboards-open" title={t('storyboardsTitle')} onClick={() => onOpen('storyboards')}>
          {t('storyboards')}
        </button>
        <button type="button" className="sql-open" title={t('sqlTitle')} onClick={() => onOpen('sql')}>
          {t('sql')}
        </button>
        <button type="button" className="language-switch" title={t('languageTitle')} onClick={onSwitchLanguage}>
          {t('language')}
        </button>
      </div>
    </header>
  );
}
