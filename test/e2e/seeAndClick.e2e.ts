import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.ts';
import { type LayerRow, classColours, layerRows, objectAt, polygonsOf, ringContains } from './support/layerData.ts';
import { PagePixels, type ScreenPoint, colourDistance, distanceToSegment, hexColour, projectOnGlobe, terrainHeights } from './support/screenSamples.ts';
import { twinSuite } from './support/twinSuite.ts';
import { waitForScene } from './support/twinPage.ts';

/**
 * What the user sees and clicks is what the data holds. The oracle is the layers' own tables
 * (read with apache-arrow from the files the server publishes) and the data API's
 * `/api/objects?at=`, never the renderer's state: features are projected to the screen through
 * `window.wuyiTwin.screenPosition`, and the pixels and clicks there are checked against them.
 */
const twin = twinSuite();
const VIEWPORT = { width: 1600, height: 900 };
const COUNTY_SEAT = { lon: 119.8156, lat: 28.87 };

let parcels: LayerRow[];
let buildings: LayerRow[];

beforeAll(async () => {
  [parcels, buildings] = await Promise.all([layerRows(twin.server.url, 'landuse'), layerRows(twin.server.url, 'buildings')]);
});

const near = (rows: LayerRow[], lon: number, lat: number, degrees: number) =>
  rows.filter((row) => row.west > lon - degrees && row.east < lon + degrees && row.south > lat - degrees && row.north < lat + degrees);

/** A parcel as drawn now: its one outer ring and its interior point on screen, with how far that point is from the ring's edges. */
interface ParcelOnScreen {
  row: LayerRow;
  ring: ScreenPoint[];
  interior: ScreenPoint;
  clearance: number;
}

/** Projects single-ring parcels at `height` above the ellipsoid (or at the terrain's height of their interior point); keeps those wholly on the globe's canvas. */
async function parcelsOnScreen(page: Page, rows: LayerRow[], heightOf: (row: LayerRow) => number = () => 0): Promise<ParcelOnScreen[]> {
  const shapes = rows.flatMap((row) => {
    const polygons = polygonsOf(row);
    const outer = polygons[0]?.[0];
    // One ring, no holes; the interior point is the table's representative point, checked here to lie inside it.
    return polygons.length === 1 && polygons[0]!.length === 1 && ringContains(outer!, row.lon, row.lat) ? [{ row, ring: outer! }] : [];
  });
  const points = shapes.flatMap(({ row, ring }) => [[row.lon, row.lat, heightOf(row)] as [number, number, number], ...ring.map(([lon, lat]) => [lon, lat, heightOf(row)] as [number, number, number])]);
  const projected = await projectOnGlobe(page, points);
  const result: ParcelOnScreen[] = [];
  let next = 0;
  for (const { row, ring } of shapes) {
    const interior = projected[next]!;
    const drawn = projected.slice(next + 1, next + 1 + ring.length);
    next += 1 + ring.length;
    if (!interior || drawn.some((point) => point === null)) continue;
    const screenRing = drawn as ScreenPoint[];
    let clearance = Infinity;
    for (let i = 0; i + 1 < screenRing.length; i++) clearance = Math.min(clearance, distanceToSegment(interior, screenRing[i]!, screenRing[i + 1]!));
    result.push({ row, ring: screenRing, interior, clearance });
  }
  return result;
}

/** Whether a parcel crosses a tile boundary of the geographic tiling scheme (Cesium's, 2 × 1 tiles at level 0) at `level`. */
function crossesTileBoundary(row: LayerRow, level: number): boolean {
  const size = 180 / 2 ** level;
  return Math.floor((row.west + 180) / size) !== Math.floor((row.east + 180) / size) || Math.floor((row.south + 90) / size) !== Math.floor((row.north + 90) / size);
}

/** The level whose 256-pixel tiles are about as fine as the screen at a camera `height` above a straight-down view. */
function levelInView(height: number, lat: number): number {
  const metresPerPixel = (2 * height * Math.tan(Math.PI / 6)) / VIEWPORT.width;
  const tileDegrees = (256 * metresPerPixel) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return Math.round(Math.log2(180 / tileDegrees));
}

