import { Cartesian3, Cesium3DTileFeature, Cesium3DTileset, Entity, PolygonHierarchy } from 'cesium';
import { describe, expect, it } from 'vitest';
import { pickTarget } from './pickTarget.ts';

const county = new Entity({
  id: 'admin:330723',
  polygon: { hierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray([119.5, 28.5, 120, 28.5, 120, 29])) },
  properties: { oid: 'admin:330723' },
});
const outline = new Entity({ id: 'admin:330723#outline', polyline: { positions: Cartesian3.fromDegreesArray([119.5, 28.5, 120, 28.5]) } });
const seat = new Entity({ id: 'seat:330723002', position: Cartesian3.fromDegrees(119.815, 28.895), point: {}, properties: { oid: 'seat:330723002' } });
// What Scene.drillPick hands back: tileset features as themselves, entities wrapped as { id }.
const building = Object.create(Cesium3DTileFeature.prototype) as Cesium3DTileFeature;
// A mesh without features (photogrammetry) as Cesium picks it: its content, and its tileset as the primitive.
const mesh = { content: {}, primitive: Object.create(Cesium3DTileset.prototype) as Cesium3DTileset };

describe('what a click selects', () => {
  it('passes over areas and outlines drawn in front, to the building, point or line behind them', () => {
    expect(pickTarget([{ id: county }, building])).toEqual({ kind: 'building', feature: building });
    expect(pickTarget([{ id: outline }, { id: county }, { id: seat }])).toEqual({ kind: 'feature', entity: seat });
  });

  it('takes the front one of several specific things, and the ground when there are only areas', () => {
    expect(pickTarget([{ id: seat }, building]).kind).toBe('feature');
    expect(pickTarget([{ id: county }, { id: outline }])).toEqual({ kind: 'ground' });
    expect(pickTarget([])).toEqual({ kind: 'ground' });
  });

  it('takes a mesh without features as the place on it, hiding what lies behind, but not what is drawn in front', () => {
    expect(pickTarget([{ id: county }, mesh, { id: seat }])).toEqual({ kind: 'surface' });
    expect(pickTarget([building, mesh]).kind).toBe('building');
  });
});
