import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { changedPixelShare, screenshotGlobe } from './support/canvasPixels.ts';
import { type LayerRow, layerRows, polygonsOf, ringContains } from './support/layerData.ts';
import { PagePixels, colourDistance, hexColour, projectOnGlobe, terrainHeights } from './support/screenSamples.ts';
import { runTwin } from './support/twinServer.ts';
import { twinSuite } from './support/twinSuite.ts';
import { waitForScene } from './support/twinPage.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'delaware-buildings.geojson');

// The same command a user runs; it writes the tileset and the layer's catalog entry.
const twin = twinSuite({
  prepare: async (dataDir) => {
    await runTwin(['import', 'buildings', fixture, '--max-features', '60', '--layer-id', 'delaware'], dataDir);
  },
});
let target: { oid: string; height: number; lon: number; lat: number };

beforeAll(async () => {
  const source = JSON.parse(await readFile(fixture, 'utf8')) as {
    features: { id: number; properties: { height: number }; geometry: { coordinates: number[][][] } }[];
  };
  const feature = source.features[0]!;
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  target = {
    oid: `bldg:delaware:${feature.id}`,
    height: feature.properties.height,
    lon: ring.reduce((sum, [lon]) => sum + lon!, 0) / ring.length,
    lat: ring.reduce((sum, [, lat]) => sum + lat!, 0) / ring.length,
  };
});