const brightness = (rgb: readonly number[]) => rgb[0]! + rgb[1]! + rgb[2]!;

/**
 * The class whose colour, dimmed by `light` (the light and opacity of the view, one factor for a
 * flat straight-down view), is nearest a pixel's.
 */
function nearestClass(pixel: readonly number[], colours: Map<string, [number, number, number]>, light: number): string {
  let best = '';
  let bestDistance = Infinity;
  for (const [value, colour] of colours) {
    const distance = colourDistance(pixel, colour.map((channel) => channel * light));
    if (distance < bestDistance) [best, bestDistance] = [value, distance];
  }
  return best;
}

/** The middle of the brightness ratios of drawn pixels to the colours the data gives them: how much the view dims every colour. */
function lightOf(samples: { pixel: readonly number[]; colour: readonly number[] }[]): number {
  const ratios = samples.map(({ pixel, colour }) => brightness(pixel) / brightness(colour)).sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? 1;
}

/** A drawn edge within `reach` pixels of `at` across the direction `normal`: two neighbouring pixels along it that differ clearly. */
function edgeNear(pixels: PagePixels, at: ScreenPoint, normal: ScreenPoint, reach: number): boolean {
  for (let k = -reach; k < reach; k++) {
    const a = pixels.at(at[0] + k * normal[0], at[1] + k * normal[1]);
    const b = pixels.at(at[0] + (k + 1) * normal[0], at[1] + (k + 1) * normal[1]);
    if (colourDistance(a, b) > 36) return true;
  }
  return false;
}

async function openStill(page: Page, query: string): Promise<void> {
  await page.goto(`${twin.server.url}/?${query}`);
  await waitForScene(page);
  // Tiles that arrived with the last frame are drawn by the next (waitForScene waits for frames first).
  await waitForScene(page);
}

