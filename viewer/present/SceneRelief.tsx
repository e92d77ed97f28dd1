import { useEffect } from 'react';
import { useCesium } from 'resium';

/**
 * Draws the terrain, and what stands on it, `exaggeration` times as high while a scene plays: a
 * mountain seen from kilometres away reads as a mountain on a wall. True heights again after.
 */
export function SceneRelief({ exaggeration = 1 }: { exaggeration?: number | undefined }) {
  const { viewer } = useCesium();
  useEffect(() => {
    if (!viewer) return;
    viewer.scene.verticalExaggeration = exaggeration;
    return () => {
      if (!viewer.isDestroyed()) viewer.scene.verticalExaggeration = 1;
    };
  }, [viewer, exaggeration]);
  return null;
}
