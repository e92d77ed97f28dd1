import { useEffect } from 'react';
import { Cartesian2, Cartographic, Color, type Entity, Math as CesiumMath, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import { fetchObjectAt } from '../api/client.ts';
import { pickTarget } from '../object-info/pickTarget.ts';
import { isBuilding, tintMesh } from './meshTint.ts';

const HOVER = Color.fromCssColorString('#ffeb3b').withAlpha(0.45);

/** How often (ms) the building under a still or moving cursor is looked up: a lookup is a request. */
const LOOK_EVERY_MS = 150;

/**
 * Over a mesh without features (photogrammetry), the building under the cursor is tinted, its
 * part of the mesh alone, as a box-model building would be picked out: the place on the mesh's
 * surface, the building the data API finds there.
 */
export function useMeshHover(viewer: Viewer | undefined): void {
  useEffect(() => {
    if (!viewer) return;
    let pending: Cartesian2 | undefined;
    let hovered: { oid: string; entities: Entity[] } | undefined;
    let lookup: AbortController | undefined;
    const clear = () => {
      if (hovered && !viewer.isDestroyed()) for (const entity of hovered.entities) viewer.entities.remove(entity);
      hovered = undefined;
    };
    const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction(({ endPosition }: ScreenSpaceEventHandler.MotionEvent) => {
      pending = Cartesian2.clone(endPosition);
    }, ScreenSpaceEventType.MOUSE_MOVE);
    const timer = window.setInterval(() => {
      const position = pending;
      pending = undefined;
      if (!position || viewer.isDestroyed()) return;
      // As a click reads it (pickTarget): the front thing under the cursor, a mesh without features or not.
      const onMesh = pickTarget([viewer.scene.pick(position)]).kind === 'surface';
      const surface = onMesh ? viewer.scene.pickPosition(position) : undefined;
      if (!surface) return clear();
      const { longitude, latitude } = Cartographic.fromCartesian(surface);
      lookup?.abort();
      const current = (lookup = new AbortController());
      fetchObjectAt(CesiumMath.toDegrees(longitude), CesiumMath.toDegrees(latitude), current.signal).then(
        (object) => {
          if (current.signal.aborted || viewer.isDestroyed()) return;
          if (!object || !isBuilding(object)) return clear();
          if (hovered?.oid === object.oid) return;
          clear();
          hovered = { oid: object.oid, entities: tintMesh(viewer, object, HOVER) };
        },
        () => undefined,
      );
    }, LOOK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      lookup?.abort();
      handler.destroy();
      clear();
    };
  }, [viewer]);
}
