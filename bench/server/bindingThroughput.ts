import { ObjectIndex, type SpatialObject } from '../../tiles-server/objects/objectIndex.ts';

/**
 * Binding records to objects by position against 1,000,000 parcels (a 1000 × 1000 grid of
 * irregular six-sided parcels over the county) with one building in every tenth parcel.
 * Baseline in the same run: binding by a given oid (one hash lookup), the cheapest binding there is.
 */
export async function benchBindingThroughput({ parcels = 1_000_000, points = 200_000 } = {}) {
  const side = Math.round(Math.sqrt(parcels));
  const [west, south, cell] = [119.45, 28.52, 0.0005];
  const objects: SpatialObject[] = [];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const x = west + col * cell;
      const y = south + row * cell;
      // A hexagon-ish ring inside the cell, so point-in-polygon work is real and cells do not overlap.
      const jitter = () => cell * 0.05 * random();
      const ring = Float64Array.from([x + jitter(), y + jitter(), x + cell / 2, y + jitter(), x + cell - jitter(), y + jitter(), x + cell - jitter(), y + cell - jitter(), x + cell / 2, y + cell - jitter(), x + jitter(), y + cell - jitter()]);
      const oid = `parcel:${row * side + col}`;
      objects.push({ oid, layerId: 'landuse', access: 'public', properties: {}, bbox: [x, y, x + cell, y + cell], position: [x + cell / 2, y + cell / 2], geometry: null, polygons: [[ring]] });
      if ((row * side + col) % 10 === 0) {
        const b = cell / 4;
        const house = Float64Array.from([x + b, y + b, x + 2 * b, y + b, x + 2 * b, y + 2 * b, x + b, y + 2 * b]);
        objects.push({ oid: `bldg:${row * side + col}`, layerId: 'buildings', access: 'public', properties: {}, bbox: [x + b, y + b, x + 2 * b, y + 2 * b], position: [x + 1.5 * b, y + 1.5 * b], geometry: null, polygons: [[house]] });
      }
    }
  }
  const buildStarted = performance.now();
  const index = new ObjectIndex(objects);
  const buildSeconds = (performance.now() - buildStarted) / 1000;

  const queries = Float64Array.from({ length: 2 * points }, (_, i) => (i % 2 === 0 ? west + random() * side * cell : south + random() * side * cell));
  const oids = Array.from({ length: points }, () => objects[Math.floor(random() * objects.length)]!.oid);

  const rate = (run: () => number) => {
    const started = performance.now();
    const found = run();
    return { perSecond: points / ((performance.now() - started) / 1000), found };
  };
  const byOid = rate(() => oids.reduce((n, oid) => n + (index.bind(0, 0, oid)?.layerId ? 1 : 0), 0));
  const byPosition = rate(() => {
    let n = 0;
    for (let i = 0; i < points; i++) if (index.bind(queries[2 * i]!, queries[2 * i + 1]!)!.oid) n++;
    return n;
  });
  const buildings = objects.length - side * side;
  console.log(`\nBinding against ${(side * side).toLocaleString()} parcels and ${buildings.toLocaleString()} buildings: index built in ${buildSeconds.toFixed(1)} s, process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB with objects and index`);
  console.table([
    { binding: 'by given oid (baseline)', 'bindings/s': Math.round(byOid.perSecond), bound: `${byOid.found}/${points}` },
    { binding: 'by position (smallest containing)', 'bindings/s': Math.round(byPosition.perSecond), bound: `${byPosition.found}/${points}`, 'vs baseline': `${(byPosition.perSecond / byOid.perSecond).toFixed(2)}×` },
  ]);
}
