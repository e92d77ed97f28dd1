import { useMemo, useState } from 'react';
import { AboutPanel } from '../about/index.tsx';
import { ANALYSIS_PARAM, AnalysisPanel } from '../analysis/index.tsx';
import { AS_OF_PARAM } from '../replay/context.tsx';
import { ReplayBar } from '../replay/index.tsx';
import { type Catalog, hasCapability } from '../../layers/index.ts';
import { ComparePanel, comparableLayers } from '../compare/index.tsx';
import { type Comparison, ComparisonProvider } from '../compare/context.tsx';
import { SplitDivider } from '../compare/SplitDivider.tsx';
import { Globe } from '../globe/index.tsx';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { IncidentBoard } from '../incidents/index.tsx';
import { CatalogLayers } from '../layers/CatalogLayers.tsx';
import { ClassFilterProvider } from '../layers/thematic/classFilter.tsx';
import { LayerTree } from '../layer-tree/index.tsx';
import { Presentation } from '../present/index.tsx';
import { SearchBox } from '../search/index.tsx';
import { SqlConsole } from '../sql/index.tsx';
import { SQL_PARAM } from '../sql/index.tsx';
import { linkParam } from '../url-state/linkParam.ts';
import { useSelection } from '../selection/index.tsx';
import { StoryboardPanel } from '../storyboards/index.tsx';
import { CatalogPending } from '../catalog/CatalogPending.tsx';
import { type CatalogState, useCatalog } from '../catalog/useCatalog.ts';
import { useLayerStatus } from '../layers/useLayerStatus.ts';
import { NotFound } from './NotFound.tsx';
import { ServerBanner } from './ServerBanner.tsx';
import { parseViewState } from '../url-state/viewState.ts';
import { useViewState } from '../url-state/useViewState.ts';
import { type Route, parseRoute } from './route.ts';
import { TwinProviders } from './TwinProviders.tsx';

export function App() {
  const route = useMemo(() => parseRoute(window.location.pathname, window.location.search), []);
  // A page that names nothing needs no catalog.
  return route.page === 'missing' ? <MissingPage /> : <CatalogPage route={route} />;
}

function CatalogPage({ route }: { route: Exclude<Route, { page: 'missing' }> }) {
  const catalogState = useCatalog();
  return route.page === 'present' ? <Presentation {...catalogState} storyboardId={route.storyboardId} kiosk={route.kiosk} /> : <TwinPage {...catalogState} />;
}

