import './incidents.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../../layers/index.ts';
import { formatTime, useI18n } from '../i18n/index.tsx';
import { useSelection } from '../selection/index.tsx';
import { useIncidentFeedContext } from './context.tsx';
import { useIncidentHeat } from './heatContext.tsx';
import { IncidentDetail } from './IncidentDetail.tsx';
import { NO_FILTER, countByStatus, filterChoices, filterIncidents } from './incidentFeed.ts';
import { STATUS_COLORS } from './statusColors.ts';
import { chimeWanted, playChime, rememberChime, resumeChimeOnFirstGesture } from './incidentChime.ts';
import { useAdminNames } from '../api/useAdminNames.ts';
import { CollapseToggle } from '../app/CollapseToggle.tsx';
import { inLanguage, incidentTypesInEnglish } from '../i18n/messages.ts';

/** New incidents alerted at once; a burst (a flood's buildings, say) shows the newest and counts the rest. */
const MAX_ALERTS = 3;

/** The commander's board: incidents live from the server, filtered by status, type and township. */
export function IncidentBoard() {
  const feed = useIncidentFeedContext();
  const { t, language } = useI18n();
  const { selected, select } = useSelection();
  const [filter, setFilter] = useState(NO_FILTER);
  const [collapsed, setCollapsed] = useState(false);
  const townships = useAdminNames(feed !== undefined);
  const shown = useMemo(() => (feed ? filterIncidents(feed.incidents, filter) : []), [feed, filter]);
  const [chime, setChime] = useState(chimeWanted);
  const { heat, setHeat } = useIncidentHeat();
  const unread = feed?.unread;
  const markRead = feed?.markRead;
  // The incident opened is read, whether it was opened before or after the stream told of it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of `unread` is the stream telling of it.
  useEffect(() => {
    if (selected?.incidentId) markRead?.([selected.incidentId]);
  }, [selected?.incidentId, unread, markRead]);
  // No chime for the incident open on the board (the one this tab has just reported, say).
  const unreadBefore = useRef(0);
  const openIncident = selected?.incidentId;
  useEffect(() => {
    const count = (unread?.size ?? 0) - (openIncident && unread?.has(openIncident) ? 1 : 0);
    if (chime && count > unreadBefore.current) playChime();
    unreadBefore.current = count;
  }, [unread, chime, openIncident]);
  useEffect(() => (chime ? resumeChimeOnFirstGesture() : undefined), [chime]);
  if (!feed) return null;
  const selectedIncident = feed.incidents.find((incident) => incident.id === selected?.incidentId);
  const counts = countByStatus(feed.incidents);
  const choices = filterChoices(feed.incidents);
  const toggleStatus = (status: IncidentStatus) => {
    const statuses = new Set(filter.statuses);
    if (!statuses.delete(status)) statuses.add(status);
    setFilter({ ...filter, statuses });
  };
  const flyTo = (incident: Incident) =>
    select({ oid: incident.binding.oid, lon: incident.lon, lat: incident.lat, floor: incident.floor, incidentId: incident.id });

  return (
    <aside className="incident-board" aria-label={t('incidents')} data-stream={feed.stream} data-collapsed={collapsed}>
      <header>
        <h2>{t('incidents')}</h2>
        {feed.replayAt ? (
          <span className="stream-state replay" data-replay-at={feed.replayAt}>
            {t('replayAt', { time: formatTime(feed.replayAt, language) })}
          </span>
        ) : (
          <span className={`stream-state ${feed.stream}`} title={t(`stream.${feed.stream}`)}>
            {t(`stream.${feed.stream}`)}
          </span>
        )}
        {feed.unread.size > 0 && (
          <button type="button" className="unread-count" title={t('markAllRead')} onClick={() => feed.markRead()}>
            {t('unread', { count: feed.unread.size })}
          </button>
        )}
        <button type="button" className="incident-heat" aria-pressed={heat} title={t('incidentHeat')} onClick={() => setHeat(!heat)}>
          {t('incidentHeatShort')}
        </button>
        <button
          type="button"
          className="incident-sound"
          aria-pressed={chime}
          aria-label={t('incidentSound')}
          title={t('incidentSound')}
          onClick={() => {
            rememberChime(!chime);
            setChime(!chime);
          }}
        >
          <BellIcon muted={!chime} />
        </button>
        <CollapseToggle collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)} />
      </header>
      {!collapsed && (
        <>
          {feed.error && (
            <p className="panel-error" role="alert">
              {t('incidentsFailed', { error: feed.error })}
            </p>
          )}
          {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, not a form's fieldset */}
          <div className="status-filter" role="group" aria-label={t('status')}>
            {INCIDENT_STATUSES.map((status) => (
              <button
                key={status}
                type="button"
                aria-pressed={filter.statuses.has(status)}
                style={{ borderColor: STATUS_COLORS[status] }}
                onClick={() => toggleStatus(status)}
              >
                {t(`status.${status}`)} <b>{counts[status]}</b>
              </button>
            ))}
          </div>
          <div className="select-filters">
            <select aria-label={t('incidentType')} value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.target.value })}>
              <option value="">{t('allTypes')}</option>
              {choices.types.map((type) => (
                <option key={type} value={type}>
                  {inLanguage(incidentTypesInEnglish, type, language)}
                </option>
              ))}
            </select>
            <select aria-label={t('township')} value={filter.township} onChange={(e) => setFilter({ ...filter, township: e.target.value })}>
              <option value="">{t('allTownships')}</option>
              {choices.townships.map((code) => (
                <option key={code} value={code}>
                  {townships.get(code) ?? code}
                </option>
              ))}
            </select>
          </div>
          {selectedIncident && <IncidentDetail incident={selectedIncident} onClose={() => select(undefined)} />}
          <ol className="incident-list">
            {shown.map((incident) => (
              <li key={incident.id} data-incident-id={incident.id} data-unread={feed.unread.has(incident.id)} aria-current={selected?.incidentId === incident.id}>
                <button type="button" onClick={() => flyTo(incident)}>
                  <span className="status-dot" style={{ background: STATUS_COLORS[incident.status] }} />
                  <span className="incident-title">{incident.title}</span>
                  <span className="incident-meta">
                    {t(`status.${incident.status}`)} · {inLanguage(incidentTypesInEnglish, incident.type, language)} · {formatTime(incident.reportedAt, language)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="incident-alerts" aria-live="assertive">
        {feed.alerts.slice(0, MAX_ALERTS).map((incident) => (
          <button key={incident.id} type="button" className="incident-alert" data-incident-id={incident.id} onClick={() => flyTo(incident)}>
            {t('newIncident', { title: incident.title })}
          </button>
        ))}
        {feed.alerts.length > MAX_ALERTS && <p className="incident-alert more-alerts">{t('moreNewIncidents', { count: feed.alerts.length - MAX_ALERTS })}</p>}
      </div>
    </aside>
  );
}

/** A bell, struck through while the chime is off (drawn here: no icon font, no emoji font needed). */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
