import { groundMarker } from '../globe/groundMarker.ts';
import { useEffect } from 'react';
import { Cartesian3, Color, type Viewer } from 'cesium';
import { useHighlight } from './index.tsx';

const MARK = Color.fromCssColorString('#ffeb3b');

/** Marks the highlighted positions on the ground. */
export function useHighlightPoints(viewer: Viewer | undefined): void {
  const { highlight } = useHighlight();
  useEffect(() => {
    if (!viewer || highlight.points.length === 0) return;
    const entities = highlight.points.map(([lon, lat]) =>
      viewer.entities.add({
        position: Cartesian3.fromDegrees(lon, lat),
        point: { pixelSize: 7, color: MARK, outlineColor: Color.BLACK, outlineWidth: 1, ...groundMarker() },
      }),
    );
    return () => {
      if (!viewer.isDestroyed()) for (const entity of entities) viewer.entities.remove(entity);
    };
  }, [viewer, highlight]);
}
