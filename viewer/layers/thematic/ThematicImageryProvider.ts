import { Event, GeographicTilingScheme, type ImageryProvider, Math as CesiumMath, Rectangle } from 'cesium';
import { callTileWorker } from './tileWorkerClient.ts';

const TILE_SIZE = 256;

export interface ThematicTileStyle {
  colors: string[];
  /** Indexes of the classes not drawn. */
  hidden: number[];
  outline: string | undefined;
}

/**
 * Imagery drawn in the browser from a thematic layer's polygons: the tile worker paints each
 * tile from the features it overlaps, so parcels stay sharp however close the camera comes, and
 * a class filter is a new provider rather than new data. Implements the part of Cesium's
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
    private readonly layerId: string,
    extent: [number, number, number, number] | undefined,
    private readonly style: ThematicTileStyle,
  ) {
    this.rectangle = extent ? Rectangle.fromDegrees(...extent) : Rectangle.MAX_VALUE;
  }

  /** As a Cesium `ImageryProvider`, for `new ImageryLayer(…)`. */
  asImageryProvider(): ImageryProvider {
    return this as unknown as ImageryProvider;
  }

  getTileCredits(): [] {
    return [];
  }

  async requestImage(x: number, y: number, level: number): Promise<ImageBitmap> {
    const { west, south, east, north } = this.tilingScheme.tileXYToRectangle(x, y, level);
    const tile = [west, south, east, north].map(CesiumMath.toDegrees) as [number, number, number, number];
    const drawn = await callTileWorker<'drawn'>({ type: 'draw', layerId: this.layerId, tile, size: TILE_SIZE, ...this.style });
    return drawn.bitmap;
  }

  pickFeatures(): undefined {
    return undefined;
  }
}
