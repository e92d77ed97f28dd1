import { type BufferAttribute, type Intersection, MathUtils, Raycaster, Triangle, Vector2, Vector3 } from 'three';
import { WGS84_ELLIPSOID } from '3d-tiles-renderer/three';
import type { LiteScene } from './liteScene.ts';
import { ecef } from './markers.ts';

const raycaster = new Raycaster();

/** The nearest tile surface (terrain or building) under a point of the canvas, in CSS pixels from its corner. */
export function surfaceAt(view: LiteScene, x: number, y: number): Intersection | undefined {
  const { clientWidth, clientHeight } = view.renderer.domElement;
  raycaster.setFromCamera(new Vector2((x / clientWidth) * 2 - 1, 1 - (y / clientHeight) * 2), view.camera);
  return raycaster.intersectObject(view.scene, true)[0];
}

/** Height above the ellipsoid of the highest loaded tile surface at a place (a roof, else the ground), if any is loaded there. */
export function surfaceHeight(view: LiteScene, lon: number, lat: number): number | undefined {
  const above = ecef({ lon, lat, height: 20_000 }, new Vector3());
  const down = WGS84_ELLIPSOID.getCartographicToNormal(lat * MathUtils.DEG2RAD, lon * MathUtils.DEG2RAD, new Vector3()).negate();
  raycaster.set(above, down);
  const hit = raycaster.intersectObject(view.scene, true)[0];
  return hit && 20_000 - hit.distance;
}

/** Longitude and latitude (degrees) of a point of the scene. */
export function lonLatOf(point: Vector3): { lon: number; lat: number } {
  const { lon, lat } = WGS84_ELLIPSOID.getPositionToCartographic(point, { lat: 0, lon: 0, height: 0 });
  return { lon: lon * MathUtils.RAD2DEG, lat: lat * MathUtils.RAD2DEG };
}

interface FeatureMesh {
  userData: {
    meshFeatures?: { getFeatures(triangle: number, barycoord: Vector3): (number | null)[]; getFeatureInfo(): { propertyTable?: number | null }[] };
    structuralMetadata?: { getPropertyTableData(table: number, id: number): Record<string, unknown> };
  };
}

const triangle = new Triangle();
const barycoord = new Vector3();

/**
 * The properties of the tile feature hit (a building's row of its tile's property table, read
 * through EXT_mesh_features and EXT_structural_metadata), or undefined for a surface without features.
 */
export function featureProperties(hit: Intersection): Record<string, unknown> | undefined {
  const { meshFeatures, structuralMetadata } = (hit.object as unknown as FeatureMesh).userData;
  const geometry = (hit.object as { geometry?: { attributes: { position: BufferAttribute } } }).geometry;
  if (!meshFeatures || !structuralMetadata || !geometry || !hit.face || hit.faceIndex == null) return undefined;
  const { a, b, c } = hit.face;
  triangle.setFromAttributeAndIndices(geometry.attributes.position, a, b, c);
  triangle.a.applyMatrix4(hit.object.matrixWorld);
  triangle.b.applyMatrix4(hit.object.matrixWorld);
  triangle.c.applyMatrix4(hit.object.matrixWorld);
  triangle.getBarycoord(hit.point, barycoord);
  const [id] = meshFeatures.getFeatures(hit.faceIndex, barycoord);
  const table = meshFeatures.getFeatureInfo()[0]?.propertyTable;
  if (id === null || id === undefined || table === null || table === undefined) return undefined;
  return { ...structuralMetadata.getPropertyTableData(table, id) };
}
