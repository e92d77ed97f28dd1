import { type ReactNode, createContext, useContext } from 'react';

/** Which classes of which thematic layers the user has hidden, and how to change that. */
export interface ClassFilter {
  hidden: (layerId: string) => ReadonlySet<string>;
  setShown: (layerId: string, value: string, shown: boolean) => void;
}

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();
const ClassFilterContext = createContext<ClassFilter>({ hidden: () => NOTHING_HIDDEN, setShown: () => undefined });

export function ClassFilterProvider({ filter, children }: { filter: ClassFilter; children: ReactNode }) {
  return <ClassFilterContext.Provider value={filter}>{children}</ClassFilterContext.Provider>;
}

/** The class filter; where no page offers one (a presentation), every class shows. */
export function useClassFilter(): ClassFilter {
  return useContext(ClassFilterContext);
}
