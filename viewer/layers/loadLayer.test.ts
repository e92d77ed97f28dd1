import { describe, expect, it, vi } from 'vitest';
import { loadLayer } from './loadLayer.ts';
import type { LayerStatus } from './types.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function recorder() {
  const statuses: LayerStatus[] = [];
  return { statuses, onStatus: (_: string, status: LayerStatus) => statuses.push(status) };
}

describe('loadLayer', () => {
  it('reports loading, attaches the result, then reports ready', async () => {
    const { statuses, onStatus } = recorder();
    const attach = vi.fn();
    loadLayer('rivers', onStatus, { load: async () => 'tileset', attach, isCancelled: () => false });
    expect(statuses).toEqual(['loading']);
    await settle();
    expect(attach).toHaveBeenCalledWith('tileset');
    expect(statuses).toEqual(['loading', 'ready']);
  });

  it('reports an error when the load fails', async () => {
    const { statuses, onStatus } = recorder();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    loadLayer('rivers', onStatus, { load: () => Promise.reject(new Error('404')), attach: vi.fn(), isCancelled: () => false });
    await settle();
    expect(statuses).toEqual(['loading', 'error']);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('discards a result that arrives after the layer went away, and reports nothing more', async () => {
    const { statuses, onStatus } = recorder();
    let cancelled = false;
    const attach = vi.fn();
    const discard = vi.fn();
    loadLayer('buildings', onStatus, { load: async () => 'tileset', attach, isCancelled: () => cancelled, discard });
    cancelled = true;
    await settle();
    expect(attach).not.toHaveBeenCalled();
    expect(discard).toHaveBeenCalledWith('tileset');
    expect(statuses).toEqual(['loading']);
  });
});
