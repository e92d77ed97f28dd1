import { describe, expect, it } from 'vitest';
import { labelsToShow, textWidth } from './labelDeclutter.ts';

const box = (left: number, top: number, width = 60, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('label declutter', () => {
  it('keeps labels in order of priority, hiding one that would cover a label kept before it', () => {
    expect(labelsToShow([box(0, 0), box(30, 10), box(100, 0), box(40, 60), undefined, box(95, 5)])).toEqual([true, false, true, true, false, false]);
  });

  it('shows a label again once the one it covered is gone', () => {
    expect(labelsToShow([undefined, box(30, 10)])).toEqual([false, true]);
  });

  it('keeps a gap between labels side by side', () => {
    expect(labelsToShow([box(0, 0), box(62, 0)])).toEqual([true, false]);
    expect(labelsToShow([box(0, 0), box(65, 0)])).toEqual([true, true]);
  });

  it('measures Chinese names a full em a character, Latin ones narrower', () => {
    expect(textWidth('壶山街道', 15)).toBe(60);
    expect(textWidth('Hushan', 15)).toBeLessThan(60);
    expect(textWidth('Hushan', 15)).toBeGreaterThan(40);
  });
});
