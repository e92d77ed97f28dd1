import { useEffect, useMemo, useState } from 'react';
import { formatTime, useI18n } from '../i18n/index.tsx';
import { inLanguage, incidentTypesInEnglish } from '../i18n/messages.ts';
import { useIncidentFeedContext } from '../incidents/context.tsx';
import { STATUS_COLORS } from '../incidents/statusColors.ts';

/** How many of the newest incidents take turns, and how long each is shown. */
const LATEST = 5;
const TURN_MS = 6000;

/**
 * The wall's live line: the newest incidents, alarms among them (an alarm raises an incident),
 * one at a time; one just reported is shown at once and its turn starts afresh.
 */
export function IncidentTicker() {
  const { t, language } = useI18n();
  const feed = useIncidentFeedContext();
  // The feed keeps its incidents newest first.
  const latest = useMemo(() => (feed?.incidents ?? []).slice(0, LATEST), [feed?.incidents]);
  const newest = latest[0]?.id;
  const [turn, setTurn] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new newest incident starts the turns afresh, from itself.
  useEffect(() => {
    setTurn(0);
    const timer = setInterval(() => setTurn((n) => n + 1), TURN_MS);
    return () => clearInterval(timer);
  }, [newest]);
  const shown = latest[turn % Math.max(1, latest.length)];
  if (!shown) return null;
  return (
    <p className="incident-ticker" aria-live="polite" data-incident-id={shown.id}>
      <span className="ticker-live">{t('ticker.live')}</span>
      <span className="status-dot" style={{ background: STATUS_COLORS[shown.status] }} />
      <time dateTime={shown.reportedAt}>{formatTime(shown.reportedAt, language)}</time>
      <span className="ticker-type">{inLanguage(incidentTypesInEnglish, shown.type, language)}</span>
      <span className="ticker-title">{shown.title}</span>
    </p>
  );
}
