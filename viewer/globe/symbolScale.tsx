import { createContext, useContext, useEffect, useState } from 'react';

/** The width, in CSS pixels, of the desk screen the globe's dots and labels are sized for. */
const DESK_WIDTH = 1920;

const SymbolScaleContext = createContext(1);

/**
 * How much larger than on a desk screen the globe's dots and labels are drawn. A wall screen
 * running at 3840 CSS pixels is read from across a room: the presentation's type grows with the
 * screen's width, and the township names and incident dots on the globe grow with it.
 */
export const SymbolScaleProvider = SymbolScaleContext.Provider;

export function useSymbolScale(): number {
  return useContext(SymbolScaleContext);
}

/** One per 1920 CSS pixels of the window's width, never below 1; follows resizes. */
export function useWindowSymbolScale(): number {
  const [scale, setScale] = useState(() => symbolScaleFor(window.innerWidth));
  useEffect(() => {
    const onResize = () => setScale(symbolScaleFor(window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

export function symbolScaleFor(width: number): number {
  return Math.max(1, width / DESK_WIDTH);
}
