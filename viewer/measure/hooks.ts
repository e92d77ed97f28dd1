import { useEffect, useState } from 'react';
import { Cartesian3, Cartographic, Color, ColorMaterialProperty, type Entity, Math as CesiumMath, PolygonHierarchy, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import type { MeasureMode } from './context.tsx';
import type { MeasuredPoint } from './measurement.ts';

const LINE = Color.fromCssColorString('#ffeb3b');

/**
 * Points the user places by clicking the terrain while a mode is on, drawn as a line (distance)
 * or a filled outline (area) on the ground; a right click ends the measurement.
 */
export function useMeasuredPoints(viewer: Viewer | undefined, mode: MeasureMode | undefined): { points: MeasuredPoint[]; finished: boolean } {
  const [points, setPoints] = useState<MeasuredPoint[]>([]);
  const [finished, setFinished] = useState(false);

  useEffect(() => {
    setPoints([]);
    setFinished(false);
    if (!viewer || !mode) return;
    const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
    let done = false;
    handler.setInputAction(({ position }: ScreenSpaceEventHandler.PositionedEvent) => {
      const ray = viewer.camera.getPickRay(position);
      const ground = ray && viewer.scene.globe.pick(ray, viewer.scene);
      if (!ground) return;
      const { longitude, latitude, height } = Cartographic.fromCartesian(ground);
      if (done) {
        done = false;
        setFinished(false);
        setPoints([]);
      }
      setPoints((placed) => [...placed, { lon: CesiumMath.toDegrees(longitude), lat: CesiumMath.toDegrees(latitude), height }]);
    }, ScreenSpaceEventType.LEFT_CLICK);
    handler.setInputAction(() => {
      done = true;
      setFinished(true);
    }, ScreenSpaceEventType.RIGHT_CLICK);
    return () => handler.destroy();
  }, [viewer, mode]);

  useEffect(() => {
    if (!viewer || points.length === 0) return;
    const positions = points.map((p) => Cartesian3.fromDegrees(p.lon, p.lat, p.height));
    const drawn: Entity[] = positions.map((position) =>
      viewer.entities.add({ position, point: { pixelSize: 7, color: LINE, disableDepthTestDistance: Number.POSITIVE_INFINITY } }),
    );
    const closed = mode === 'area' && positions.length >= 3;
    drawn.push(viewer.entities.add({ polyline: { positions: closed ? [...positions, positions[0]!] : positions, width: 3, material: new ColorMaterialProperty(LINE), clampToGround: true } }));
    if (closed) drawn.push(viewer.entities.add({ polygon: { hierarchy: new PolygonHierarchy(positions), material: new ColorMaterialProperty(LINE.withAlpha(0.3)) } }));
    return () => {
      if (!viewer.isDestroyed()) for (const entity of drawn) viewer.entities.remove(entity);
    };
  }, [viewer, mode, points]);

  return { points, finished };
}
