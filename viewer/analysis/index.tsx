import './analysis.css';
import { useCallback, useEffect, useState } from 'react';
import { useCesium } from 'resium';
import { ANALYSIS_KINDS, type Analysis, type AnalysisKind, type AnalysisRequest, type AnalysisSummary } from '../../layers/index.ts';
import { fetchAnalyses, fetchAnalysis, postAnalysis, postFloodIncidents } from '../api/client.ts';
import { problemMessage } from '../api/problemMessage.ts';
import { FloatingPanel } from '../app/FloatingPanel.tsx';
import { ProblemAlert } from '../app/ProblemAlert.tsx';
import { TokenPrompt } from '../auth/TokenPrompt.tsx';
import { useOperatorWrite } from '../auth/useOperatorWrite.ts';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useMeasureMode } from '../measure/context.tsx';
import { useMeasuredPoints } from '../measure/hooks.ts';
import type { MeasuredPoint } from '../measure/measurement.ts';
import { linkParam, setLinkParam } from '../url-state/linkParam.ts';
import { analysisHeadline } from './analysisHeadline.ts';
import { useAnalysisDrawing as useDrawingState } from './drawingContext.tsx';
import { ProfileChart } from './ProfileChart.tsx';
import { useAnalysisDrawing } from './useAnalysisDrawing.ts';

/** The link parameter of the analysis a link reopens (`?analysis=<id>`). */
export const ANALYSIS_PARAM = 'analysis';

const KIND_NAMES: Record<AnalysisKind, MessageKey> = {
  flood: 'analysisFlood',
  'line-of-sight': 'analysisLineOfSight',
  viewshed: 'analysisViewshed',
  profile: 'analysisProfile',
  'height-limit': 'analysisHeightLimit',
  excavation: 'analysisExcavation',
};

/** How each kind is drawn (an area, a line, two points or one, ended by a right click or not), and the hint that says so. */
const INPUT: Record<AnalysisKind, { mode: 'area' | 'distance'; points: number; ended: boolean; hint: MessageKey }> = {
  flood: { mode: 'area', points: 3, ended: true, hint: 'analysisDrawPolygon' },
  'height-limit': { mode: 'area', points: 3, ended: true, hint: 'analysisDrawPolygon' },
  profile: { mode: 'distance', points: 2, ended: true, hint: 'analysisDrawLine' },
  'line-of-sight': { mode: 'distance', points: 2, ended: false, hint: 'analysisDrawTwoPoints' },
  viewshed: { mode: 'distance', points: 1, ended: false, hint: 'analysisDrawObserver' },
  excavation: { mode: 'area', points: 3, ended: true, hint: 'analysisDrawPolygon' },
};

type Settings = {
  rise: number;
  waterLevel: number | undefined;
  fromHeight: number;
  toHeight: number;
  observerHeight: number;
  radius: number;
  limit: number;
  reference: 'ground' | 'elevation';
  depth: number;
  floorLevel: number | undefined;
};
const DEFAULTS: Settings = { rise: 5, waterLevel: undefined, fromHeight: 1.7, toHeight: 0, observerHeight: 30, radius: 2000, limit: 24, reference: 'ground', depth: 10, floorLevel: undefined };

/**
 * The analysis tools: draw the input on the ground, run it on the server (which keeps it), see
 * the result on the globe and in figures; kept analyses are listed and reopen by link.
 */
