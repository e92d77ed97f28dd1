import { Event, GeographicTilingScheme, type ImageryProvider, Math as CesiumMath, Rectangle } from 'cesium';
import { type TileStyle, drawTile } from './drawTile.ts';
import type { ThematicFeatures } from './thematicFeatures.ts';

const TILE_SIZE = 256;

/**
 * Imagery drawn in the browser from a thematic layer's polygons: each tile is painted on a canvas
 * from the features it overlaps, so parcels stay sharp however close the camera comes, and a
 * class filter is a new provider rather than new data. Implements the part of Cesium's
 * `ImageryProvider` that an `ImageryLayer` reads.
 */
export class ThematicImageryProvider {
  readonly tilingScheme = new GeographicTilingScheme();
  readonly tileWidth = TILE_SIZE;
  readonly tileHeight = TILE_SIZE;
  readonly minimumLevel = 0;
  readonly maximumLevel = 21;
  readonly rectangle: Rectangle;
  readonly errorEvent = new Event();
  readonly tileDiscardPolicy = undefined;
  readonly credit = undefined;
  readonly proxy = undefined;
  readonly hasAlphaChannel = true;

  constructor(
    private readonly features: ThematicFeatures,
    private readonly style: TileStyle,
  ) {
    this.rectangle = features.extent ? Rectangle.fromDegrees(...features.extent) : Rectangle.MAX_VALUE;
  }

  /** As a Cesium `ImageryProvider`, for `new ImageryLayer(…)`. */
  asImageryProvider(): ImageryProvider {
    return this as unknown as ImageryProvider;
  }

  getTileCredits(): [] {
    return [];
  }

  requestImage(x: number, y: number, level: number): Promise<HTMLCanvasElement> {
    const { west, south, east, north } = this.tilingScheme.tileXYToRectangle(x, y, level);
    const canvas = document.createElement('canvas');
    canvas.width = TILE_SIZE;
    canvas.height = TILE_SIZE;
    const context = canvas.getContext('2d')!;
    const degrees = [west, south, east, north].map(CesiumMath.toDegrees) as [number, number, number, number];
    drawTile(context, this.features, degrees, TILE_SIZE, this.style);
    return Promise.resolve(canvas);
  }

  pickFeatures(): undefined {
    return undefined;
  }
}
