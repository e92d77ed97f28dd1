import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import { linkParam, setLinkParam } from '../url-state/linkParam.ts';

/** The link parameter of the instant a replay shows (`?asOf=2026-12-03T06:00:00.000Z`). */
export const AS_OF_PARAM = 'asOf';

interface ReplayValue {
  /** The instant the twin shows the records as they stood at (UTC ISO), or undefined for live. */
  asOf: string | undefined;
  setAsOf: (asOf: string | undefined) => void;
}

const ReplayContext = createContext<ReplayValue>({ asOf: undefined, setAsOf: () => undefined });

/** Whether the twin is live or replaying a moment past; the link keeps the moment. */
export function ReplayProvider({ children }: { children: ReactNode }) {
  const [asOf, setAsOfState] = useState(() => validInstant(linkParam(AS_OF_PARAM)));
  // Stable, so an effect that sets the moment does not run again because it did.
  const setAsOf = useCallback((next: string | undefined) => {
    setAsOfState(next);
    setLinkParam(AS_OF_PARAM, next);
  }, []);
  const value = useMemo(() => ({ asOf, setAsOf }), [asOf, setAsOf]);
  return <ReplayContext.Provider value={value}>{children}</ReplayContext.Provider>;
}

export function useReplay(): ReplayValue {
  return useContext(ReplayContext);
}

function validInstant(value: string | undefined): string | undefined {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