function MissingPage() {
  return (
    <I18nProvider language={parseViewState(window.location.search).language}>
      <NotFound missing="page" />
    </I18nProvider>
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

type Panel = 'sql' | 'analysis' | 'storyboards' | 'compare' | 'about' | undefined;

/** The twin once its providers are in place: globe, layer tree and incident board. */
function Twin({ catalog, error, retry, view }: CatalogState & { view: ReturnType<typeof useViewState> }) {
  const { status, report } = useLayerStatus();
  const { selected } = useSelection();
  const [panel, setPanel] = useState<Panel>(() => (linkParam(SQL_PARAM) !== undefined ? 'sql' : linkParam(ANALYSIS_PARAM) !== undefined ? 'analysis' : undefined));
  const [comparison, setComparison] = useState<Comparison>();
  const [replaying, setReplaying] = useState(() => linkParam(AS_OF_PARAM) !== undefined);
  const compare = (next: Comparison | undefined) => {
    setComparison(next);
    if (next) view.showLayers([next.left, next.right]);
  };
  const open = (next: Panel) => {
    setPanel(next);
    if (next === 'compare' && catalog) compare(defaultComparison(catalog));
    else compare(undefined);
  };
  return (
    <div className="app" data-catalog={catalog ? 'loaded' : error ? 'failed' : 'loading'} data-selected-oid={selected?.oid ?? undefined}>
      <ClassFilterProvider filter={view.classFilter}>
        <ComparisonProvider comparison={comparison}>
          {catalog && (
            <Globe initialCamera={view.initialCamera ?? catalog.initialView} onCameraChange={view.setCamera} mode={view.mode} onModeChange={view.setMode}>
              <CatalogLayers catalog={catalog} visible={view.visibleLayers} onStatus={report} />
              {comparison && <SplitDivider />}
              {panel === 'analysis' && <AnalysisPanel onClose={() => open(undefined)} />}
            </Globe>
          )}
          <SidePanel catalog={catalog} error={error} retry={retry} view={view} status={status} />
        </ComparisonProvider>
      </ClassFilterProvider>
      <TopBar title={catalog?.title} onSwitchLanguage={() => view.setLanguage(view.language === 'zh' ? 'en' : 'zh')} onOpen={open} onReplay={() => setReplaying(true)} />
      {catalog && <SearchBox catalog={catalog} />}
      {replaying && <ReplayBar onClose={() => setReplaying(false)} />}
      <IncidentBoard />
      <ServerBanner />
      {catalog && panel === 'sql' && <SqlConsole catalog={catalog} onClose={() => open(undefined)} />}
      {catalog && panel === 'storyboards' && <StoryboardPanel catalog={catalog} camera={view.camera} visibleLayers={view.visibleLayers} onClose={() => open(undefined)} />}
      {catalog && panel === 'about' && <AboutPanel catalog={catalog} onClose={() => open(undefined)} />}
      {catalog && comparison && <ComparePanel catalog={catalog} comparison={comparison} onChange={compare} onClose={() => open(undefined)} />}
    </div>
  );
}

/** The layer tree (with the class filters it offers), or why the catalog is not there. */
function SidePanel({ catalog, error, retry, view, status }: CatalogState & { view: ReturnType<typeof useViewState>; status: ReturnType<typeof useLayerStatus>['status'] }) {
  return (
    <aside className="side-panel">
      {catalog ? (
        <LayerTree catalog={catalog} visible={view.visibleLayers} status={status} onToggle={view.toggleLayer} />
      ) : (
        <CatalogPending error={error} onRetry={retry} />
      )}
    </aside>
  );
}

/** What a planner compares first: the land use now against the plan, else the first two rasters. */
function defaultComparison(catalog: Catalog): Comparison | undefined {
  const layers = comparableLayers(catalog);
  const thematic = layers.filter((layer) => hasCapability(layer, 'classed'));
  const [left, right] = thematic.length >= 2 ? thematic : layers;
  return left && right ? { left: left.id, right: right.id } : undefined;
}

function TopBar({ title, onSwitchLanguage, onOpen, onReplay }: { title?: { zh: string; en: string }; onSwitchLanguage: () => void; onOpen: (panel: Panel) => void; onReplay: () => void }) {
  const { t, pick } = useI18n();
  return (
    <header className="top-bar">
      <h1>{title ? pick(title) : 'Wuyi Twin'}</h1>
      <div className="top-actions">
        <button type="button" className="storyboards-open" title={t('storyboardsTitle')} onClick={() => onOpen('storyboards')}>
          {t('storyboards')}
        </button>
        <button type="button" className="compare-open" title={t('compareTitle')} onClick={() => onOpen('compare')}>
          {t('compare')}
        </button>
        <button type="button" className="replay-open" title={t('replayTitle')} onClick={onReplay}>
          {t('replay')}
        </button>
        <button type="button" className="analysis-open" title={t('analysisTitle')} onClick={() => onOpen('analysis')}>
          {t('analysis')}
        </button>
        <button type="button" className="sql-open" title={t('sqlTitle')} onClick={() => onOpen('sql')}>
          {t('sql')}
        </button>
        <button type="button" className="about-open" title={t('aboutTitle')} onClick={() => onOpen('about')}>
          {t('about')}
        </button>
        <button type="button" className="language-switch" title={t('languageTitle')} onClick={onSwitchLanguage}>
          {t('language')}
        </button>
      </div>
    </header>
  );
}
