import { Cesium3DTileFeature, Cesium3DTileset, Entity } from 'cesium';

/**
 * What a click selects: a building of a tileset, a point or line of a vector layer, or a place
 * whose object the server finds: on a mesh without features (a delivered photogrammetry tileset,
 * one continuous surface), or on the ground.
 */
export type PickTarget = { kind: 'building'; feature: Cesium3DTileFeature } | { kind: 'feature'; entity: Entity } | { kind: 'surface' } | { kind: 'ground' };

/** How many things under the cursor a click looks through, front to back: enough for a building under a line under an area or two. */
export const PICK_DEPTH = 6;

/**
 * The most specific of the things drawn under a click (`drilled`, as `Scene.drillPick` returns
 * them, front first): the first building, point or line. Areas (a county, a township) are
 * passed over, even drawn in front, as are entities that are no layer's feature (outlines,
 * highlights): a click inside an area means what lies there, which the server answers with the
 * smallest area containing the point, so a county never swallows the parcel inside it. A mesh
 * without features in front hides what lies behind it: the click means the place on it.
 */
export function pickTarget(drilled: readonly unknown[]): PickTarget {
  for (const target of drilled) {
    if (target instanceof Cesium3DTileFeature) return { kind: 'building', feature: target };
    if ((target as { primitive?: unknown } | undefined)?.primitive instanceof Cesium3DTileset) return { kind: 'surface' };
    const entity = (target as { id?: unknown } | undefined)?.id;
    if (entity instanceof Entity && entity.properties && !entity.polygon) return { kind: 'feature', entity };
  }
  return { kind: 'ground' };
}
