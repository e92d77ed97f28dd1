import type { LayerStatus } from './types.ts';

/**
 * Runs a layer's load and reports it: 'loading', then 'ready' once `attach` has put the result
 * in the scene, or 'error'. When `isCancelled()` turns true meanwhile (the layer or the viewer
 * went away), nothing is attached or reported and `discard` frees the result.
 */
export function loadLayer<T>(
  layerId: string,
  onStatus: (layerId: string, status: LayerStatus) => void,
  steps: {
    load: () => Promise<T>;
    attach: (value: T) => void | Promise<void>;
    isCancelled: () => boolean;
    discard?: (value: T) => void;
  },
): void {
  onStatus(layerId, 'loading');
  steps.load().then(
    async (value) => {
      if (steps.isCancelled()) {
        steps.discard?.(value);
        return;
      }
      await steps.attach(value);
      onStatus(layerId, 'ready');
    },
    (error: unknown) => {
      if (steps.isCancelled()) return;
      console.error(`Layer ${layerId} failed to load`, error);
      onStatus(layerId, 'error');
    },
  );
}
