import { useEffect } from 'react';
import { Cartesian3, ConstantProperty, type Entity, JulianDate, SceneMode, SceneTransforms, type Viewer } from 'cesium';
import { watchCameraRest } from './cameraRest.ts';

/** A label's box on screen, CSS pixels. */
export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept between two labels, CSS pixels. */
const GAP_PX = 4;
/** How often labels are re-placed while the camera moves, and while it rests (texts change with the language, layers come and go), ms. */
const MOVING_INTERVAL_MS = 250;
const RESTING_INTERVAL_MS = 1000;

/**
 * Which labels to show so none covers another: in order of priority, a label is kept when its
 * box clears every label kept before it.
 */
export function labelsToShow(boxes: readonly (LabelBox | undefined)[]): boolean[] {
  const kept: LabelBox[] = [];
  return boxes.map((box) => {
    if (!box) return false;
    const clear = kept.every((other) => box.left >= other.right + GAP_PX || box.right + GAP_PX <= other.left || box.top >= other.bottom + GAP_PX || box.bottom + GAP_PX <= other.top);
    if (clear) kept.push(box);
    return clear;
  });
}

/** The width of a text in `fontPx`-pixel type: Chinese characters a full em, others about half. */
export function textWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const char of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.58;
  return ems * fontPx;
}

/**
 * Keeps the names on the globe from piling up where places crowd (the three subdistricts of the
 * county seat seen from the whole county, the villages of a valley): after the camera moves,
 * labels are placed in the order of their layers and entities, and a label that would cover one
 * already placed is hidden until there is room for it.
 */
export function useLabelDeclutter(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const camera = watchCameraRest(viewer);
    let wasAtRest = false;
    let placedAt = 0;
    const place = () => {
      placedAt = performance.now();
      placeLabels(viewer);
      // When the names were last placed, in the page's clock, for screenshots and tests to wait for.
      (viewer.container as HTMLElement).dataset.labelsPlacedAt = String(Math.round(placedAt));
    };
    const stop = viewer.scene.postRender.addEventListener(() => {
      const atRest = camera.atRest();
      // Placed again at once when the camera comes to rest, then now and then (texts change with the language, layers come and go).
      if ((atRest && !wasAtRest) || performance.now() - placedAt > (atRest ? RESTING_INTERVAL_MS : MOVING_INTERVAL_MS)) place();
      wasAtRest = atRest;
    });
    return () => {
      stop();
      camera.remove();
    };
  }, [viewer]);
}

function placeLabels(viewer: Viewer): void {
  const now = JulianDate.now();
  const labelled: Entity[] = [];
  for (let i = 0; i < viewer.dataSources.length; i++) {
    const source = viewer.dataSources.get(i);
    if (!source.show) continue;
    for (const entity of source.entities.values) if (entity.label && entity.position) labelled.push(entity);
  }
  const camera = viewer.camera.positionWC;
  const boxes = labelled.map((entity) => {
    const label = entity.label!;
    const position = entity.position!.getValue(now);
    const text = label.text?.getValue(now) as string | undefined;
    if (!position || !text) return undefined;
    // Beyond its range a label is not drawn and takes no room (in 3D, where the camera's world position is the globe's).
    const far = label.distanceDisplayCondition?.getValue(now)?.far ?? Infinity;
    if (viewer.scene.mode === SceneMode.SCENE3D && Cartesian3.distance(camera, position) > far) return undefined;
    const anchor = SceneTransforms.worldToWindowCoordinates(viewer.scene, position);
    if (!anchor) return undefined;
    const fontPx = Number(/(\d+(?:\.\d+)?)px/.exec(String(label.font?.getValue(now)))?.[1] ?? 15);
    const offsetY = label.pixelOffset?.getValue(now)?.y ?? 0;
    const halfWidth = textWidth(text, fontPx) / 2;
    const bottom = anchor.y + offsetY;
    return { left: anchor.x - halfWidth, right: anchor.x + halfWidth, top: bottom - fontPx * 1.25, bottom };
  });
  const show = labelsToShow(boxes);
  labelled.forEach((entity, i) => {
    if (entity.label!.show?.getValue(now) !== show[i]) entity.label!.show = new ConstantProperty(show[i]);
  });
}
