import { readFileSync } from 'node:fs';
import { indexedRing } from '../geometry/indexedRing.ts';

/**
 * Hand-placed geography of Wuyi County for the sample twin. Names and outlines are real;
 * township seats and rivers are placed by hand, approximately (the catalog marks these layers synthetic).
 */

export interface TownshipSeat {
  name: string;
  nameEn: string;
  type: '街道' | '镇' | '乡';
  lon: number;
  lat: number;
}

export const townshipSeats: TownshipSeat[] = [
  { name: '壶山街道', nameEn: 'Hushan Subdistrict', type: '街道', lon: 119.815, lat: 28.895 },
  { name: '白洋街道', nameEn: 'Baiyang Subdistrict', type: '街道', lon: 119.84, lat: 28.91 },
  { name: '熟溪街道', nameEn: 'Shuxi Subdistrict', type: '街道', lon: 119.795, lat: 28.878 },
  { name: '履坦镇', nameEn: 'Lütan Town', type: '镇', lon: 119.79, lat: 28.975 },
  { name: '桐琴镇', nameEn: 'Tongqin Town', type: '镇', lon: 119.845, lat: 28.965 },
  { name: '泉溪镇', nameEn: 'Quanxi Town', type: '镇', lon: 119.88, lat: 28.96 },
  { name: '王宅镇', nameEn: 'Wangzhai Town', type: '镇', lon: 119.72, lat: 28.93 },
  { name: '桃溪镇', nameEn: 'Taoxi Town', type: '镇', lon: 119.64, lat: 28.88 },
  { name: '茭道镇', nameEn: 'Jiaodao Town', type: '镇', lon: 119.74, lat: 28.86 },
  { name: '柳城畲族镇', nameEn: 'Liucheng She Ethnic Town', type: '镇', lon: 119.56, lat: 28.66 },
  { name: '新宅镇', nameEn: 'Xinzhai Town', type: '镇', lon: 119.74, lat: 28.7 },
  { name: '白姆乡', nameEn: 'Baimu Township', type: '乡', lon: 119.77, lat: 28.82 },
  { name: '俞源乡', nameEn: 'Yuyuan Township', type: '乡', lon: 119.7, lat: 28.78 },
  { name: '坦洪乡', nameEn: 'Tanhong Township', type: '乡', lon: 119.8, lat: 28.77 },
  { name: '西联乡', nameEn: 'Xilian Township', type: '乡', lon: 119.59, lat: 28.74 },
  { name: '三港乡', nameEn: 'Sangang Township', type: '乡', lon: 119.52, lat: 28.6 },
  { name: '大溪口乡', nameEn: 'Daxikou Township', type: '乡', lon: 119.68, lat: 28.62 },
  { name: '大田乡', nameEn: 'Datian Township', type: '乡', lon: 119.88, lat: 28.85 },
];

interface OutlineFeature {
  properties: { code: string; name: string; role: 'county' | 'neighbour' };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

/** The county and its neighbours, real outlines (see scripts/vendor-county-outlines.ts). */
const outlines: OutlineFeature[] = JSON.parse(readFileSync(new URL('./wuyiOutlines.geojson', import.meta.url), 'utf8')).features;

/** County outline, counter-clockwise (RFC 7946 exterior ring), closed. */
export const countyOutline: [number, number][] = outlines.find((f) => f.properties.role === 'county')!.geometry.coordinates[0]!;

/** The county outline indexed: fast enough to ask about every pixel of the base map. */
export const county = indexedRing(countyOutline);

const neighbourNamesEn: Record<string, string> = {
  '330702': 'Wucheng District',
  '330703': 'Jindong District',
  '330782': 'Yiwu City',
  '330784': 'Yongkang City',
  '331102': 'Liandu District',
  '331122': 'Jinyun County',
  '331123': 'Suichang County',
  '331124': 'Songyang County',
};

/** The counties around Wuyi, drawn as context. */
export const neighbouringCounties = outlines
  .filter((f) => f.properties.role === 'neighbour')
  .map((f) => {
    const nameEn = neighbourNamesEn[f.properties.code];
    if (!nameEn) throw new Error(`No English name for neighbouring county ${f.properties.name} (${f.properties.code})`);
    return { code: f.properties.code, name: f.properties.name, nameEn, outline: f.geometry.coordinates[0]! };
  });

export interface River {
  name: string;
  nameEn: string;
  course: [number, number][];
}

export const rivers: River[] = [
  {
    name: '武义江',
    nameEn: 'Wuyi River',
    course: [
      [119.86, 28.62], [119.845, 28.7], [119.84, 28.76], [119.83, 28.82],
      [119.815, 28.885], [119.795, 28.95], [119.775, 29.0], [119.765, 29.045],
    ],
  },
  {
    name: '熟溪',
    nameEn: 'Shuxi Creek',
    course: [
      [119.6, 28.7], [119.64, 28.74], [119.68, 28.78], [119.72, 28.83], [119.76, 28.865], [119.812, 28.884],
    ],
  },
];
