import type { TileWorkerCall, TileWorkerReply } from './tileWorkerProtocol.ts';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (reply: TileWorkerReply) => void; reject: (error: Error) => void }>();

/** Sends a request to the one tile worker of the page (started on first use) and waits for its answer. */
export function callTileWorker<T extends TileWorkerReply['type']>(call: TileWorkerCall): Promise<Extract<TileWorkerReply, { type: T }>> {
  if (!worker) {
    worker = new Worker(new URL('./tileWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<TileWorkerReply>) => {
      const waiting = pending.get(data.id);
      pending.delete(data.id);
      if (data.type === 'failed') waiting?.reject(new Error(data.message));
      else waiting?.resolve(data);
    };
  }
  const id = nextId++;
  const answer = new Promise<TileWorkerReply>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ ...call, id });
  return answer as Promise<Extract<TileWorkerReply, { type: T }>>;
}
