import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments, Vector3 } from 'three';
import type { BoundObject } from '../../layers/index.ts';
import { outerRings } from '../selection/outerRings.ts';
import type { LiteScene } from './liteScene.ts';
import { ecef } from './markers.ts';
import { surfaceHeight } from './surface.ts';

/**
 * The picked object's outline, drawn over everything in the selection colour of the full viewer:
 * a building (one that says its base and height) as the edges of its block, anything else as its
 * rings laid on the surface. Returns a function that takes it away.
 */
export function outlineObject(view: LiteScene, object: BoundObject): () => void {
  const { base, height } = object.properties as { base?: unknown; height?: unknown };
  const block = typeof base === 'number' && typeof height === 'number' ? { bottom: base, top: base + height } : undefined;
  const origin = new Vector3();
  const points: number[] = [];
  const point = new Vector3();
  const add = (lon: number, lat: number, h: number) => {
    ecef({ lon, lat, height: h }, point);
    if (points.length === 0) origin.copy(point);
    points.push(...point.sub(origin).toArray());
  };
  for (const ring of outerRings(object.geometry)) {
    for (let i = 1; i < ring.length; i++) {
      const [lon0, lat0] = ring[i - 1] as [number, number];
      const [lon1, lat1] = ring[i] as [number, number];
      if (block) {
        add(lon0, lat0, block.top);
        add(lon1, lat1, block.top);
        add(lon0, lat0, block.bottom);
        add(lon1, lat1, block.bottom);
        add(lon0, lat0, block.bottom);
        add(lon0, lat0, block.top);
      } else {
        add(lon0, lat0, surfaceHeight(view, lon0, lat0) ?? 0);
        add(lon1, lat1, surfaceHeight(view, lon1, lat1) ?? 0);
      }
    }
  }
  const geometry = new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points, 3));
  const material = new LineBasicMaterial({ color: '#ff3d00', depthTest: false, transparent: true });
  const outline = new LineSegments(geometry, material);
  outline.position.copy(origin);
  outline.renderOrder = 2;
  outline.raycast = () => undefined;
  outline.updateMatrixWorld();
  view.scene.add(outline);
  return () => {
    view.scene.remove(outline);
    geometry.dispose();
    material.dispose();
  };
}
