import { type ReactNode, createContext, useContext } from 'react';
import { type IncidentFeed, useIncidentFeed } from './hooks.ts';

const IncidentFeedContext = createContext<IncidentFeed | undefined>(undefined);

/** One live incident feed for the board and the map layers; off when the catalog has no incidents layer. */
export function IncidentFeedProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const feed = useIncidentFeed(enabled);
  return <IncidentFeedContext.Provider value={enabled ? feed : undefined}>{children}</IncidentFeedContext.Provider>;
}

/** The live incident feed, or undefined when this user's catalog has no incidents. */
export function useIncidentFeedContext(): IncidentFeed | undefined {
  return useContext(IncidentFeedContext);
}
