import { useEffect } from 'react';
import type { Viewer } from 'cesium';
import { metresBetween } from '../../layers/index.ts';
import { flyToGround } from '../globe/flyToGround.ts';
import { useSelection } from './index.tsx';

/** Flies the camera to each new selection, looking down on it obliquely from the south. */
export function useFlyToSelection(viewer: Viewer | undefined): void {
  const { selected } = useSelection();
  useEffect(() => {
    if (!viewer || !selected || selected.fly === false) return;
    const radius = selected.bbox ? metresBetween([selected.bbox[0], selected.bbox[1]], [selected.bbox[2], selected.bbox[3]]) / 2 : 0;
    return flyToGround(viewer, selected.lon, selected.lat, radius, -35);
  }, [viewer, selected]);
}
