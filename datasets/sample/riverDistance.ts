import { METRES_PER_DEGREE } from '../geo/units.ts';

/** Distance (km) from a point to a river course, and how far along the course (0 source … 1 mouth) the nearest point is. */
export function distanceToCourse(course: [number, number][], lon: number, lat: number, cosLat: number) {
  let best = Infinity;
  let along = 0;
  let walked = 0;
  const lengths = course.slice(1).map(([x, y], i) => Math.hypot((x - course[i]![0]) * cosLat, y - course[i]![1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lengths.length; i++) {
    const [ax, ay] = course[i]!;
    const [bx, by] = course[i + 1]!;
    const dx = (bx - ax) * cosLat;
    const dy = by - ay;
    const px = (lon - ax) * cosLat;
    const py = lat - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(px - t * dx, py - t * dy);
    if (d < best) {
      best = d;
      along = (walked + t * lengths[i]!) / total;
    }
    walked += lengths[i]!;
  }
  return { distanceKm: (best * METRES_PER_DEGREE) / 1000, along };
}
