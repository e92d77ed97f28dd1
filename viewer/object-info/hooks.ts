import { useEffect, useRef, useState } from 'react';
import {
  Cesium3DTileFeature,
  Color,
  Entity,
  JulianDate,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Viewer,
} from 'cesium';

export interface PickedObject {
  properties: Record<string, unknown>;
}

const highlight = Color.fromCssColorString('#ffb300');

/**
 * What the user clicked in 3D: a building of a tileset (highlighted until the next click) or a
 * feature of a vector layer, with its properties.
 */
export function usePickedObject(viewer: Viewer | undefined) {
  const [picked, setPicked] = useState<PickedObject>();
  const highlighted = useRef<{ feature: Cesium3DTileFeature; color: Color }>(undefined);

  const clearHighlight = () => {
    const current = highlighted.current;
    if (current && !current.feature.tileset.isDestroyed()) current.feature.color = current.color;
    highlighted.current = undefined;
  };

  useEffect(() => {
    if (!viewer) return;
    const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction(({ position }: ScreenSpaceEventHandler.PositionedEvent) => {
      clearHighlight();
      const target: unknown = viewer.scene.pick(position);
      if (target instanceof Cesium3DTileFeature) {
        highlighted.current = { feature: target, color: Color.clone(target.color) };
        target.color = highlight;
        const properties: Record<string, unknown> = {};
        for (const id of target.getPropertyIds()) properties[id] = target.getProperty(id);
        setPicked({ properties });
        return;
      }
      const entity = (target as { id?: unknown } | undefined)?.id;
      if (entity instanceof Entity && entity.properties) {
        setPicked({ properties: entity.properties.getValue(JulianDate.now()) as Record<string, unknown> });
        return;
      }
      setPicked(undefined);
    }, ScreenSpaceEventType.LEFT_CLICK);
    return () => {
      clearHighlight();
      handler.destroy();
    };
  }, [viewer]);

  return {
    picked,
    clear: () => {
      clearHighlight();
      setPicked(undefined);
    },
  };
}
