import type { Page } from 'playwright-core';
import { startTwinServer } from '../test/e2e/support/twinServer.ts';
import { launchBrowser } from '../test/support/chromium.ts';
import { waitForScene } from '../test/support/twinScene.ts';

const bar = 0.6;
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/**
 * Frames per second of the wall: the first storyboard's scenes in kiosk mode (layers, captions,
 * the dashboard beside them, the heat layer on), each held (paused) while the camera orbits,
 * against the bare globe (the full viewer with no layers) on a canvas of the wall's globe's size,
 * at the same camera, in one headless Chromium run, alternated. Bar: the wall ≥ 0.6× the bare globe.
 * Usage: npm run bench -- wall [--seconds 6]
 */
export async function benchWall({ seconds = 6 } = {}) {
  const server = await startTwinServer();
  const browser = await launchBrowser();
  try {
    const { storyboards } = (await (await fetch(`${server.url}/api/storyboards`)).json()) as {
      storyboards: { id: string; scenes: { camera: { lon: number; lat: number; height: number; heading: number; pitch: number } }[] }[];
    };
    const storyboard = storyboards[0]!;
    const rows = [];
    for (const screen of SCREENS) {
      const page = await browser.newPage({ viewport: screen });
      const wall: number[] = [];
      const bare: number[] = [];
      for (const [index, { camera }] of storyboard.scenes.entries()) {
        await page.goto(`${server.url}/present/${storyboard.id}?kiosk`);
        await page.waitForSelector('[data-view-drawn=true]', { timeout: 180_000 });
        // Held on this scene: paused, then stepped to it, until its view is drawn.
        await page.keyboard.press(' ');
        for (let step = 0; step < index; step++) await page.keyboard.press('ArrowRight');
        await page.waitForSelector(`[data-scene-index="${index}"][data-view-drawn=true][data-playing=false]`, { timeout: 180_000 });
        wall.push(await frameRate(page, seconds));
        // The bare globe on a canvas the size of the wall's (the dashboard takes the rest of the screen).
        const canvas = await page.evaluate(() => {
          const { width, height } = document.querySelector('.cesium-widget canvas')!.getBoundingClientRect();
          return { width: Math.round(width), height: Math.round(height) };
        });
        // One globe drawing at a time: software WebGL shares the same two cores.
        await page.goto('about:blank');
        const barePage = await browser.newPage({ viewport: canvas });
        const view = [camera.lon, camera.lat, camera.height, camera.heading, camera.pitch].join(',');
        await barePage.goto(`${server.url}/?layers=&view=${view}`);
        await waitForScene(barePage);
        bare.push(await frameRate(barePage, seconds));
        await barePage.close();
      }
      await page.close();
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
      const ratio = mean(wall) / mean(bare);
      rows.push({
        screen: `${screen.width}×${screen.height}`,
        'wall fps': mean(wall).toFixed(1),
        'bare globe fps': mean(bare).toFixed(1),
        'by scene (wall / bare)': wall.map((w, i) => `${w.toFixed(1)}/${bare[i]!.toFixed(1)}`).join(' '),
        ratio: `${ratio.toFixed(2)}×`,
        [`bar ≥ ${bar}×`]: ratio >= bar ? 'met' : 'NOT met',
      });
    }
    console.log(`\nThe wall (storyboard "${storyboard.id}" in kiosk mode, each scene held) against the bare globe on a canvas of its globe's size at the same camera, orbiting ${seconds} s each, headless Chromium (WebGL on llvmpipe)`);
    console.table(rows);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function frameRate(page: Page, seconds: number): Promise<number> {
  return page.evaluate((s) => window.wuyiTwin!.measureFrameRate(s), seconds);
}
