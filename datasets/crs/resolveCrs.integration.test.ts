import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from './gcj02.ts';
import { resolveCrs } from './resolveCrs.ts';

/**
 * Reference coordinates from PROJ 9 (Debian proj-bin), e.g.
 *   echo "28.89 119.81" | cs2cs -f %.4f EPSG:4490 EPSG:4528
 * which prints northing then easting (the EPSG axis order).
 */
const wuyiSeat = { lon: 119.81, lat: 28.89 };
const references: [string, number, number][] = [
  ['EPSG:4528', 40481467.0225, 3197092.3355], // CGCS2000 / 3-degree GK zone 40, zone prefix in the easting
  ['EPSG:4549', 481467.0225, 3197092.3355], // CGCS2000 / 3-degree GK CM 120E, no prefix
  ['EPSG:4513', 30098576.9674, 4200068.1966], // zone 25 (CM 75E), far outside its zone
  ['EPSG:4534', 5098576.9674, 4200068.1966], // CM 75E without prefix
  ['EPSG:3857', 13337188.1919, 3361652.9355],
];

describe('CRS', () => {
  for (const [code, x, y] of references) {
    it(`brings ${code} to WGS84 as PROJ does`, () => {
      const [lon, lat] = resolveCrs(code).toWgs84(x, y);
      expect(lon).toBeCloseTo(wuyiSeat.lon, 7);
      expect(lat).toBeCloseTo(wuyiSeat.lat, 7);
    });
  }

  it('knows the CGCS2000 Gauss-Krüger zones by name and area of use', () => {
    const zone40 = resolveCrs('EPSG:4528');
    expect(zone40.name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 40');
    expect(zone40.areaOfUse).toEqual([118.5, 24.43, 121.5, 53.33]);
    expect(resolveCrs('EPSG:4554').name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 135E');
    const [lon, lat] = resolveCrs('EPSG:4490').toWgs84(119.81, 28.89);
    expect(lon).toBeCloseTo(119.81, 9);
    expect(lat).toBeCloseTo(28.89, 9);
  });

  it('reads OGC URNs and CRS84 as GeoJSON files state them', () => {
    expect(resolveCrs('urn:ogc:def:crs:EPSG::4549').id).toBe('EPSG:4549');
    expect(resolveCrs('urn:ogc:def:crs:EPSG:6.6:3946').id).toBe('EPSG:3946');
    expect(resolveCrs('urn:ogc:def:crs:OGC:1.3:CRS84').id).toBe('EPSG:4326');
  });

  it('reads the Lyon fixture CRS (RGF93 / CC46) as PROJ does', () => {
    // echo "1843000 5175000" | cs2cs -f %.8f EPSG:3946 EPSG:4326 → 45.76020822 4.83841541
    const [lon, lat] = resolveCrs('EPSG:3946').toWgs84(1843000, 5175000);
    expect(lon).toBeCloseTo(4.83841541, 7);
    expect(lat).toBeCloseTo(45.76020822, 7);
  });

  it('reads the WKT that GDAL writes into a .prj', () => {
    // ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4528 out.shp in.geojson (GDAL 3.6) wrote this out.prj.
    const prj =
      'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",' +
      'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
      'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],' +
      'PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const crs = resolveCrs(prj);
    expect([crs.id, crs.areaOfUse]).toEqual(['EPSG:4528', [118.5, 24.43, 121.5, 53.33]]);
    const [lon, lat] = crs.toWgs84(40481467.0225, 3197092.3355);
    expect(lon).toBeCloseTo(wuyiSeat.lon, 7);
    expect(lat).toBeCloseTo(wuyiSeat.lat, 7);
  });

  it('knows the registry entry, and so the area of use, of every CGCS2000 WKT that GDAL writes', () => {
    const codes = ['4490', '4491', '4501', '4502', '4512', '4513', '4528', '4533', '4534', '4549', '4554'];
    for (const format of ['wkt_esri', 'wkt1', 'wkt2']) {
      const found = codes.map((code) => resolveCrs(execFileSync('gdalsrsinfo', ['-o', format, `EPSG:${code}`], { encoding: 'utf8' })).id);
      expect(found, format).toEqual(codes.map((code) => `EPSG:${code}`));
    }
    // 33 runs of GDAL, each a process start: seconds on a busy machine.
  }, 60_000);

  it('says which CRS it does not know', () => {
    expect(() => resolveCrs('EPSG:999999')).toThrow('Unknown CRS EPSG:999999: not in the EPSG registry');
    expect(() => resolveCrs('Xian 1980 somewhere')).toThrow(/Unknown CRS "Xian 1980 somewhere"/);
  });
});

describe('GCJ-02', () => {
  it('removes the offset of Chinese web maps (a few hundred metres near Wuyi)', () => {
    // The same point on a GCJ-02 map is shifted by roughly +0.0047° longitude and −0.0026° latitude here.
    const [lon, lat] = gcj02ToWgs84(119.8147, 28.8874);
    expect(lon).toBeCloseTo(119.81, 2);
    expect(lat).toBeCloseTo(28.89, 2);
    expect(Math.hypot((lon - 119.8147) * 97_500, (lat - 28.8874) * 111_000)).toBeGreaterThan(300);
  });

  it('leaves points outside China unchanged', () => {
    expect(gcj02ToWgs84(4.8384, 45.7602)).toEqual([4.8384, 45.7602]);
  });
});
