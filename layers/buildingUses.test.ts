import { describe, expect, it } from 'vitest';
import { BUILDING_USES, buildingColor, buildingUseClass, buildingUseLegend } from './buildingUses.ts';

const channels = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

describe('building uses', () => {
  it('classes a county register’s uses and OSM’s tags alike, and what it does not know as other', () => {
    expect(buildingUseClass('住宅')).toBe('residential');
    expect(buildingUseClass(' Apartments ')).toBe('residential');
    expect(buildingUseClass('retail')).toBe('commercial');
    expect(buildingUseClass('办公')).toBe('office');
    expect(buildingUseClass('厂房')).toBe('industrial');
    expect(buildingUseClass('yes')).toBe('other');
    expect(buildingUseClass(undefined)).toBe('other');
  });

  it('draws taller buildings paler, in their use’s hue', () => {
    const low = channels(buildingColor('办公', 6));
    const tall = channels(buildingColor('办公', 120));
    for (let c = 0; c < 3; c++) expect(tall[c]).toBeGreaterThan(low[c]!);
    expect(buildingColor('办公', 120)).toBe(buildingColor('office', 90));
    // Blue stays the strongest channel of an office, however tall.
    expect(Math.max(...tall)).toBe(tall[2]);
  });

  it('keeps every use apart from the selection red and the query yellow', () => {
    // The tests of those colours: red far above green with no blue; red and green alike with blue far below.
    const isSelectionRed = ([r, g, b]: number[]) => r! > 2.5 * g! && b! < 25;
    const isQueryYellow = ([r, g, b]: number[]) => Math.abs(r! - g!) < 0.25 * r! && b! < 0.5 * Math.min(r!, g!);
    for (const { words } of BUILDING_USES) {
      for (const height of [0, 30, 200]) {
        const colour = channels(buildingColor(words[0], height));
        expect(isSelectionRed(colour)).toBe(false);
        expect(isQueryYellow(colour)).toBe(false);
      }
    }
  });

  it('lists every use in the legend in its colour, and the rest as other', () => {
    expect(buildingUseLegend.map(({ color }) => color)).toEqual([...BUILDING_USES.map(({ color }) => color), buildingColor(undefined, 0)]);
  });
});
