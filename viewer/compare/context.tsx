import { SplitDirection } from 'cesium';
import { type ReactNode, createContext, useContext } from 'react';

/** Two layers compared side by side: one left of the divider, one right. */
export interface Comparison {
  left: string;
  right: string;
}

const ComparisonContext = createContext<Comparison | undefined>(undefined);

export function ComparisonProvider({ comparison, children }: { comparison: Comparison | undefined; children: ReactNode }) {
  return <ComparisonContext.Provider value={comparison}>{children}</ComparisonContext.Provider>;
}

/** Which side of the divider a raster layer is drawn on: left, right, or both when it is not compared. */
export function useSplitDirection(layerId: string): SplitDirection {
  const comparison = useContext(ComparisonContext);
  if (comparison?.left === layerId) return SplitDirection.LEFT;
  if (comparison?.right === layerId) return SplitDirection.RIGHT;
  return SplitDirection.NONE;
}
