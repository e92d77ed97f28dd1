import type { ReactNode } from 'react';
import type { Catalog } from '../../layers/index.ts';
import { HighlightProvider } from '../highlight/index.tsx';
import { I18nProvider, type Language } from '../i18n/index.tsx';
import { IncidentFeedProvider } from '../incidents/context.tsx';
import { IncidentHeatProvider } from '../incidents/heatContext.tsx';
import { ReplayProvider } from '../replay/context.tsx';
import { SelectionProvider } from '../selection/index.tsx';

/** What every page of the twin shares: the language, the selection, highlights, the moment shown (live or replayed), the incident feed and its heat layer (`heat`: on from the start). */
export function TwinProviders({ language, catalog, heat = false, children }: { language: Language; catalog: Catalog | undefined; heat?: boolean; children: ReactNode }) {
  const hasIncidents = catalog?.layers.some((layer) => layer.kind === 'incidents') ?? false;
  return (
    <I18nProvider language={language}>
      <SelectionProvider>
        <HighlightProvider>
          <ReplayProvider>
            <IncidentFeedProvider enabled={hasIncidents}>
              <IncidentHeatProvider initial={heat}>{children}</IncidentHeatProvider>
            </IncidentFeedProvider>
          </ReplayProvider>
        </HighlightProvider>
      </SelectionProvider>
    </I18nProvider>
  );
}
