import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';

export type MeasureMode = 'distance' | 'area';

interface MeasureValue {
  mode: MeasureMode | undefined;
  setMode: (mode: MeasureMode | undefined) => void;
}

const MeasureContext = createContext<MeasureValue>({ mode: undefined, setMode: () => undefined });

/** Whether the user is measuring: clicks then place measuring points instead of picking objects. */
export function MeasureProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<MeasureMode>();
  const value = useMemo(() => ({ mode, setMode }), [mode]);
  return <MeasureContext.Provider value={value}>{children}</MeasureContext.Provider>;
}

export function useMeasureMode(): MeasureValue {
  return useContext(MeasureContext);
}
