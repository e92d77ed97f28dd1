import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CameraView, Catalog } from '../../layers/index.ts';
import type { Language } from '../i18n/index.tsx';
import type { ClassFilter } from '../layers/thematic/classFilter.tsx';
import { formatViewState, parseViewState } from './viewState.ts';

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

/**
 * Camera, visible layers and language, started from the address bar and written back to it
 * (replacing the history entry, so moving the camera does not flood the back button).
 */
export function useViewState(catalog: Catalog | undefined) {
  const initial = useMemo(() => parseViewState(window.location.search), []);
  const [language, setLanguage] = useState<Language>(initial.language);
  const [camera, setCamera] = useState<CameraView | undefined>(initial.camera);
  const [chosenLayers, setChosenLayers] = useState<string[] | undefined>(initial.layers);
  const [hiddenClasses, setHiddenClasses] = useState<Record<string, string[]>>(initial.hiddenClasses ?? {});
  const [mode, setMode] = useState<'2d' | undefined>(initial.mode);

  const visibleLayers = useMemo(
    () => new Set(chosenLayers ?? catalog?.layers.filter((layer) => layer.visible).map((layer) => layer.id) ?? []),
    [chosenLayers, catalog],
  );

  useEffect(() => {
    if (!catalog) return;
    const layers = catalog.layers.filter((layer) => visibleLayers.has(layer.id)).map((layer) => layer.id);
    const search = formatViewState({ camera, layers, hiddenClasses, language, ...(mode ? { mode } : {}) }, window.location.search);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [catalog, camera, visibleLayers, hiddenClasses, language, mode]);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);

  const hiddenSets = useMemo(() => new Map(Object.entries(hiddenClasses).map(([layerId, values]) => [layerId, new Set(values)])), [hiddenClasses]);

  const toggleLayer = useCallback(
    (layerId: string, visible: boolean) => {
      const next = new Set(visibleLayers);
      if (visible) next.add(layerId);
      else next.delete(layerId);
      setChosenLayers([...next]);
    },
    [visibleLayers],
  );

  const classFilter = useMemo<ClassFilter>(
    () => ({
      hidden: (layerId) => hiddenSets.get(layerId) ?? NOTHING_HIDDEN,
      setShown: (layerId, value, shown) =>
        setHiddenClasses((current) => {
          const rest = (current[layerId] ?? []).filter((hidden) => hidden !== value);
          const { [layerId]: _, ...others } = current;
          const next = shown ? rest : [...rest, value];
          return next.length > 0 ? { ...others, [layerId]: next } : others;
        }),
    }),
    [hiddenSets],
  );

  const showLayers = useCallback((layerIds: string[]) => setChosenLayers([...new Set([...visibleLayers, ...layerIds])]), [visibleLayers]);

  return { initialCamera: initial.camera, camera, language, setLanguage, setCamera, mode, setMode, visibleLayers, toggleLayer, showLayers, classFilter };
}
