import { useEffect, useRef, useState } from 'react';
import { useCesium } from 'resium';
import { useI18n } from '../i18n/index.tsx';

/** The divider between the compared layers; dragging it moves where the globe splits. */
export function SplitDivider() {
  const { t } = useI18n();
  const { viewer } = useCesium();
  const [position, setPosition] = useState(0.5);
  const dragging = useRef(false);

  useEffect(() => {
    if (viewer && !viewer.isDestroyed()) viewer.scene.splitPosition = position;
    viewer?.scene.requestRender();
  }, [viewer, position]);

  useEffect(() => {
    if (!viewer) return;
    const move = (event: PointerEvent) => {
      if (!dragging.current) return;
      const box = viewer.container.getBoundingClientRect();
      setPosition(Math.min(0.95, Math.max(0.05, (event.clientX - box.left) / box.width)));
    };
    const stop = () => (dragging.current = false);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
    };
  }, [viewer]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a divider the user drags and focuses, which an <hr> cannot be
    <div
      className="split-divider"
      role="separator"
      aria-label={t('compareDivider')}
      aria-valuenow={Math.round(position * 100)}
      style={{ left: `${position * 100}%` }}
      onPointerDown={(event) => {
        event.preventDefault();
        dragging.current = true;
      }}
    >
      <span className="split-handle" />
    </div>
  );
}