describe('see and click: the screen agrees with the data', () => {
  it('draws each parcel in its class colour, and its edges where the data puts them, at three zoom levels and across tile boundaries', async () => {
    const page = await twin.openPage(VIEWPORT);
    const colours = new Map([...(await classColours(twin.server.url, 'landuse'))].map(([value, css]) => [value, hexColour(css)] as const));
    for (const height of [4000, 8000, 16000]) {
      await openStill(page, `layers=landuse&view=${COUNTY_SEAT.lon},${COUNTY_SEAT.lat},${height},0,-90`);
      const pixels = await PagePixels.of(page);
      await saveScreenshot(page, `see-landuse-${height}m`);
      const level = levelInView(height, COUNTY_SEAT.lat);
      const inView = await parcelsOnScreen(page, near(parcels, COUNTY_SEAT.lon, COUNTY_SEAT.lat, (height / 111_000) * 1.2));
      const sampled = inView.filter((parcel) => parcel.clearance >= 5);

      const wrongColour: string[] = [];
      let crossing = 0;
      const light = lightOf(sampled.map((parcel) => ({ pixel: pixels.at(...parcel.interior), colour: colours.get(String(parcel.row.code))! })));
      for (const parcel of sampled) {
        const drawn = nearestClass(pixels.at(...parcel.interior), colours, light);
        if (drawn !== parcel.row.code) wrongColour.push(`${parcel.row.oid} (${parcel.row.code}) drawn as ${drawn} ${pixels.at(...parcel.interior).join('/')} clear ${parcel.clearance.toFixed(1)} px at ${parcel.interior.map(Math.round).join(",")}`);
        if (crossesTileBoundary(parcel.row, level)) crossing++;
      }

      // Edges: at the middle of each edge 20 px or longer of a parcel 30 px or more across, a drawn
      // edge within 2 px; 6 px inside the parcel, as a check on the check, mostly none.
      let edges = 0;
      let edgesDrawn = 0;
      let insides = 0;
      let insidesWithEdge = 0;
      for (const parcel of inView) {
        const xs = parcel.ring.map(([x]) => x);
        const ys = parcel.ring.map(([, y]) => y);
        if (Math.max(...xs) - Math.min(...xs) < 30 || Math.max(...ys) - Math.min(...ys) < 30) continue;
        for (let i = 0; i + 1 < parcel.ring.length; i++) {
          const [a, b] = [parcel.ring[i]!, parcel.ring[i + 1]!];
          const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
          if (length < 20) continue;
          const middle: ScreenPoint = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
          let normal: ScreenPoint = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
          if ((parcel.interior[0] - middle[0]) * normal[0] + (parcel.interior[1] - middle[1]) * normal[1] < 0) normal = [-normal[0], -normal[1]];
          edges++;
          if (edgeNear(pixels, middle, normal, 2)) edgesDrawn++;
          const inside: ScreenPoint = [middle[0] + 6 * normal[0], middle[1] + 6 * normal[1]];
          let clearance = Infinity;
          for (let j = 0; j + 1 < parcel.ring.length; j++) clearance = Math.min(clearance, distanceToSegment(inside, parcel.ring[j]!, parcel.ring[j + 1]!));
          if (clearance >= 5) {
            insides++;
            if (edgeNear(pixels, inside, normal, 2)) insidesWithEdge++;
          }
        }
      }
      console.log(
        `${height} m: ${sampled.length} parcels (${crossing} across tiles of level ${level}), ${wrongColour.length} in the wrong colour (colours dimmed to ${light.toFixed(2)}); ` +
          `edges ${edgesDrawn}/${edges} drawn, ${insidesWithEdge}/${insides} just inside; ${wrongColour.slice(0, 6).join('; ')}`,
      );
      expect(sampled.length, `parcels in view at ${height} m`).toBeGreaterThanOrEqual(50);
      expect(crossing, `parcels across tile boundaries at ${height} m`).toBeGreaterThanOrEqual(10);
      expect(wrongColour.length / sampled.length, `${height} m, wrong colours: ${wrongColour.slice(0, 8).join('; ')}`).toBeLessThanOrEqual(0.01);
      expect(edges, `edges checked at ${height} m`).toBeGreaterThanOrEqual(50);
      expect(edgesDrawn / edges, `${height} m: edges drawn where the data has them`).toBeGreaterThanOrEqual(0.9);
      expect(insidesWithEdge / Math.max(1, insides), `${height} m: edges found inside parcels`).toBeLessThanOrEqual(0.25);
    }
  }, 240_000);

  it('opens the building under the cursor, with the default layers on: each click on a roof opens that building', async () => {
    const page = await twin.openPage(VIEWPORT);
    const centre = { lon: 119.8156, lat: 28.8955 };
    await openStill(page, `view=${centre.lon},${centre.lat},700,0,-90`);
    await saveScreenshot(page, 'click-buildings');

    // Markers (incidents, monitoring points, township seats) are drawn over everything: a click there is theirs.
    const [incidents, points, seats] = await Promise.all([
      fetch(`${twin.server.url}/api/incidents?limit=500`).then((r) => r.json() as Promise<{ incidents: { lon: number; lat: number }[] }>),
      fetch(`${twin.server.url}/api/monitoring/points`).then((r) => r.json() as Promise<{ points: { lon: number; lat: number }[] }>),
      layerRows(twin.server.url, 'township-seats'),
    ]);
    const markers = [...incidents.incidents, ...points.points, ...seats];
    const markerHeights = await terrainHeights(page, markers.map((m) => [m.lon, m.lat]));
    const markersOnScreen = (await projectOnGlobe(page, markers.map((m, i) => [m.lon, m.lat, markerHeights[i] ?? 0]))).filter((p): p is ScreenPoint => p !== null);

    const candidates = near(buildings, centre.lon, centre.lat, 0.004).map((row) => ({ row, outline: polygonsOf(row)[0]![0]!, roofHeight: Number(row.base) + Number(row.height) }));
    const roofs = await projectOnGlobe(page, candidates.map(({ row, roofHeight }) => [row.lon, row.lat, roofHeight]));
    const footprints = await projectOnGlobe(
      page,
      candidates.flatMap(({ outline, roofHeight }) => outline.map(([lon, lat]) => [lon, lat, roofHeight] as [number, number, number])),
    );
    const targets: { building: LayerRow; at: ScreenPoint }[] = [];
    let next = 0;
    for (const [i, { row: building, outline }] of candidates.entries()) {
      const ring = footprints.slice(next, next + outline.length);
      next += ring.length;
      const roof = roofs[i];
      if (!roof || ring.some((p) => p === null)) continue;
      let clearance = Infinity;
      for (let j = 0; j + 1 < ring.length; j++) clearance = Math.min(clearance, distanceToSegment(roof, ring[j]!, ring[j + 1]!));
      if (clearance < 3 || markersOnScreen.some(([x, y]) => coveredByMarker(roof, [x, y]))) continue;
      targets.push({ building, at: roof });
    }
    // Spread over the view: every few buildings rather than the first of one street.
    const chosen = targets.filter((_, i) => i % Math.max(1, Math.floor(targets.length / 32)) === 0).slice(0, 32);
    expect(chosen.length, 'buildings whose roofs are clear to click').toBeGreaterThanOrEqual(30);

    const wrong: string[] = [];
    for (const { building: { oid, lon, lat }, at } of chosen) {
      expect(await objectAt(twin.server.url, lon, lat), `the data API puts ${oid} at its own point`).toBe(oid);
      await page.mouse.click(at[0], at[1]);
      const opened = await openedOid(page, oid);
      if (opened !== oid) wrong.push(`${oid} at ${at.map(Math.round).join(',')} opened ${opened ?? 'nothing'}`);
    }
    expect(wrong, 'buildings that a click on their roof did not open').toEqual([]);
  }, 240_000);

  it('opens the parcel under the cursor with the county boundary on, as the data API finds it there', async () => {
    const page = await twin.openPage(VIEWPORT);
    await openStill(page, `layers=relief-basemap,terrain,landuse,county-boundary&view=${COUNTY_SEAT.lon},${COUNTY_SEAT.lat},3000,0,-90`);
    await saveScreenshot(page, 'click-parcels');
    const candidates = near(parcels, COUNTY_SEAT.lon, COUNTY_SEAT.lat, 0.03);
    const heights = await terrainHeights(page, candidates.map((row) => [row.lon, row.lat]));
    const heightOf = new Map(candidates.map((row, i) => [row.oid, heights[i] ?? 0]));
    const inView = (await parcelsOnScreen(page, candidates, (row) => heightOf.get(row.oid)!)).filter((parcel) => parcel.clearance >= 6);

    const chosen: ParcelOnScreen[] = [];
    for (const parcel of inView.filter((_, i) => i % Math.max(1, Math.floor(inView.length / 48)) === 0)) {
      // Only where the data API itself finds this parcel (not a building standing on it).
      if ((await objectAt(twin.server.url, parcel.row.lon, parcel.row.lat)) === parcel.row.oid) chosen.push(parcel);
      if (chosen.length === 32) break;
    }
    expect(chosen.length, 'parcels found at their own point').toBeGreaterThanOrEqual(30);

    const wrong: string[] = [];
    for (const parcel of chosen) {
      await page.mouse.click(...parcel.interior);
      const opened = await openedOid(page, parcel.row.oid);
      if (opened !== parcel.row.oid) wrong.push(`${parcel.row.oid} opened ${opened ?? 'nothing'}`);
    }
    expect(wrong, 'parcels that a click inside them did not open').toEqual([]);
  }, 240_000);

  it('writes the names of places where they do not cover one another, straight down over the county', async () => {
    const page = await twin.openPage(VIEWPORT);
    await openStill(page, 'view=119.72,28.78,130000,0,-90&layers=terrain,relief-basemap,township-seats');
    // Names placed again after the view was drawn complete.
    const drawnAt = (await page.evaluate('performance.now()')) as number;
    await page.waitForFunction(`Number(document.querySelector('[data-labels-placed-at]')?.dataset.labelsPlacedAt) > ${drawnAt}`, undefined, { timeout: 10_000 });
    const seats = await layerRows(twin.server.url, 'township-seats');
    const heights = await terrainHeights(page, seats.map((seat) => [seat.lon, seat.lat]));
    const anchors = await projectOnGlobe(page, seats.map((seat, i) => [seat.lon, seat.lat, heights[i] ?? 0]));
    const pixels = await PagePixels.of(page);
    await saveScreenshot(page, 'labels-county-straight-down');
    // Where each name would be written, from the data: 15 px type, a full em a Chinese character, above its dot.
    const boxes = seats.map((seat, i) => {
      const at = anchors[i];
      if (!at) return undefined;
      const halfWidth = (String(seat.name).length * 15) / 2;
      return { name: String(seat.name), left: at[0] - halfWidth, right: at[0] + halfWidth, top: at[1] - 10 - 18, bottom: at[1] - 10 };
    });
    type Box = NonNullable<(typeof boxes)[number]>;
    const placed = boxes.filter((box): box is Box => box !== undefined);
    expect(placed.length).toBeGreaterThanOrEqual(15);
    const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    // Lettering is white; nothing else in this view is (roads are #faf6ec), but the dots' white rims, kept out.
    const lettered = (box: Box) => {
      let count = 0;
      for (let y = Math.ceil(box.top); y < box.bottom; y++) {
        for (let x = Math.ceil(box.left); x < box.right; x++) {
          if (placed.some((other) => other !== box && x >= other.left && x < other.right && y >= other.top && y < other.bottom)) continue;
          if (anchors.some((at) => at && Math.hypot(x - at[0], y - at[1]) < 10)) continue;
          if (Math.min(...pixels.at(x, y)) >= 245) count++;
        }
      }
      return count;
    };
    const shown = new Map(placed.map((box) => [box, lettered(box) >= 12]));
    const crowded = placed.flatMap((a, i) => placed.slice(i + 1).filter((b) => overlap(a, b)).map((b) => [a, b] as const));
    // The county seat's three subdistricts crowd at this height: the test has something to check.
    expect(crowded.length, 'pairs of names that would overlap').toBeGreaterThan(0);
    const bothWritten = crowded.filter(([a, b]) => shown.get(a) && shown.get(b)).map(([a, b]) => `${a.name} / ${b.name}`);
    expect(bothWritten, 'overlapping names both written').toEqual([]);
    const hiddenWithRoom = placed.filter((box) => !shown.get(box) && !placed.some((other) => other !== box && shown.get(other) && overlap(box, other)));
    expect(hiddenWithRoom.map((box) => box.name), 'names not written though no written name is in their way').toEqual([]);
  }, 120_000);
});

/** Whether a marker at `marker` (its dot, and the name label above it) covers `point`. */
function coveredByMarker(point: ScreenPoint, marker: ScreenPoint): boolean {
  const [dx, dy] = [point[0] - marker[0], point[1] - marker[1]];
  return Math.hypot(dx, dy) < 24 || (Math.abs(dx) < 70 && dy > -45 && dy < 0);
}

/** The oid of the info panel a click opened (waiting for `expected`, else for whatever opens), then closes it. */
async function openedOid(page: Page, expected: string): Promise<string | undefined> {
  const panel = page.locator('.object-info');
  await page.locator(`.object-info[data-oid="${expected}"]`).waitFor({ timeout: 5000 }).catch(() => panel.waitFor({ timeout: 2000 }).catch(() => undefined));
  if ((await panel.count()) === 0) return undefined;
  const oid = (await panel.getAttribute('data-oid')) ?? undefined;
  // Closed from the page itself: a pointer click waits for frames to settle, which a software-rendered globe makes slow.
  await panel.locator('header button').evaluate((button: HTMLButtonElement) => button.click());
  return oid;
}
