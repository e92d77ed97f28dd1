import { Cartesian3, ClassificationType, type Color, ColorMaterialProperty, type Entity, PolygonHierarchy, type Viewer } from 'cesium';
import type { BoundObject } from '../../layers/index.ts';
import { outerRings } from './outerRings.ts';

/** Whether an object is a building: it says how tall it is. */
export const isBuilding = (object: BoundObject) => typeof object.properties.height === 'number';

/**
 * A building's part of any photogrammetry mesh (单体化), tinted: its footprint classifies the
 * mesh from the ground up, so the roof and walls within it take `colour`, and nothing outside
 * it. Returns the entities added, for the caller to remove.
 */
export function tintMesh(viewer: Viewer, object: BoundObject, colour: Color): Entity[] {
  return outerRings(object.geometry).map((ring) =>
    viewer.entities.add({
      polygon: { hierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(ring.flat())), material: new ColorMaterialProperty(colour), classificationType: ClassificationType.CESIUM_3D_TILE },
    }),
  );
}
