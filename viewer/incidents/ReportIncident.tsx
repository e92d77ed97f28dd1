import './incidents.css';
import { useState } from 'react';
import type { Incident, NewIncidentReport } from '../../layers/index.ts';
import { postIncident } from '../api/client.ts';
import { TokenPrompt } from '../auth/TokenPrompt.tsx';
import { useOperatorWrite } from '../auth/useOperatorWrite.ts';
import { ProblemAlert } from '../app/ProblemAlert.tsx';
import { useI18n } from '../i18n/index.tsx';
import { inLanguage, incidentTypesInEnglish } from '../i18n/messages.ts';

/** The types an operator reports by hand; monitoring alarms are raised by the server's alarm rule. */
const REPORTED_TYPES = Object.keys(incidentTypesInEnglish).filter((type) => type !== '监测告警');

/** Where the incident is: the object it concerns, the spot clicked, or both. */
export type IncidentPlace = Pick<NewIncidentReport, 'oid' | 'lon' | 'lat'>;

/**
 * Reports an incident at the object or spot the user picked, as the operator (whose token is
 * asked for once per session); the server binds it to the object and announces it to every viewer.
 */
export function ReportIncident({ place, floors, onReported }: { place: IncidentPlace; floors?: number; onReported: (incident: Incident) => void }) {
  const { t, language } = useI18n();
  const { token, remember, busy, problem, setProblem, write } = useOperatorWrite();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState(REPORTED_TYPES[0]!);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [floor, setFloor] = useState('');
  if (!open) {
    return (
      <button type="button" className="report-incident-open panel-field" onClick={() => setOpen(true)}>
        {t('reportIncident')}
      </button>
    );
  }
  if (!token) return <TokenPrompt onToken={remember} />;
  const submit = async () => {
    if (!title.trim()) return setProblem(t('needsTitle'));
    const report: NewIncidentReport = { ...place, type, title: title.trim() };
    if (description.trim()) report.description = description.trim();
    if (floor) report.floor = Number(floor);
    const incident = await write((token) => postIncident(report, token));
    if (!incident) return;
    setOpen(false);
    setTitle('');
    setDescription('');
    onReported(incident);
  };
  return (
    <form
      className="report-incident"
      aria-label={t('reportIncident')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{t('reportIncident')}</h3>
      <select aria-label={t('incidentType')} value={type} onChange={(e) => setType(e.target.value)}>
        {REPORTED_TYPES.map((choice) => (
          <option key={choice} value={choice}>
            {inLanguage(incidentTypesInEnglish, choice, language)}
          </option>
        ))}
      </select>
      <input aria-label={t('incidentTitle')} placeholder={t('incidentTitle')} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <textarea aria-label={t('incidentDescription')} placeholder={t('incidentDescription')} maxLength={2000} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      {floors !== undefined && floors > 0 && (
        <select aria-label={t('floor')} value={floor} onChange={(e) => setFloor(e.target.value)}>
          <option value="">{t('wholeBuilding')}</option>
          {Array.from({ length: floors }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t('floorNumber', { floor: n })}
            </option>
          ))}
        </select>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {t('report')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
      <ProblemAlert problem={problem} />
    </form>
  );
}
