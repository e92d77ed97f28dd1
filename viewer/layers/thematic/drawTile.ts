import { NO_CLASS, type ThematicFeatures } from './thematicFeatures.ts';

/** The part of a 2D canvas context (on the page or offscreen) a tile is drawn with. */
export type TileContext = Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo' | 'closePath' | 'fill' | 'stroke' | 'fillRect'> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
};

export interface TileStyle {
  /** CSS colour of each class, by class index. */
  colors: readonly string[];
  /** Class indexes not drawn (the user's filter). */
  hidden: ReadonlySet<number>;
  /** Boundaries of the features big enough on the tile to tell apart. */
  outline?: string | undefined;
}

/** Features at least this many pixels across get their boundary drawn: below it, boundaries would hide the colours. */
const OUTLINE_PIXELS = 12;

/** Features smaller than this many pixels both ways are drawn as their box: tracing them costs the rasterizer far more and shows nothing more. */
const DOT_PIXELS = 2;

/**
 * Draws the features overlapping a tile ([west, south, east, north] in degrees, `size` pixels
 * square): one path per class, so a tile of a thousand parcels costs a handful of fills; features
 * too small to show their shape (a county of parcels on one coarse tile) are dots of their class.
 * Returns how many features it drew.
 */
export function drawTile(context: TileContext, features: ThematicFeatures, tile: readonly [number, number, number, number], size: number, style: TileStyle): number {
  if (!features.index) return 0;
  const [west, south, east, north] = tile;
  const scaleX = size / (east - west);
  const scaleY = size / (north - south);
  const byClass = new Map<number, number[]>();
  for (const i of features.index.search(west, south, east, north)) {
    const cls = features.classOf[i]!;
    if (cls === NO_CLASS || style.hidden.has(cls)) continue;
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push(i);
  }
  const trace = (ids: number[]) => {
    context.beginPath();
    for (const id of ids) {
      for (const polygon of features.polygons[id]!) {
        for (const ring of polygon) {
          context.moveTo((ring[0]! - west) * scaleX, (north - ring[1]!) * scaleY);
          for (let k = 2; k < ring.length; k += 2) context.lineTo((ring[k]! - west) * scaleX, (north - ring[k + 1]!) * scaleY);
          context.closePath();
        }
      }
    }
  };
  const { boxes } = features;
  const outlined: number[] = [];
  let drawn = 0;
  for (const [cls, ids] of byClass) {
    context.fillStyle = style.colors[cls]!;
    const shapes: number[] = [];
    for (const id of ids) {
      const x = (boxes[id * 4]! - west) * scaleX;
      const y = (north - boxes[id * 4 + 3]!) * scaleY;
      const width = (boxes[id * 4 + 2]! - boxes[id * 4]!) * scaleX;
      const height = (boxes[id * 4 + 3]! - boxes[id * 4 + 1]!) * scaleY;
      if (width < DOT_PIXELS && height < DOT_PIXELS) context.fillRect(x, y, Math.max(width, 1), Math.max(height, 1));
      else shapes.push(id);
      if (width >= OUTLINE_PIXELS || height >= OUTLINE_PIXELS) outlined.push(id);
    }
    if (shapes.length > 0) {
      trace(shapes);
      context.fill('evenodd');
    }
    drawn += ids.length;
  }
  if (style.outline && outlined.length > 0) {
    context.strokeStyle = style.outline;
    context.lineWidth = 1;
    trace(outlined);
    context.stroke();
  }
  return drawn;
}
