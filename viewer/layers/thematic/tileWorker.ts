/// <reference lib="webworker" />
import { drawTile } from './drawTile.ts';
import { type PolygonSet, type ThematicFeatures, classify, polygonSet } from './thematicFeatures.ts';
import type { TileWorkerReply, TileWorkerRequest } from './tileWorkerProtocol.ts';

/**
 * Draws thematic tiles off the page's thread: it loads and indexes each polygon file once,
 * classes it per layer, and paints each requested tile on an OffscreenCanvas, so a county of
 * parcels never stalls the globe or the panels.
 */
const sets = new Map<string, Promise<PolygonSet>>();
const layers = new Map<string, ThematicFeatures>();

function load(url: string): Promise<PolygonSet> {
  let set = sets.get(url);
  if (!set) {
    set = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return polygonSet(((await response.json()) as { features: Parameters<typeof polygonSet>[0] }).features);
    });
    set.catch(() => sets.delete(url));
    sets.set(url, set);
  }
  return set;
}

const reply = (message: TileWorkerReply, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async ({ data: request }: MessageEvent<TileWorkerRequest>) => {
  try {
    if (request.type === 'open') {
      const features = classify(await load(request.url), request.field, request.classes);
      layers.set(request.layerId, features);
      reply({ id: request.id, type: 'opened', extent: features.extent });
    } else {
      const features = layers.get(request.layerId);
      if (!features) throw new Error(`Layer ${request.layerId} is not open`);
      const canvas = new OffscreenCanvas(request.size, request.size);
      const context = canvas.getContext('2d')!;
      // Cesium uploads imagery with UNPACK_FLIP_Y, which WebGL ignores for an ImageBitmap: it
      // flips its own bitmaps when it decodes them, so ours is drawn flipped (south at the top),
      // or every tile would be shown mirrored north–south. Drawn so, it is handed over without a copy.
      context.setTransform(1, 0, 0, -1, 0, request.size);
      drawTile(context, features, request.tile, request.size, { colors: request.colors, hidden: new Set(request.hidden), outline: request.outline });
      const bitmap = canvas.transferToImageBitmap();
      reply({ id: request.id, type: 'drawn', bitmap }, [bitmap]);
    }
  } catch (error) {
    reply({ id: request.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
