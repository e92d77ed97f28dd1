import { useState } from 'react';
import { type Incident, type IncidentStatus, type IncidentStepRequest, allowedNext, transitionProblem } from '../../layers/index.ts';
import { postIncidentStep } from '../api/client.ts';
import { TokenPrompt } from '../auth/TokenPrompt.tsx';
import { useOperatorWrite } from '../auth/useOperatorWrite.ts';
import { ProblemAlert } from '../app/ProblemAlert.tsx';
import { formatTime, useI18n } from '../i18n/index.tsx';
import { STATUS_COLORS } from './statusColors.ts';
import { NEARBY_METRES, useIncidentDetail } from './useIncidentDetail.ts';
import { inLanguage, incidentTypesInEnglish } from '../i18n/messages.ts';

/** The selected incident: its steps, the cameras and monitoring points near it, and the next steps an operator may take. */
export function IncidentDetail({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t, language } = useI18n();
  const detail = useIncidentDetail(incident);
  return (
    <section className="incident-detail" data-incident-id={incident.id} aria-label={incident.title}>
      <header>
        <h3>{incident.title}</h3>
        <button type="button" onClick={onClose} aria-label={t('close')} title={t('close')}>
          ×
        </button>
      </header>
      <p className="muted">
        <span className="status-dot" style={{ background: STATUS_COLORS[incident.status] }} /> {t(`status.${incident.status}`)} · {inLanguage(incidentTypesInEnglish, incident.type, language)}
        {incident.floor !== null && ` · ${t('floorNumber', { floor: incident.floor })}`}
        {incident.assignee && ` · ${incident.assignee}`}
      </p>
      {detail.error && <p className="panel-error">{detail.error}</p>}
      {detail.incident && (
        <ol className="timeline steps">
          {detail.incident.steps.map((step, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are only ever appended, so a step's place is its identity
            <li key={i}>
              <b>{t(`status.${step.status}`)}</b> <span className="muted">{formatTime(step.at, language)}</span>
              <div className="muted">
                {step.actor}
                {step.assignee && ` → ${step.assignee}`}
                {step.note && t('stepNote', { note: step.note })}
              </div>
            </li>
          ))}
        </ol>
      )}
      <h4>{t('nearby', { metres: NEARBY_METRES })}</h4>
      <ul className="nearby-points">
        {detail.nearby.length === 0 && <li className="muted">{t('noneNearby')}</li>}
        {detail.nearby.map((point) => (
          <li key={point.id} data-point-id={point.id}>
            {point.name} <span className="muted">{point.distance} m</span>
            {point.latest && (
              <span className="muted">
                {' '}
                · {point.latest.value}
                {point.unit}
              </span>
            )}
            {point.alarm && <span className="alarm"> {t('alarm')}</span>}
          </li>
        ))}
      </ul>
      <StepActions incident={incident} />
    </section>
  );
}

/** Buttons for the steps the workflow allows next; an operator token is asked for once per session. */
function StepActions({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { token, remember, busy, problem, setProblem, write } = useOperatorWrite();
  const [detailText, setDetailText] = useState('');
  const next = allowedNext(incident.status);
  if (next.length === 0) return null;
  if (!token) {
    return (
      <div className="step-actions">
        <TokenPrompt onToken={remember} />
      </div>
    );
  }
  const take = async (to: IncidentStatus) => {
    const text = detailText.trim();
    const step: IncidentStepRequest = { to };
    if (to === '交办') step.assignee = text;
    else if (text) step.note = text;
    const local = transitionProblem(incident.status, to, step);
    if (local) return setProblem(t(to === '交办' ? 'needsAssignee' : 'needsNote'));
    if (await write((token) => postIncidentStep(incident.id, step, token))) setDetailText('');
  };
  return (
    <div className="step-actions">
      <input aria-label={t('assigneeOrNote')} placeholder={t('assigneeOrNote')} value={detailText} onChange={(e) => setDetailText(e.target.value)} />
      <div>
        {next.map((to) => (
          <button key={to} type="button" disabled={busy} data-step={to} onClick={() => void take(to)}>
            {t(`action.${to}`)}
          </button>
        ))}
      </div>
      <ProblemAlert problem={problem} />
    </div>
  );
}