export function AnalysisPanel({ onClose }: { onClose: () => void }) {
  const { viewer } = useCesium();
  const { t } = useI18n();
  const { setMode: setMeasureMode } = useMeasureMode();
  const { setDrawing } = useDrawingState();
  const [kind, setKind] = useState<AnalysisKind>('flood');
  const [settings, setSettings] = useState(DEFAULTS);
  const [analysis, setAnalysis] = useState<Analysis>();
  const [saved, setSaved] = useState<AnalysisSummary[]>([]);
  const { token, remember, busy, problem, setProblem, write } = useOperatorWrite();
  const input = INPUT[kind];
  // Drawing starts anew when the kind changes; clicks place its points instead of picking objects.
  const [drawingKind, setDrawingKind] = useState<AnalysisKind | undefined>(kind);
  const { points, finished } = useMeasuredPoints(viewer, drawingKind === kind ? input.mode : undefined);
  useAnalysisDrawing(viewer, analysis);

  useEffect(() => {
    setMeasureMode(undefined);
    setDrawing(true);
    return () => setDrawing(false);
  }, [setDrawing, setMeasureMode]);

  // Once, for the link the page was opened with.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once on opening
  useEffect(() => {
    const id = linkParam(ANALYSIS_PARAM);
    if (!id) return;
    const controller = new AbortController();
    fetchAnalysis(id, controller.signal).then(
      (found) => (found ? show(found) : setProblem(t('analysisNotFound', { id }))),
      (error) => controller.signal.aborted || setProblem(problemMessage(error, t)),
    );
    return () => controller.abort();
  }, []);

  const loadSaved = useCallback((signal?: AbortSignal) => fetchAnalyses(signal).then(setSaved, () => undefined), []);
  useEffect(() => {
    const controller = new AbortController();
    void loadSaved(controller.signal);
    return () => controller.abort();
  }, [loadSaved]);

  const show = (next: Analysis) => {
    setAnalysis(next);
    setKind(next.kind);
    setDrawingKind(undefined);
    setLinkParam(ANALYSIS_PARAM, next.id);
  };
  const choose = (next: AnalysisKind) => {
    setKind(next);
    setDrawingKind(next);
    setAnalysis(undefined);
    setLinkParam(ANALYSIS_PARAM, undefined);
  };
  const ready = points.length >= input.points && (finished || !input.ended);
  const run = async () => {
    const request = requestOf(kind, points, settings);
    const answer = await write((key) => postAnalysis(request, key));
    if (!answer) return;
    show(answer);
    void loadSaved();
  };
  const number = (field: keyof Settings, label: MessageKey, optional = false) => (
    <label className="analysis-setting">
      {t(label)}
      <input
        type="number"
        className="panel-field"
        name={field}
        value={settings[field] ?? ''}
        onChange={(event) => setSettings({ ...settings, [field]: event.target.value === '' && optional ? undefined : Number(event.target.value) })}
      />
    </label>
  );

  return (
    <FloatingPanel
      className="analysis-panel"
      title={t('analysisTitle')}
      onClose={() => {
        setLinkParam(ANALYSIS_PARAM, undefined);
        onClose();
      }}
    >
      <div className="analysis-kinds" role="toolbar">
        {ANALYSIS_KINDS.map((candidate) => (
          <button key={candidate} type="button" data-kind={candidate} aria-pressed={candidate === kind} onClick={() => choose(candidate)}>
            {t(KIND_NAMES[candidate])}
          </button>
        ))}
      </div>
      {!analysis && (
        <div className="analysis-input" data-points={points.length} data-ready={ready}>
          <p className="analysis-hint">{t(input.hint)}</p>
          {kind === 'flood' && (
            <>
              {number('rise', 'analysisRise')}
              {number('waterLevel', 'analysisWaterLevel', true)}
            </>
          )}
          {kind === 'line-of-sight' && (
            <>
              {number('fromHeight', 'analysisFromHeight')}
              {number('toHeight', 'analysisToHeight')}
            </>
          )}
          {kind === 'viewshed' && (
            <>
              {number('observerHeight', 'analysisObserverHeight')}
              {number('radius', 'analysisRadius')}
            </>
          )}
          {kind === 'height-limit' && (
            <>
              {number('limit', 'analysisLimit')}
              <select className="panel-field" value={settings.reference} onChange={(event) => setSettings({ ...settings, reference: event.target.value as Settings['reference'] })}>
                <option value="ground">{t('analysisReferenceGround')}</option>
                <option value="elevation">{t('analysisReferenceElevation')}</option>
              </select>
            </>
          )}
          {kind === 'excavation' && (
            <>
              {number('depth', 'analysisDepth')}
              {number('floorLevel', 'analysisFloorLevel', true)}
            </>
          )}
          {token ? (
            <button type="button" className="panel-field analysis-run" disabled={!ready || busy} onClick={run}>
              {busy ? t('analysisRunning') : t('analysisRun')}
            </button>
          ) : (
            <TokenPrompt onToken={remember} />
          )}
        </div>
      )}
      <ProblemAlert problem={problem} />
      {analysis && <AnalysisResult analysis={analysis} onClear={() => choose(kind)} />}
      {analysis?.kind === 'flood' && analysis.result.buildings.length > 0 && token && <FloodIncidents id={analysis.id} write={write} busy={busy} />}
      <details className="analysis-saved">
        <summary>{t('analysisSaved')}</summary>
        {saved.length === 0 ? (
          <p>{t('analysisNoneSaved')}</p>
        ) : (
          <ul>
            {saved.map((entry) => (
              <li key={entry.id}>
                <button type="button" data-id={entry.id} onClick={() => fetchAnalysis(entry.id).then((found) => found && show(found), (error) => setProblem(problemMessage(error, t)))}>
                  {t(KIND_NAMES[entry.kind])} · {t('analysisBy', { who: entry.createdBy, when: new Date(entry.createdAt).toLocaleString() })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </details>
    </FloatingPanel>
  );
}

function AnalysisResult({ analysis, onClear }: { analysis: Analysis; onClear: () => void }) {
  const { t } = useI18n();
  return (
    <div className="analysis-result" data-analysis-id={analysis.id} data-kind={analysis.kind}>
      {analysisHeadline(analysis, t).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {analysis.kind === 'profile' && <ProfileChart result={analysis.result} />}
      {analysis.kind === 'height-limit' && (
        <ul className="analysis-list">
          {analysis.result.exceeding.slice(0, 10).map((building) => (
            <li key={building.oid}>{t('analysisExcess', { name: building.name || building.oid, excess: building.excess.toFixed(1) })}</li>
          ))}
        </ul>
      )}
      <button type="button" className="panel-field" onClick={onClear}>
        {t('analysisClear')}
      </button>
    </div>
  );
}

/** Turns a flood into incidents on the buildings standing in its water, at least a depth deep. */
function FloodIncidents({ id, write, busy }: { id: string; write: ReturnType<typeof useOperatorWrite>['write']; busy: boolean }) {
  const { t } = useI18n();
  const [minDepth, setMinDepth] = useState(0.5);
  const [raised, setRaised] = useState<number>();
  return (
    <div className="analysis-incidents">
      <label className="analysis-setting">
        {t('analysisMinDepth')}
        <input type="number" className="panel-field" step={0.5} min={0} value={minDepth} onChange={(event) => setMinDepth(Number(event.target.value))} />
      </label>
      <button
        type="button"
        className="panel-field analysis-raise"
        disabled={busy || raised !== undefined}
        onClick={async () => {
          const answer = await write((token) => postFloodIncidents(id, minDepth, token));
          if (answer) setRaised(answer.incidents);
        }}
      >
        {t('analysisRaiseIncidents')}
      </button>
      {raised !== undefined && <output>{t('analysisRaised', { count: raised })}</output>}
    </div>
  );
}

/** The request for the points drawn and the settings chosen. */
function requestOf(kind: AnalysisKind, points: MeasuredPoint[], settings: Settings): AnalysisRequest {
  const positions = points.map(({ lon, lat }) => [lon, lat] as [number, number]);
  const polygon = { type: 'Polygon' as const, coordinates: [[...positions, positions[0]!]] };
  switch (kind) {
    case 'flood':
      return { kind, params: { polygon, ...(settings.waterLevel === undefined ? { rise: settings.rise } : { waterLevel: settings.waterLevel }) } };
    case 'height-limit':
      return { kind, params: { polygon, limit: settings.limit, reference: settings.reference } };
    case 'profile':
      return { kind, params: { line: positions, samples: 200 } };
    case 'line-of-sight':
      return { kind, params: { from: positions[0]!, to: positions[1]!, fromHeight: settings.fromHeight, toHeight: settings.toHeight } };
    case 'viewshed':
      return { kind, params: { observer: positions[0]!, observerHeight: settings.observerHeight, targetHeight: 0, radius: settings.radius } };
    case 'excavation':
      return { kind, params: { polygon, ...(settings.floorLevel === undefined ? { depth: settings.depth } : { floorLevel: settings.floorLevel }) } };
  }
}
