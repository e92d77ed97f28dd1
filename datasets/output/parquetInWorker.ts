import { Worker } from 'node:worker_threads';

type Pending = { resolve: (parquet: Uint8Array) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

/**
 * An Arrow IPC stream as ZSTD Parquet, written by a worker thread: Parquet is the slowest of a
 * layer's files to make, and the import goes on meanwhile. One worker serves every call; it
 * keeps no process alive while idle.
 */
export function parquetInWorker(ipcStream: Uint8Array): Promise<Uint8Array> {
  const id = nextId++;
  const answer = new Promise<Uint8Array>((resolve, reject) => pending.set(id, { resolve, reject }));
  const thread = started();
  thread.ref();
  // A copy of its own to hand over: the caller's bytes may be a view into a larger buffer it still uses.
  const ipc = ipcStream.slice();
  thread.postMessage({ id, ipc }, [ipc.buffer]);
  return answer;
}

function started(): Worker {
  if (worker) return worker;
  const thread = new Worker(new URL('./parquetWorker.mjs', import.meta.url));
  thread.on('message', ({ id, parquet, error }: { id: number; parquet?: Uint8Array; error?: string }) => {
    const call = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) thread.unref();
    if (error !== undefined || !parquet) call?.reject(new Error(`Parquet could not be written: ${error}`));
    else call?.resolve(parquet);
  });
  thread.on('error', (error) => failAll(thread, error));
  thread.on('exit', (code) => failAll(thread, new Error(`the Parquet worker stopped (exit ${code})`)));
  worker = thread;
  return thread;
}

function failAll(thread: Worker, error: Error): void {
  if (worker === thread) worker = undefined;
  for (const call of pending.values()) call.reject(error);
  pending.clear();
}
