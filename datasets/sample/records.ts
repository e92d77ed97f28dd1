import type { PlacedVillage, Township } from './adminAreas.ts';
import { seededRandom } from './random.ts';
import { rivers } from './wuyiPlaces.ts';

/**
 * Business records of the sample twin, for the data server to load and bind to objects:
 * monitoring points, resource-code lifecycle records and a seed set of incidents. Positions
 * only: the server binds each to the object it falls in.
 */

export interface MonitoringPoint {
  id: string;
  kind: 'water-level' | 'rainfall' | 'air-quality' | 'camera';
  name: string;
  unit: string;
  /** Readings above `alarm` raise an incident. */
  thresholds: { warning: number; alarm: number } | null;
  lon: number;
  lat: number;
  township: string;
}

export interface LifecycleRecord {
  resourceCode: string;
  stage: '规划' | '供地' | '审批' | '监管';
  date: string;
  summary: string;
  department: string;
}

export interface SeedIncident {
  id: string;
  type: string;
  title: string;
  status: '受理' | '交办' | '处置' | '办结' | '退回';
  reportedAt: string;
  lon: number;
  lat: number;
  township: string;
}

const day = (random: () => number, from: Date, days: number) => new Date(from.getTime() + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);

export function monitoringPoints(townships: Township[], seed = 101): MonitoringPoint[] {
  const random = seededRandom(seed);
  const points: MonitoringPoint[] = [];
  const add = (kind: MonitoringPoint['kind'], name: string, unit: string, thresholds: MonitoringPoint['thresholds'], lon: number, lat: number, township: string) =>
    points.push({ id: `mp:330723-${String(points.length + 1).padStart(4, '0')}`, kind, name, unit, thresholds, lon: round(lon), lat: round(lat), township });
  for (const river of rivers) {
    river.course.forEach(([lon, lat], i) => {
      if (i % 2 === 1) add('water-level', `${river.name}水位站${(i + 1) / 2}`, 'm', { warning: 3.5, alarm: 4.5 }, lon, lat, '330723');
    });
  }
  for (const township of townships) {
    const [lon, lat] = township.seat;
    add('rainfall', `${township.name}雨量站`, 'mm/h', { warning: 30, alarm: 50 }, lon + 0.004, lat - 0.003, township.code);
    if (township.type !== '乡') add('air-quality', `${township.name}空气质量站`, 'μg/m³', { warning: 75, alarm: 115 }, lon - 0.003, lat + 0.002, township.code);
    const cameras = township.type === '街道' ? 6 : 2;
    for (let c = 0; c < cameras; c++) {
      add('camera', `${township.name}视频监控${c + 1}`, '', null, lon + (random() - 0.5) * 0.02, lat + (random() - 0.5) * 0.02, township.code);
    }
  }
  return points;
}

export function lifecycleRecords(parcels: { resourceCode: string; code: string }[], seed = 102): LifecycleRecord[] {
  const random = seededRandom(seed);
  const records: LifecycleRecord[] = [];
  const developed = parcels.filter((p) => ['0601', '0701', '05H1'].includes(p.code));
  for (const parcel of developed.filter((_, i) => i % 3 === 0)) {
    const planned = new Date(Date.UTC(2018, 0, 1));
    const stages: [LifecycleRecord['stage'], string, string][] = [
      ['规划', '纳入国土空间总体规划，确定用途', '县自然资源和规划局'],
      ['供地', '挂牌出让，签订出让合同', '县自然资源和规划局'],
      ['审批', '核发建设工程规划许可证', '县行政审批服务中心'],
      ['监管', '开竣工与履约情况核查', '县自然资源和规划局执法大队'],
    ];
    let date = planned;
    const reached = 1 + Math.floor(random() * stages.length);
    for (const [stage, summary, department] of stages.slice(0, reached)) {
      const next = day(random, date, 400);
      records.push({ resourceCode: parcel.resourceCode, stage, date: next, summary, department });
      date = new Date(next);
    }
  }
  return records;
}

export function seedIncidents(townships: Township[], villages: PlacedVillage[], seed = 103): SeedIncident[] {
  const random = seededRandom(seed);
  const types: [string, string][] = [
    ['违法用地', '疑似未批先建'],
    ['道路积水', '路面积水影响通行'],
    ['设施损坏', '路灯损坏'],
    ['环境卫生', '垃圾堆放未清运'],
    ['森林火情', '山林冒烟'],
    ['河道漂浮物', '河面漂浮物堆积'],
  ];
  const statuses: SeedIncident['status'][] = ['受理', '交办', '处置', '办结', '办结', '办结', '退回'];
  const incidents: SeedIncident[] = [];
  for (let i = 0; i < 40; i++) {
    const village = villages[Math.floor(random() * villages.length)]!;
    const township = townships.find((t) => t.code === village.townshipCode)!;
    const [type, title] = types[Math.floor(random() * types.length)]!;
    incidents.push({
      id: `inc:330723-2026-${String(i + 1).padStart(5, '0')}`,
      type,
      title: `${township.name}${village.name.replace(/(村|社区)?(民|居)?委员?会$/, '')}${title}`,
      status: statuses[Math.floor(random() * statuses.length)]!,
      reportedAt: new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 55 * 86_400_000)).toISOString(),
      lon: round(village.lon + (random() - 0.5) * 0.004),
      lat: round(village.lat + (random() - 0.5) * 0.004),
      township: township.code,
    });
  }
  return incidents;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
