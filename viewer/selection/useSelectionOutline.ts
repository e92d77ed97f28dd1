import { useEffect } from 'react';
import { Cartesian3, Color, ColorMaterialProperty, type Entity, PolygonHierarchy, type Viewer } from 'cesium';
import type { BoundObject } from '../../layers/index.ts';
import { fetchObject } from '../api/client.ts';
import { useSelection } from './index.tsx';
import { isBuilding, tintMesh } from './meshTint.ts';
import { outerRings } from './outerRings.ts';

const OUTLINE = Color.fromCssColorString('#ff3d00');

/**
 * Marks the selected object on the globe from its geometry in the object API: its outline on
 * the ground (and, for a building, its part of any photogrammetry mesh), or, for a building with
 * a floor named, that storey as a glowing slab (a storey is the building's height over its floors).
 */
export function useSelectionOutline(viewer: Viewer | undefined): void {
  const { selected } = useSelection();
  useEffect(() => {
    if (!viewer || !selected?.oid) return;
    let wanted = true;
    const added: Entity[] = [];
    (selected.object ? Promise.resolve(selected.object) : fetchObject(selected.oid))
      .then((object) => {
        if (!wanted || viewer.isDestroyed()) return;
        for (const ring of outerRings(object.geometry)) {
          const positions = Cartesian3.fromDegreesArray(ring.flat());
          const storey = storeyOf(object, selected.floor);
          added.push(
            viewer.entities.add(
              storey
                ? { polygon: { hierarchy: new PolygonHierarchy(positions), height: storey.bottom, extrudedHeight: storey.top, material: new ColorMaterialProperty(OUTLINE.withAlpha(0.75)) } }
                : { polyline: { positions: [...positions, positions[0]!], width: 4, material: new ColorMaterialProperty(OUTLINE), clampToGround: true } },
            ),
          );
        }
        if (isBuilding(object) && !storeyOf(object, selected.floor)) added.push(...tintMesh(viewer, object, OUTLINE.withAlpha(0.5)));
      })
      .catch(() => undefined);
    return () => {
      wanted = false;
      if (!viewer.isDestroyed()) for (const entity of added) viewer.entities.remove(entity);
    };
  }, [viewer, selected]);
}

/** The heights (m) of a building's storey `floor`, when the building says how tall it is and how many floors it has. */
function storeyOf(object: BoundObject, floor: number | null): { bottom: number; top: number } | undefined {
  const { base, height, floors } = object.properties as { base?: number; height?: number; floors?: number };
  if (floor === null || floor < 1 || !height || !floors || base === undefined) return undefined;
  const storey = height / floors;
  return { bottom: base + (Math.min(floor, floors) - 1) * storey, top: base + Math.min(floor, floors) * storey + 0.3 };
}
