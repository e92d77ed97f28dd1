import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';

interface DrawingValue {
  /** Whether an analysis is being drawn: clicks then place its points instead of picking objects. */
  drawing: boolean;
  setDrawing: (drawing: boolean) => void;
}

const DrawingContext = createContext<DrawingValue>({ drawing: false, setDrawing: () => undefined });

export function AnalysisDrawingProvider({ children }: { children: ReactNode }) {
  const [drawing, setDrawing] = useState(false);
  const value = useMemo(() => ({ drawing, setDrawing }), [drawing]);
  return <DrawingContext.Provider value={value}>{children}</DrawingContext.Provider>;
}

export function useAnalysisDrawing(): DrawingValue {
  return useContext(DrawingContext);
}
