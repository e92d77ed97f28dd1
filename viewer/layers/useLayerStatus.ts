import { useCallback, useState } from 'react';
import type { LayerStatus } from './types.ts';

/** Each layer's loading status as its renderer reports it. */
export function useLayerStatus() {
  const [status, setStatus] = useState<Record<string, LayerStatus>>({});
  const report = useCallback((layerId: string, next: LayerStatus) => {
    setStatus((current) => (current[layerId] === next ? current : { ...current, [layerId]: next }));
  }, []);
  return { status, report };
}
