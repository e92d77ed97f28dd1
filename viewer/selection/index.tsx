import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';
import type { BoundObject } from '../../layers/index.ts';

/** What the user asked to look at: a place, and the object there when it has one. */
export interface SelectionTarget {
  oid: string | null;
  lon: number;
  lat: number;
  floor: number | null;
  /** The incident the selection came from, when it came from the board. */
  incidentId?: string;
  /** False when the user picked it on screen: it is already in view. */
  fly?: boolean;
  /** [west, south, east, north] of the object, to frame all of it. */
  bbox?: [number, number, number, number];
  /** The user asked what it is (a search hit): the info panel opens on it, as on a click. */
  inspect?: boolean;
  /** The object itself, when whoever selected it already has it from the server. */
  object?: BoundObject;
}

interface SelectionValue {
  selected: SelectionTarget | undefined;
  select: (target: SelectionTarget | undefined) => void;
}

const SelectionContext = createContext<SelectionValue>({ selected: undefined, select: () => undefined });

/** Shares the selection between the panels that set it and the globe that flies to and highlights it. */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const [selected, select] = useState<SelectionTarget>();
  const value = useMemo(() => ({ selected, select }), [selected]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): SelectionValue {
  return useContext(SelectionContext);
}
