import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';

interface HeatValue {
  /** Whether incidents are also drawn as a heat layer of their hot spots. */
  heat: boolean;
  setHeat: (heat: boolean) => void;
}

const HeatContext = createContext<HeatValue>({ heat: false, setHeat: () => undefined });

/** Whether the incidents' hot spots show as a heat layer: toggled on the board, on from the start on the wall. */
export function IncidentHeatProvider({ initial, children }: { initial: boolean; children: ReactNode }) {
  const [heat, setHeat] = useState(initial);
  const value = useMemo(() => ({ heat, setHeat }), [heat]);
  return <HeatContext.Provider value={value}>{children}</HeatContext.Provider>;
}

export function useIncidentHeat(): HeatValue {
  return useContext(HeatContext);
}
