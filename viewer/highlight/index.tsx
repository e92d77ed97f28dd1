import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';

/** Objects to stand out in 3D, e.g. the rows of a SQL result: by oid, and positions to mark. */
export interface Highlight {
  /** Drawn by the layers that hold them (buildings take the highlight colour). */
  oids: ReadonlySet<string>;
  points: readonly [number, number][];
  /** Outer rings ([lon, lat] vertices) drawn as lines on the ground: areas no layer draws one by one (parcels). */
  outlines: readonly (readonly number[][])[];
  /** The colour (CSS) buildings take, when not the highlight's yellow: red for those over a height limit. */
  color?: string;
  /** [west, south, east, north] of it all, for the camera to frame; none when there is nothing to frame. */
  extent?: [number, number, number, number];
}

const NONE: Highlight = { oids: new Set(), points: [], outlines: [] };

const HighlightContext = createContext<{ highlight: Highlight; setHighlight: (highlight: Highlight | undefined) => void }>({
  highlight: NONE,
  setHighlight: () => undefined,
});

export function HighlightProvider({ children }: { children: ReactNode }) {
  const [highlight, setHighlightState] = useState<Highlight>(NONE);
  // Stable, so an effect that sets the highlight does not run again because it did.
  const setHighlight = useCallback((next: Highlight | undefined) => setHighlightState(next ?? NONE), []);
  const value = useMemo(() => ({ highlight, setHighlight }), [highlight, setHighlight]);
  return <HighlightContext.Provider value={value}>{children}</HighlightContext.Provider>;
}

export function useHighlight() {
  return useContext(HighlightContext);
}