describe('buildings in the viewer', () => {
  it('shows the imported buildings and, on a click, the properties of the one clicked', async () => {
    const page = await twin.openPage();
    const overhead = `view=${target.lon},${target.lat},160,0,-90`;

    await page.goto(`${twin.server.url}/?${overhead}&layers=`);
    await waitForScene(page);
    const without = await screenshotGlobe(page);

    await page.goto(`${twin.server.url}/?${overhead}&layers=delaware`);
    await waitForScene(page);
    const withBuildings = await screenshotGlobe(page);
    expect(changedPixelShare(without, withBuildings), 'buildings change the picture').toBeGreaterThan(0.02);

    const box = (await page.locator('.cesium-widget canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.locator('.object-info');
    await panel.waitFor();
    expect(await panel.getAttribute('data-oid')).toBe(target.oid);
    expect(await panel.locator('[data-key=height] dd').textContent()).toBe(target.height.toFixed(1));
    await saveScreenshot(page, 'building-picked');
  });

  it('draws each building of the county seat in its use’s colour from the legend, paler the taller, with the streets between the blocks sharp on the county seat’s base map', async () => {
    const page = await twin.openPage({ width: 1600, height: 900 });
    // Towards the edge of the county seat: towers, houses, shops, workshops and a school.
    const [lon, lat] = [119.802, 28.882];
    await page.goto(`${twin.server.url}/?layers=terrain,relief-basemap,relief-basemap-seat,buildings&view=${lon},${lat},1400,0,-90`);
    await waitForScene(page);
    await saveScreenshot(page, 'buildings-by-use');
    const pixels = await PagePixels.of(page);
    // The mean of the 3×3 pixels around a point.
    const colourAt = ([x, y]: [number, number]) => {
      const sum = [0, 0, 0];
      for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) pixels.at(x + dx, y + dy).forEach((channel, c) => (sum[c]! += channel / 9));
      return sum;
    };
    const chroma = (rgb: readonly number[]) => rgb.map((channel) => channel / (rgb[0]! + rgb[1]! + rgb[2]!));
    const saturation = (rgb: readonly number[]) => (Math.max(...rgb) - Math.min(...rgb)) / Math.max(...rgb);

    // The oracle: the layer's legend (a colour per use) and its table (each building's use, height and outline).
    const { layers } = (await (await fetch(`${twin.server.url}/api/layers`)).json()) as { layers: { id: string; legend: { color: string; label: { zh: string } }[] }[] };
    const legend = layers.find(({ id }) => id === 'buildings')!.legend;
    const nearBelow = (row: LayerRow) => Math.abs(row.lon - lon) < 0.003 && Math.abs(row.lat - lat) < 0.0022 && polygonsOf(row).some(([outer]) => ringContains(outer!, row.lon, row.lat));
    const buildings = (await layerRows(twin.server.url, 'buildings')).filter(nearBelow);
    const roofs = await projectOnGlobe(page, buildings.map((row) => [row.lon, row.lat, Number(row.base) + Number(row.height)]));
    const seen = buildings.flatMap((row, i) => (roofs[i] ? [{ use: String(row.use), height: Number(row.height), colour: colourAt(roofs[i]!) }] : []));
    expect(seen.length, 'roofs in view').toBeGreaterThan(40);

    // Low roofs (the least paled): each in the hue of its use's legend colour, nearer it than any other use's.
    const nearestUse = (colour: number[]) =>
      legend.reduce((best, item) => (colourDistance(chroma(colour), chroma(hexColour(item.color))) < colourDistance(chroma(colour), chroma(hexColour(best.color))) ? item : best)).label.zh;
    const low = seen.filter(({ height }) => height <= 30);
    const uses = new Set(low.map(({ use }) => use));
    expect(uses.size, 'uses among the low roofs').toBeGreaterThanOrEqual(3);
    const inTheirColour = low.filter(({ use, colour }) => nearestUse(colour) === use);
    expect(inTheirColour.length / low.length, 'low roofs in their use’s colour').toBeGreaterThan(0.85);

    // Residential towers paler (less saturated) than residential houses: the roofs are lit alike, so only the colour differs.
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const homes = seen.filter(({ use }) => use === '住宅');
    const towers = homes.filter(({ height }) => height >= 60).map(({ colour }) => saturation(colour));
    const houses = homes.filter(({ height }) => height <= 15).map(({ colour }) => saturation(colour));
    expect(Math.min(towers.length, houses.length), 'residential towers and houses in view').toBeGreaterThanOrEqual(3);
    expect(mean(towers)).toBeLessThan(0.8 * mean(houses));

    // The streets, from the roads layer's geometry: every 10 m along each street in view, drawn on the ground as the
    // base map's legend draws roads: near white, unlike any land-use colour around them.
    const roadLegend = layers.find(({ id }) => id === 'relief-basemap-seat')!.legend.find(({ label }) => label.zh === '道路')!;
    const roadChroma = chroma(hexColour(roadLegend.color));
    const isRoad = (rgb: number[]) => colourDistance(chroma(rgb), roadChroma) < 0.06 && Math.max(...rgb) > 150;
    const streets = (await layerRows(twin.server.url, 'roads')).filter((row) => row.grade === '城市道路');
    const along: [number, number][] = [];
    for (const street of streets) {
      const [[x0, y0], [x1, y1]] = (JSON.parse(String(street.geometry)) as { coordinates: [number, number][] }).coordinates as [[number, number], [number, number]];
      const steps = Math.ceil(Math.hypot((x1 - x0) * 97_600, (y1 - y0) * 111_000) / 10);
      for (let step = 0; step <= steps; step++) {
        const point: [number, number] = [x0 + ((x1 - x0) * step) / steps, y0 + ((y1 - y0) * step) / steps];
        if (Math.abs(point[0] - lon) < 0.003 && Math.abs(point[1] - lat) < 0.0022) along.push(point);
      }
    }
    const grounds = await terrainHeights(page, along);
    const onScreen = (await projectOnGlobe(page, along.map(([x, y], i) => [x, y, grounds[i] ?? 0]))).filter((at) => at !== null);
    expect(onScreen.length, 'street points in view').toBeGreaterThan(100);
    const drawn = onScreen.filter(([x, y]) => isRoad(colourAt([x, y])));
    // A few stretches may lie behind towers leaning out of a view straight down. The county's base map (19 m a
    // pixel) leaves the streets out; the seat's (2.4 m) draws them.
    expect(drawn.length / onScreen.length, 'street points drawn in the road colour').toBeGreaterThan(0.9);
  });
});
