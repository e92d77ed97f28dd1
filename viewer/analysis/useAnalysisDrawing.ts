import { useEffect } from 'react';
import {
  CallbackProperty,
  Cartesian3,
  Cesium3DTileset,
  ClippingPolygon,
  ClippingPolygonCollection,
  Color,
  ColorMaterialProperty,
  ConstantProperty,
  type Entity,
  ImageryLayer,
  PolygonHierarchy,
  Rectangle,
  SingleTileImageryProvider,
  type Viewer,
} from 'cesium';
import { type Analysis, type AnalysisRaster, VIEWSHED_CELL } from '../../layers/index.ts';
import { useHighlight } from '../highlight/index.tsx';

const WATER = Color.fromCssColorString('#1e88e5').withAlpha(0.6);
const SEEN = Color.fromCssColorString('#2e7d32');
const BLOCKED = Color.fromCssColorString('#e53935');
const OUTLINE = Color.fromCssColorString('#ffeb3b');
const EARTH = Color.fromCssColorString('#a1887f');
/** Over-limit buildings (控高) take this colour. */
export const OVER_LIMIT = '#e53935';
/** How long the water takes to rise to its level, ms. */
const RISE_MS = 2500;

/**
 * Draws an analysis's result on the globe: the water rising to its level over the flooded area,
 * the sight line green up to what is in the way and red beyond, the viewshed's cells green and
 * red, the profile's line on the ground, the zone of a height limit with its over-limit
 * buildings in red, an excavation's pit cut into the terrain and the tilesets shown. Taken off when the analysis
 * changes or goes.
 */
