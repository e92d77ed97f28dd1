import { groundMarker } from '../globe/groundMarker.ts';
import { useEffect } from 'react';
import { Cartesian3, Color, ColorMaterialProperty, type Viewer } from 'cesium';
import { metresBetween } from '../../layers/index.ts';
import { flyToGround } from '../globe/flyToGround.ts';
import { useHighlight } from './index.tsx';

const MARK = Color.fromCssColorString('#ffeb3b');

/** Marks the highlighted positions and outlines on the ground, and frames them all. */
export function useHighlightMarks(viewer: Viewer | undefined): void {
  const { highlight } = useHighlight();
  useEffect(() => {
    if (!viewer) return;
    const entities = [
      ...highlight.points.map(([lon, lat]) =>
        viewer.entities.add({
          position: Cartesian3.fromDegrees(lon, lat),
          point: { pixelSize: 7, color: MARK, outlineColor: Color.BLACK, outlineWidth: 1, ...groundMarker() },
        }),
      ),
      ...highlight.outlines.map((ring) =>
        viewer.entities.add({ polyline: { positions: Cartesian3.fromDegreesArray(ring.flat()), width: 3, material: new ColorMaterialProperty(MARK), clampToGround: true } }),
      ),
    ];
    const { extent } = highlight;
    const stopFlight = extent && flyToGround(viewer, (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2, metresBetween([extent[0], extent[1]], [extent[2], extent[3]]) / 2, -50);
    return () => {
      stopFlight?.();
      if (!viewer.isDestroyed()) for (const entity of entities) viewer.entities.remove(entity);
    };
  }, [viewer, highlight]);
}
