import Flatbush from 'flatbush';

/**
 * A point-in-ring test for a ring of thousands of vertices asked millions of times (a county
 * outline under every pixel of a base map): its edges in a Flatbush index, so a point is tested
 * only against the edges its eastward ray meets. Even-odd rule, as `pointInRing`.
 */
export interface IndexedRing {
  contains(x: number, y: number): boolean;
  /** Whether an edge of the ring may pass through a box: one whose bounds meet it does. */
  mayCross(west: number, south: number, east: number, north: number): boolean;
}

export function indexedRing(ring: readonly (readonly number[])[]): IndexedRing {
  const edges = ring.length - 1;
  const index = new Flatbush(edges);
  let east = -Infinity;
  for (let i = 0; i < edges; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    east = Math.max(east, x1, x2);
  }
  index.finish();
  return {
    contains(x, y) {
      let inside = false;
      for (const i of index.search(x, y, east, y)) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[i + 1] as [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
    mayCross: (west, south, eastBound, north) => index.search(west, south, eastBound, north, () => true).length > 0,
  };
}
