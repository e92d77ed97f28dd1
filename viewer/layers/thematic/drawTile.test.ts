import { describe, expect, it } from 'vitest';
import { type TileContext, drawTile } from './drawTile.ts';
import { NO_CLASS, classify, polygonSet } from './thematicFeatures.ts';

const classes = [
  { value: '0101', color: '#eeee88', label: { zh: '水田', en: 'Paddy' } },
  { value: '0301', color: '#228822', label: { zh: '林地', en: 'Forest' } },
];
const square = (west: number, south: number, size: number, code: string) => ({
  properties: { code },
  geometry: { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] },
});

/** A context that records what it was asked to draw. */
function recorder() {
  const calls: string[] = [];
  const points: [number, number][] = [];
  const context: TileContext = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    beginPath: () => calls.push('begin'),
    moveTo: (x, y) => void points.push([x, y]),
    lineTo: (x, y) => void points.push([x, y]),
    closePath: () => undefined,
    fill: () => void calls.push(`fill ${context.fillStyle as string}`),
    fillRect: (x, y, width, height) => void calls.push(`rect ${context.fillStyle as string} ${[x, y, width, height].map((n) => Math.round(n)).join(' ')}`),
    stroke: () => void calls.push(`stroke ${context.strokeStyle as string}`),
  };
  return { context, calls, points };
}

describe('thematic tiles', () => {
  const features = classify(
    polygonSet([square(0, 0, 1, '0101'), square(2, 0, 1, '0301'), square(0, 2, 1, '0101'), square(5, 5, 1, '9999'), { properties: {}, geometry: { type: 'Point', coordinates: [1, 1] } }]),
    'code',
    classes,
  );

  it('keeps polygons with their class and the extent of them all', () => {
    expect([...features.classOf]).toEqual([0, 1, 0, NO_CLASS]);
    expect(features.extent).toEqual([0, 0, 6, 6]);
  });

  it('fills the features a tile overlaps, one path per class, placing them in tile pixels', () => {
    const { context, calls, points } = recorder();
    expect(drawTile(context, features, [0, 0, 4, 4], 256, { colors: ['#eeee88', '#228822'], hidden: new Set() })).toBe(3);
    expect(calls).toEqual(['begin', 'fill #eeee88', 'begin', 'fill #228822']);
    // The first square's corners: (0,0) is the tile's bottom-left, so y = 256.
    expect(points.slice(0, 4)).toEqual([[0, 256], [64, 256], [64, 192], [0, 192]]);
  });

  it('draws features smaller than two pixels as dots of their class', () => {
    const { context, calls } = recorder();
    expect(drawTile(context, features, [0, 0, 400, 400], 256, { colors: ['#eeee88', '#228822'], hidden: new Set() })).toBe(3);
    expect(calls).toEqual(['rect #eeee88 0 255 1 1', 'rect #eeee88 0 254 1 1', 'rect #228822 1 255 1 1']);
  });

  it('leaves out hidden classes and features outside the tile, and outlines only features big enough to tell apart', () => {
    const { context, calls } = recorder();
    expect(drawTile(context, features, [1.5, -1, 3.5, 1.5], 256, { colors: ['#eeee88', '#228822'], hidden: new Set([0]), outline: '#333333' })).toBe(1);
    expect(calls).toEqual(['begin', 'fill #228822', 'begin', 'stroke #333333']);
    const far = recorder();
    drawTile(far.context, features, [0, 0, 40, 40], 256, { colors: ['#eeee88', '#228822'], hidden: new Set(), outline: '#333333' });
    expect(far.calls.filter((call) => call.startsWith('stroke'))).toEqual([]);
  });
});
