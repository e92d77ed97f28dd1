import './globe.css';
import { useEffect, useRef } from 'react';
import { SceneMode } from 'cesium';
import { useCesium } from 'resium';
import { useI18n } from '../i18n/index.tsx';

const MORPH_SECONDS = 1.5;

/**
 * The twin's switch between the globe and the flat 2D map, in the interface's language. It shows
 * the mode the view link asks for (at once when the page opens, with a morph after) and reports
 * the user's choice, which the link keeps.
 */
export function SceneModeSwitch({ mode, onChange }: { mode: '2d' | undefined; onChange: (mode: '2d' | undefined) => void }) {
  const { viewer } = useCesium();
  const { t } = useI18n();
  const opened = useRef(false);
  useEffect(() => {
    if (!viewer) return;
    const { scene } = viewer;
    const wanted = mode === '2d' ? SceneMode.SCENE2D : SceneMode.SCENE3D;
    const duration = opened.current ? MORPH_SECONDS : 0;
    opened.current = true;
    if (scene.mode === wanted) return;
    if (wanted === SceneMode.SCENE2D) scene.morphTo2D(duration);
    else scene.morphTo3D(duration);
  }, [viewer, mode]);
  const flat = mode === '2d';
  return (
    <button type="button" className="scene-mode-switch" aria-pressed={flat} data-mode={flat ? '2d' : '3d'} title={t('sceneModeTitle')} onClick={() => onChange(flat ? undefined : '2d')}>
      {flat ? t('to3d') : t('to2d')}
    </button>
  );
}