export function useAnalysisDrawing(viewer: Viewer | undefined, analysis: Analysis | undefined): void {
  const { setHighlight } = useHighlight();
  useEffect(() => {
    if (!viewer || !analysis) return;
    const entities: Entity[] = [];
    let imagery: ImageryLayer | undefined;
    const clipping: ClippingPolygonCollection[] = [];
    let stopCutting: (() => void) | undefined;
    let risen: ReturnType<typeof setTimeout> | undefined;
    const add = (entity: Entity.ConstructorOptions) => entities.push(viewer.entities.add(entity));
    switch (analysis.kind) {
      case 'flood': {
        const { lowestGround, waterLevel, flooded } = analysis.result;
        const started = performance.now();
        const rising = new CallbackProperty(() => lowestGround + (waterLevel - lowestGround) * Math.min(1, (performance.now() - started) / RISE_MS), false);
        const water: Entity[] = [];
        for (const [outer, ...holes] of flooded.coordinates) {
          const hierarchy = new PolygonHierarchy(ring(outer!), holes.map((hole) => new PolygonHierarchy(ring(hole))));
          add({ polygon: { hierarchy, height: rising, material: new ColorMaterialProperty(WATER) } });
          water.push(entities.at(-1)!);
        }
        // Risen, the water stands still: a constant height is built once, not again every frame.
        risen = setTimeout(() => {
          for (const entity of water) entity.polygon!.height = new ConstantProperty(waterLevel);
        }, RISE_MS);
        add(outline(analysis.params.polygon.coordinates[0]!));
        break;
      }
      case 'line-of-sight': {
        const { from, to, obstruction } = analysis.result;
        const eye = Cartesian3.fromDegrees(from.lon, from.lat, from.height);
        const target = Cartesian3.fromDegrees(to.lon, to.lat, to.height);
        const stop = obstruction ? Cartesian3.fromDegrees(obstruction.lon, obstruction.lat, obstruction.height) : target;
        // The line shows through the ground it passes under, paler, so the hidden stretch is not lost in the hill.
        const sightLine = (positions: Cartesian3[], color: Color) => ({
          polyline: { positions, width: 4, material: new ColorMaterialProperty(color), depthFailMaterial: new ColorMaterialProperty(color.withAlpha(0.55)) },
        });
        add(sightLine([eye, stop], SEEN));
        if (obstruction) {
          add(sightLine([stop, target], BLOCKED));
          add({ position: stop, point: { pixelSize: 10, color: BLOCKED, outlineColor: Color.WHITE, outlineWidth: 2 } });
        }
        break;
      }
      case 'viewshed': {
        const { raster } = analysis.result;
        imagery = new ImageryLayer(new SingleTileImageryProvider({ url: rasterImage(raster), rectangle: Rectangle.fromDegrees(raster.west, raster.south, raster.east, raster.north), tileWidth: raster.width, tileHeight: raster.height }), { alpha: 0.55 });
        viewer.imageryLayers.add(imagery);
        const { observer } = analysis.result;
        add({ position: Cartesian3.fromDegrees(observer.lon, observer.lat, observer.height), point: { pixelSize: 10, color: OUTLINE, outlineColor: Color.BLACK, outlineWidth: 2 } });
        break;
      }
      case 'profile':
        add({ polyline: { positions: Cartesian3.fromDegreesArray(analysis.params.line.flat()), width: 3, material: new ColorMaterialProperty(OUTLINE), clampToGround: true } });
        break;
      case 'excavation': {
        // The ground inside is cut away; walls from the rim down to the floor, and the floor, make the pit.
        const { floorLevel, rim } = analysis.result;
        const corners = analysis.params.polygon.coordinates[0]!;
        // The globe and each tileset own their clipping polygons (each destroys a collection it is given once replaced), so each gets its
        // own; tilesets shown later (a layer turned on, or still loading) are cut as they come.
        const clipOf = () => new ClippingPolygonCollection({ polygons: [new ClippingPolygon({ positions: ring(corners) })] });
        viewer.scene.globe.clippingPolygons = clipOf();
        clipping.push(viewer.scene.globe.clippingPolygons);
        const cut = (primitive: unknown) => {
          if (!(primitive instanceof Cesium3DTileset)) return;
          primitive.clippingPolygons = clipOf();
          clipping.push(primitive.clippingPolygons);
        };
        for (let i = 0; i < viewer.scene.primitives.length; i++) cut(viewer.scene.primitives.get(i));
        stopCutting = viewer.scene.primitives.primitiveAdded.addEventListener(cut);
        add({ wall: { positions: ring(corners), minimumHeights: corners.map(() => floorLevel), maximumHeights: rim, material: new ColorMaterialProperty(EARTH) } });
        add({ polygon: { hierarchy: new PolygonHierarchy(ring(corners)), height: floorLevel, material: new ColorMaterialProperty(EARTH.darken(0.3, new Color())) } });
        break;
      }
      case 'height-limit': {
        add(outline(analysis.params.polygon.coordinates[0]!));
        const { exceeding } = analysis.result;
        setHighlight({ oids: new Set(exceeding.map((building) => building.oid)), points: [], outlines: [], color: OVER_LIMIT });
        break;
      }
    }
    viewer.scene.requestRender();
    return () => {
      clearTimeout(risen);
      stopCutting?.();
      if (analysis.kind === 'height-limit') setHighlight(undefined);
      if (viewer.isDestroyed()) return;
      for (const entity of entities) viewer.entities.remove(entity);
      if (imagery) viewer.imageryLayers.remove(imagery);
      // Emptied and turned off, they cut nothing (their owners destroy them when given the next).
      for (const collection of clipping) {
        if (collection.isDestroyed()) continue;
        collection.removeAll();
        collection.enabled = false;
      }
    };
  }, [viewer, analysis, setHighlight]);
}

const ring = (positions: number[][]) => Cartesian3.fromDegreesArray(positions.flatMap(([lon, lat]) => [lon!, lat!]));

function outline(positions: number[][]): Entity.ConstructorOptions {
  return { polyline: { positions: ring(positions), width: 3, material: new ColorMaterialProperty(OUTLINE), clampToGround: true } };
}

/** The viewshed's cells as a PNG data URL: seen green, hidden red, outside the radius clear. */
function rasterImage(raster: AnalysisRaster): string {
  const canvas = document.createElement('canvas');
  canvas.width = raster.width;
  canvas.height = raster.height;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(raster.width, raster.height);
  const cells = Uint8Array.from(atob(raster.cells), (char) => char.charCodeAt(0));
  const [seen, hidden] = [SEEN, BLOCKED].map((color) => color.toBytes());
  cells.forEach((state, i) => {
    const rgba = state === VIEWSHED_CELL.visible ? seen! : state === VIEWSHED_CELL.hidden ? hidden! : undefined;
    if (rgba) image.data.set([rgba[0]!, rgba[1]!, rgba[2]!, 255], i * 4);
  });
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
