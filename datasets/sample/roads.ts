import { seededRandom } from './random.ts';
import { rivers, townshipSeats } from './wuyiPlaces.ts';

export interface Road {
  name: string;
  grade: '省道' | '县道' | '城市道路';
  course: [number, number][];
}

/**
 * The sample's road network (approximate): a provincial road along the Wuyi River valley, and a
 * county road from the county seat to every township seat, bending a little as roads do.
 */
export function sampleRoads(seed = 330): Road[] {
  const random = seededRandom(seed);
  const seat = townshipSeats.find((s) => s.name === '壶山街道')!;
  const valley = rivers.find((r) => r.name === '武义江')!.course.map(([lon, lat]) => [lon + 0.006, lat] as [number, number]);
  const roads: Road[] = [{ name: '省道 S220', grade: '省道', course: valley }];
  for (const town of townshipSeats) {
    if (town.type === '街道') continue;
    const points: [number, number][] = [[seat.lon, seat.lat]];
    const steps = 4;
    for (let i = 1; i < steps; i++) {
      const t = i / steps;
      const bend = (random() - 0.5) * 0.012;
      points.push([
        seat.lon + t * (town.lon - seat.lon) - bend * (town.lat - seat.lat) * 8,
        seat.lat + t * (town.lat - seat.lat) + bend * (town.lon - seat.lon) * 8,
      ]);
    }
    points.push([town.lon, town.lat]);
    roads.push({ name: `县道 武义—${town.name}`, grade: '县道', course: points.map(([lon, lat]) => [round(lon), round(lat)]) });
  }
  return roads;
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
