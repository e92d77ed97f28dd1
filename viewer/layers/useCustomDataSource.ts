import { useEffect, useState } from 'react';
import { CustomDataSource } from 'cesium';
import { useCesium } from 'resium';

/** A data source of entities the layer draws itself, added to the globe while `enabled` and removed with the layer. */
export function useCustomDataSource(name: string, enabled = true): CustomDataSource | undefined {
  const { viewer } = useCesium();
  const [source, setSource] = useState<CustomDataSource>();
  useEffect(() => {
    if (!viewer || !enabled) return;
    const created = new CustomDataSource(name);
    void viewer.dataSources.add(created);
    setSource(created);
    return () => {
      setSource(undefined);
      if (!viewer.isDestroyed()) viewer.dataSources.remove(created, true);
    };
  }, [viewer, name, enabled]);
  return source;
}
