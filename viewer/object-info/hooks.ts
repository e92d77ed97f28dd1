import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type Cartesian3,
  Cartographic,
  type Cesium3DTileFeature,
  Color,
  JulianDate,
  Math as CesiumMath,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Viewer,
} from 'cesium';
import type { BoundObject } from '../../layers/index.ts';
import { fetchObjectAt } from '../api/client.ts';
import { useAnalysisDrawing } from '../analysis/drawingContext.tsx';
import { useMeasureMode } from '../measure/context.tsx';
import { useSelection } from '../selection/index.tsx';
import { PICK_DEPTH, pickTarget } from './pickTarget.ts';

export interface PickedObject {
  properties: Record<string, unknown>;
  /** The object with its records, when the server already answered with it (a pick on open ground). */
  bound?: BoundObject;
  /** Where it was clicked, when it was clicked (a search hit has no spot). */
  at?: { lon: number; lat: number };
}

const highlight = Color.fromCssColorString('#ffb300');

/**
 * What the user clicked in 3D, the most specific thing there (see pickTarget): a building of a
 * tileset (highlighted until the next click), a point or line of a vector layer, or, on open
 * ground and inside areas, the object the server finds there (the land parcel, else the
 * village, township or county), selected so that its outline shows. A hit of the search box
 * opens the same panel.
 */
export function usePickedObject(viewer: Viewer | undefined) {
  const [picked, setPicked] = useState<PickedObject>();
  const { selected, select } = useSelection();
  // While measuring or drawing an analysis, clicks place points; the handler reads the mode through a ref so it is not re-created.
  const measuring = useRef(false);
  const { drawing } = useAnalysisDrawing();
  measuring.current = useMeasureMode().mode !== undefined || drawing;
  const highlighted = useRef<{ feature: Cesium3DTileFeature; color: Color }>(undefined);

  const clearHighlight = useCallback(() => {
    const current = highlighted.current;
    if (current && !current.feature.tileset.isDestroyed()) current.feature.color = current.color;
    highlighted.current = undefined;
  }, []);

  // A search hit (or any selection asking to be inspected) opens the panel as a click does.
  useEffect(() => {
    if (!selected?.inspect || !selected.oid) return;
    clearHighlight();
    setPicked({ properties: { oid: selected.oid }, ...(selected.object ? { bound: selected.object } : {}) });
  }, [selected, clearHighlight]);

  useEffect(() => {
    if (!viewer) return;
    // Each click supersedes the one before: the server's answer to an earlier click is dropped.
    let clicks = 0;
    const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction(({ position }: ScreenSpaceEventHandler.PositionedEvent) => {
      if (measuring.current) return;
      const click = ++clicks;
      clearHighlight();
      // The depth first: drillPick hides what it finds while it looks behind it, and a position
      // read after it is of what lies behind (the ground under a roof).
      const depth = viewer.scene.pickPosition(position);
      const target = pickTarget(viewer.scene.drillPick(position, PICK_DEPTH));
      const surface = target.kind === 'ground' ? undefined : depth;
      const at = surface && lonLatOf(surface);
      if (target.kind === 'building') {
        const { feature } = target;
        highlighted.current = { feature, color: Color.clone(feature.color) };
        feature.color = highlight;
        const properties: Record<string, unknown> = {};
        for (const id of feature.getPropertyIds()) properties[id] = feature.getProperty(id);
        setPicked({ properties, at });
        select(undefined);
        return;
      }
      if (target.kind === 'feature') {
        setPicked({ properties: target.entity.properties!.getValue(JulianDate.now()) as Record<string, unknown>, at });
        select(undefined);
        return;
      }
      setPicked(undefined);
      // On a mesh, the place is where the ray meets it (the depth drawn), not the ground behind it.
      const ray = viewer.camera.getPickRay(position);
      const ground = target.kind === 'surface' ? surface : ray && viewer.scene.globe.pick(ray, viewer.scene);
      if (!ground) return select(undefined);
      const { lon, lat } = lonLatOf(ground);
      fetchObjectAt(lon, lat).then(
        (object) => {
          if (click !== clicks) return;
          if (!object) return select(undefined);
          setPicked({ properties: { ...object.properties, oid: object.oid }, bound: object, at: { lon, lat } });
          select({ oid: object.oid, lon, lat, floor: null, fly: false, object });
        },
        () => click === clicks && select(undefined),
      );
    }, ScreenSpaceEventType.LEFT_CLICK);
    return () => {
      clearHighlight();
      handler.destroy();
    };
  }, [viewer, select, clearHighlight]);

  return {
    picked,
    clear: () => {
      clearHighlight();
      setPicked(undefined);
      select(undefined);
    },
  };
}

function lonLatOf(position: Cartesian3): { lon: number; lat: number } {
  const { longitude, latitude } = Cartographic.fromCartesian(position);
  return { lon: CesiumMath.toDegrees(longitude), lat: CesiumMath.toDegrees(latitude) };
}
