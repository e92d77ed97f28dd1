import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

export type ScreenPoint = [number, number];

/**
 * Where each [lon, lat, height] is drawn now, in page pixels, through the page API; null when it
 * is off screen or under anything laid over the globe: the element there is not its canvas, or
 * the point is inside the box of a panel, bar or credit (some let clicks through, none let the
 * picture through unchanged).
 */
export function projectOnGlobe(page: Page, points: readonly [number, number, number][]): Promise<(ScreenPoint | null)[]> {
  return page.evaluate((points) => {
    const canvas = document.querySelector('.cesium-widget canvas')!;
    const overlays = [...document.querySelectorAll('.app *, .cesium-viewer *')]
      .filter((element) => !element.contains(canvas) && ['absolute', 'fixed'].includes(getComputedStyle(element).position))
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    return points.map(([lon, lat, height]) => {
      const at = window.wuyiTwin!.screenPosition(lon, lat, height);
      if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) return null;
      if (document.elementFromPoint(at[0], at[1]) !== canvas) return null;
      return overlays.some((box) => at[0] >= box.left && at[0] <= box.right && at[1] >= box.top && at[1] <= box.bottom) ? null : at;
    });
  }, points as [number, number, number][]);
}

/** The terrain's heights at [lon, lat] points, as the twin's terrain serves them. */
export function terrainHeights(page: Page, points: readonly [number, number][]): Promise<(number | undefined)[]> {
  return page.evaluate((points) => window.wuyiTwin!.terrainHeights(points), points as [number, number][]);
}

/** A screenshot of the whole page, read as pixels addressed in page coordinates. */
export class PagePixels {
  private constructor(private readonly png: PNG) {}

  static async of(page: Page): Promise<PagePixels> {
    return new PagePixels(PNG.sync.read(await page.screenshot()));
  }

  get width(): number {
    return this.png.width;
  }

  get height(): number {
    return this.png.height;
  }

  /** [red, green, blue] at a page position (rounded to the pixel it falls in). */
  at(x: number, y: number): [number, number, number] {
    const px = Math.min(this.png.width - 1, Math.max(0, Math.floor(x)));
    const py = Math.min(this.png.height - 1, Math.max(0, Math.floor(y)));
    const i = (py * this.png.width + px) * 4;
    const { data } = this.png;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  }
}

/** Red, green and blue of a CSS hex colour (#rrggbb). */
export function hexColour(css: string): [number, number, number] {
  const hex = css.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Sum of the absolute differences of two colours' channels. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);
}

/** Distance in pixels from a point to a segment. */
export function distanceToSegment([px, py]: ScreenPoint, [ax, ay]: ScreenPoint, [bx, by]: ScreenPoint): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
