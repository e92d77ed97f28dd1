import { describe, expect, it } from 'vitest';
import { decodeRing, readEchartsMapModule } from './echartsMap.ts';

describe('ECharts map modules', () => {
  it('decodes zigzag deltas from the encode offset, in units of 1/scale degree', () => {
    // '@' is 0, 'B' is zigzag 2 → +1, 'A' is zigzag 1 → −1, 'D' is zigzag 4 → +2.
    expect(decodeRing('@@BAD@', [120 * 1024, 29 * 1024], 1024)).toEqual([
      [120, 29],
      [120 + 1 / 1024, 29 - 1 / 1024],
      [120 + 3 / 1024, 29 - 1 / 1024],
    ]);
  });

  it('reads the regions a UMD module registers, polygons and multipolygons alike', () => {
    const script = `!function(A,B){B({},A.echarts)}(this,function(A,B){B.registerMap("测试",{type:"FeatureCollection",features:[
      {type:"Feature",id:"330723",properties:{name:"武义县"},geometry:{type:"Polygon",coordinates:["@@B@@B"],encodeOffsets:[[1024,2048]]}},
      {type:"Feature",id:"330784",properties:{name:"永康市"},geometry:{type:"MultiPolygon",coordinates:[["@@A@"],["@@@A"]],encodeOffsets:[[[0,0]],[[1024,1024]]]}}
    ],UTF8Encoding:!0})})`;
    const regions = readEchartsMapModule(script);
    expect(regions.map((r) => [r.code, r.name])).toEqual([['330723', '武义县'], ['330784', '永康市']]);
    expect(regions[0]!.polygons).toEqual([[[[1, 2], [1 + 1 / 1024, 2], [1 + 1 / 1024, 2 + 1 / 1024]]]]);
    expect(regions[1]!.polygons).toEqual([[[[0, 0], [-1 / 1024, 0]]], [[[1, 1], [1, 1 - 1 / 1024]]]]);
  });

  it('fails clearly on a script that registers no map', () => {
    expect(() => readEchartsMapModule('var x = 1;')).toThrow(/registered no ECharts map/);
  });
});
