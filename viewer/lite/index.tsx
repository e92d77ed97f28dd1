import { useEffect, useMemo } from 'react';
import { type Catalog, LAYER_CAPABILITIES, type LayerKind } from '../../layers/index.ts';
import { CatalogPending } from '../catalog/CatalogPending.tsx';
import { useCatalog } from '../catalog/useCatalog.ts';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { ObjectPanel } from '../object-info/ObjectPanel.tsx';
import { useBoundObject } from '../object-info/useBoundObject.ts';
import { useViewState } from '../url-state/useViewState.ts';
import { liteLayerFor } from './layers/registry.ts';
import { LiteLayerView } from './LiteLayerView.tsx';
import { isEmbedded } from './params.ts';
import { outlineObject } from './selectionOutline.ts';
import { usePickedObject } from './usePickedObject.ts';
import { useLiteScene } from './useLiteScene.ts';
import { useLiveMarkers } from './useLiveMarkers.ts';

/** The lite twin: the same catalog, tiles and live records as the full viewer, on three.js. */
export function LiteApp() {
  const { catalog, error, retry } = useCatalog();
  const view = useViewState(catalog);
  const embed = useMemo(() => isEmbedded(window.location.search), []);
  return (
    <I18nProvider language={view.language}>
      {catalog ? (
        <LiteTwin catalog={catalog} view={view} embed={embed} />
      ) : (
        <CatalogPending error={error} onRetry={retry} />
      )}
    </I18nProvider>
  );
}

function LiteTwin({ catalog, view, embed }: { catalog: Catalog; view: ReturnType<typeof useViewState>; embed: boolean }) {
  const { t, pick } = useI18n();
  const scene = useLiteScene(view.initialCamera ?? catalog.initialView, view.setCamera);
  const kindShown = (kind: LayerKind) => catalog.layers.some((layer) => layer.kind === kind && view.visibleLayers.has(layer.id));
  const live = useLiveMarkers(scene.view, scene.loaded, { incidents: kindShown('incidents'), alarms: kindShown('monitoring-points') });
  const { picked, clear } = usePickedObject(scene.view);
  const oid = picked?.properties.oid;
  const fetched = useBoundObject(!picked?.bound && typeof oid === 'string' && oid !== '' ? oid : undefined);
  const bound = picked?.bound ?? fetched.object;
  useEffect(() => (scene.view && bound ? outlineObject(scene.view, bound) : undefined), [scene.view, bound]);
  // Records (incidents, monitoring points) are shown as live markers rather than drawn as layers.
  const listed = catalog.layers.filter((layer) => liteLayerFor(layer) || LAYER_CAPABILITIES[layer.kind].records);

  return (
    <div className={embed ? 'app lite embed' : 'app lite'} data-tiles-loaded={scene.loaded} data-markers={live.count} data-stream={live.stream}>
      <div className="lite-view" ref={scene.container} />
      {scene.view && catalog.layers.map((layer) => <LiteLayerView key={layer.id} layer={layer} view={scene.view!} visible={view.visibleLayers.has(layer.id)} />)}
      {!embed && (
        <>
          <header className="top-bar">
            <h1>{pick(catalog.title)}</h1>
            <div className="top-actions">
              {live.following && (
                <span className="lite-stream">
                  {t('incidents')} · {t(`stream.${live.stream}`)}
                </span>
              )}
              <button type="button" className="language-switch" title={t('languageTitle')} onClick={() => view.setLanguage(view.language === 'zh' ? 'en' : 'zh')}>
                {t('language')}
              </button>
            </div>
          </header>
          <aside className="side-panel" aria-label={t('layers')}>
            <h2>{t('layers')}</h2>
            <ul className="lite-layers">
              {listed.map((layer) => (
                <li key={layer.id} className="layer-item" data-layer-id={layer.id}>
                  <label>
                    <input type="checkbox" checked={view.visibleLayers.has(layer.id)} onChange={(event) => view.toggleLayer(layer.id, event.target.checked)} />
                    {pick(layer.title)}
                  </label>
                </li>
              ))}
            </ul>
          </aside>
        </>
      )}
      {picked && <ObjectPanel properties={picked.properties} bound={picked.bound ? { object: picked.bound } : fetched} onClose={clear} />}
    </div>
  );
}
