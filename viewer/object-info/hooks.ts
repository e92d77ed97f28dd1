import { useEffect, useRef, useState } from 'react';
import {
  Cartographic,
  Cesium3DTileFeature,
  Color,
  Entity,
  JulianDate,
  Math as CesiumMath,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Viewer,
} from 'cesium';
import type { BoundObject } from '../../layers/index.ts';
import { fetchObjectAt } from '../api/client.ts';
import { useMeasureMode } from '../measure/context.tsx';
import { useSelection } from '../selection/index.tsx';

export interface PickedObject {
  properties: Record<string, unknown>;
  /** The object with its records, when the server already answered with it (a pick on open ground). */
  bound?: BoundObject;
}

const highlight = Color.fromCssColorString('#ffb300');

/**
 * What the user clicked in 3D: a building of a tileset (highlighted until the next click), a
 * feature of a vector layer, or, on open ground, the object the server finds there (the land
 * parcel, else the township), selected so that its outline shows.
 */
export function usePickedObject(viewer: Viewer | undefined) {
  const [picked, setPicked] = useState<PickedObject>();
  const { select } = useSelection();
  // While measuring, clicks place points; the handler reads the mode through a ref so it is not re-created.
  const measuring = useRef(false);
  measuring.current = useMeasureMode().mode !== undefined;
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
      if (measuring.current) return;
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
      const ray = viewer.camera.getPickRay(position);
      const ground = ray && viewer.scene.globe.pick(ray, viewer.scene);
      if (!ground) return select(undefined);
      const { longitude, latitude } = Cartographic.fromCartesian(ground);
      const [lon, lat] = [CesiumMath.toDegrees(longitude), CesiumMath.toDegrees(latitude)];
      fetchObjectAt(lon, lat).then(
        (object) => {
          if (!object) return select(undefined);
          setPicked({ properties: { ...object.properties, oid: object.oid }, bound: object });
          select({ oid: object.oid, lon, lat, floor: null, fly: false, object });
        },
        () => select(undefined),
      );
    }, ScreenSpaceEventType.LEFT_CLICK);
    return () => {
      clearHighlight();
      handler.destroy();
    };
  }, [viewer, select]);

  return {
    picked,
    clear: () => {
      clearHighlight();
      setPicked(undefined);
      select(undefined);
    },
  };
}
