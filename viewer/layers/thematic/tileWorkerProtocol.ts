import type { ThematicClass } from '../../../layers/index.ts';

/** What the page asks of the tile worker: open a layer (load and class its polygons), draw a tile of it. */
export type TileWorkerRequest =
  | { id: number; type: 'open'; layerId: string; url: string; field: string; classes: ThematicClass[] }
  | {
      id: number;
      type: 'draw';
      layerId: string;
      /** [west, south, east, north], degrees. */
      tile: [number, number, number, number];
      size: number;
      colors: string[];
      hidden: number[];
      outline: string | undefined;
    };

export type TileWorkerReply =
  | { id: number; type: 'opened'; extent: [number, number, number, number] | undefined }
  | { id: number; type: 'drawn'; bitmap: ImageBitmap }
  | { id: number; type: 'failed'; message: string };

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type TileWorkerCall = DistributiveOmit<TileWorkerRequest, 'id'>;
