import { BillboardGraphics, Cartesian3, EntityCollection, JulianDate, PolylineGraphics } from 'cesium';
import { describe, expect, it } from 'vitest';
import { symbolScaleFor } from '../../globe/symbolScale.tsx';
import { setSymbolScale, styleVectorEntities } from './styleEntities.ts';

function townshipSeats(): EntityCollection {
  const entities = new EntityCollection();
  entities.add({ id: 'seat', position: Cartesian3.fromDegrees(119.81, 28.89), billboard: new BillboardGraphics(), properties: { name: '壶山街道' } });
  entities.add({ id: 'road', polyline: new PolylineGraphics({ positions: Cartesian3.fromDegreesArray([119.8, 28.9, 119.82, 28.88]) }) });
  return entities;
}

describe('vector symbols', () => {
  it('draws dots, lines and labels at desk size, and twice as large on a screen twice as wide', () => {
    const entities = townshipSeats();
    const style = { labelField: 'name', pointSize: 9, strokeWidth: 3 };
    styleVectorEntities(entities, style);
    const seat = entities.getById('seat')!;
    const now = JulianDate.now();

    setSymbolScale(entities, style, symbolScaleFor(1920));
    expect(seat.point!.pixelSize!.getValue(now)).toBe(9);
    expect(entities.getById('road')!.polyline!.width!.getValue(now)).toBe(3);
    expect(seat.label!.font!.getValue(now)).toMatch(/^600 15px /);

    setSymbolScale(entities, style, symbolScaleFor(3840));
    expect(seat.point!.pixelSize!.getValue(now)).toBe(18);
    expect(seat.point!.outlineWidth!.getValue(now)).toBe(4);
    expect(seat.label!.font!.getValue(now)).toMatch(/^600 30px /);
    expect(seat.label!.pixelOffset!.getValue(now).y).toBe(-20);
    expect(entities.getById('road')!.polyline!.width!.getValue(now)).toBe(6);
  });

  it('never draws them smaller than on a desk screen', () => {
    expect(symbolScaleFor(1280)).toBe(1);
    expect(symbolScaleFor(2880)).toBe(1.5);
  });
});
