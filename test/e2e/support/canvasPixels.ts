import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

export interface PixelStats {
  mean: number;
  variance: number;
}

/** A screenshot of the globe canvas alone (not the panels over it). */
export function screenshotGlobe(page: Page): Promise<Buffer> {
  return page.locator('.cesium-widget canvas').screenshot();
}

/** Brightness mean and variance of a PNG; a blank or single-colour canvas has a variance near 0. */
export function pixelStats(png: Buffer): PixelStats {
  const { data } = PNG.sync.read(png);
  let sum = 0;
  let sumOfSquares = 0;
  const pixels = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const brightness = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    sum += brightness;
    sumOfSquares += brightness * brightness;
  }
  const mean = sum / pixels;
  return { mean, variance: sumOfSquares / pixels - mean * mean };
}

/**
 * Share of pixels (0–1) that differ noticeably between two PNGs of the same size, within the
 * columns [`fromX`, `toX`) when given (a side of a split view).
 */
export function changedPixelShare(before: Buffer, after: Buffer, columns?: { fromX: number; toX: number }): number {
  const first = PNG.sync.read(before);
  const second = PNG.sync.read(after);
  if (first.data.length !== second.data.length) throw new Error('Screenshots differ in size');
  const { fromX, toX } = columns ?? { fromX: 0, toX: first.width };
  let changed = 0;
  for (let y = 0; y < first.height; y++) {
    for (let x = fromX; x < toX; x++) {
      const i = (y * first.width + x) * 4;
      const delta =
        Math.abs(first.data[i]! - second.data[i]!) + Math.abs(first.data[i + 1]! - second.data[i + 1]!) + Math.abs(first.data[i + 2]! - second.data[i + 2]!);
      if (delta > 48) changed++;
    }
  }
  return changed / ((toX - fromX) * first.height);
}

/** How many pixels of a PNG are of a colour, told by `isColour(red, green, blue)`. */
export function countPixels(png: Buffer, isColour: (red: number, green: number, blue: number) => boolean): number {
  const { data } = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (isColour(data[i]!, data[i + 1]!, data[i + 2]!)) count++;
  return count;
}
