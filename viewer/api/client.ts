import {
  type Analysis,
  type AnalysisRequest,
  type AnalysisSummary,
  type BoundObject,
  type Catalog,
  type DashboardFigures,
  type Incident,
  type IncidentStep,
  type IncidentStepRequest,
  type MonitoringPoint,
  type NewIncidentReport,
  type RecordTableEntry,
  type Scene,
  type SearchHit,
  type Storyboard,
  type StoryboardEntry,
  parseCatalog,
} from '../../layers/index.ts';
import { reportReachable } from './reachability.ts';

/** A failed call to the twin server, with a message fit to show to the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number | 'offline',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Health, asked while the server is out of reach to see it come back. */
export async function checkServer(): Promise<void> {
  await getJson('/api/health');
}

async function getJson(path: string, signal?: AbortSignal, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { signal, ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (signal?.aborted) throw error;
    reportReachable(false);
    throw new ApiError('offline', 'The twin server cannot be reached');
  }
  reportReachable(true);
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? `${path} answered ${response.status}`);
  return body;
}

/** The layer catalog as the server lets this user see it, checked against the shared schema. */
export async function fetchCatalog(signal?: AbortSignal): Promise<Catalog> {
  return parseCatalog(await getJson('/api/layers', signal), '/api/layers');
}

/** The newest incidents (the live stream brings later ones), or each as it stood at an instant. */
export async function fetchIncidents(signal?: AbortSignal, asOf?: string): Promise<Incident[]> {
  const at = asOf ? `&asOf=${encodeURIComponent(asOf)}` : '';
  return ((await getJson(`/api/incidents?limit=500${at}`, signal)) as { incidents: Incident[] }).incidents;
}

export async function fetchMonitoringPoints(signal?: AbortSignal): Promise<MonitoringPoint[]> {
  return ((await getJson('/api/monitoring/points', signal)) as { points: MonitoringPoint[] }).points;
}

/** The data API's records as SQL tables, those this user may read (their rows come as Arrow from each one's address). */
export async function fetchRecordTables(signal?: AbortSignal): Promise<RecordTableEntry[]> {
  return ((await getJson('/api/records', signal)) as { tables: RecordTableEntry[] }).tables;
}

const objectsInFlight = new Map<string, Promise<BoundObject>>();

/**
 * An object with every record bound to it. A selection asks for its object from two places at
 * once (the info panel and the outline on the globe): callers asking while a request for the
 * same object is under way share it. The request itself is not aborted; a caller that no longer
 * wants the answer ignores it.
 */
export function fetchObject(oid: string): Promise<BoundObject> {
  let request = objectsInFlight.get(oid);
  if (!request) {
    request = getJson(`/api/objects/${encodeURIComponent(oid)}`).then((body) => body as BoundObject);
    objectsInFlight.set(oid, request);
    void request.finally(() => objectsInFlight.delete(oid)).catch(() => undefined);
  }
  return request;
}

/** The smallest object at a position (a building, else a parcel, else an administrative area), or undefined. */
export async function fetchObjectAt(lon: number, lat: number, signal?: AbortSignal): Promise<BoundObject | undefined> {
  // The server answers 204, no body, when nothing is there.
  return (await getJson(`/api/objects?at=${lon},${lat}`, signal)) as BoundObject | undefined;
}

/** An incident with every step it took. */
export async function fetchIncident(id: string, signal?: AbortSignal): Promise<Incident & { steps: IncidentStep[] }> {
  return (await getJson(`/api/incidents/${encodeURIComponent(id)}`, signal)) as Incident & { steps: IncidentStep[] };
}

/** Monitoring points and cameras within `radius` metres, nearest first. */
export async function fetchPointsNear(lon: number, lat: number, radius: number, signal?: AbortSignal): Promise<(MonitoringPoint & { distance: number })[]> {
  return ((await getJson(`/api/monitoring/points?near=${lon},${lat}&radius=${radius}`, signal)) as { points: (MonitoringPoint & { distance: number })[] }).points;
}

/** A write as the holder of `token`, with a JSON body. */
function sendJson(method: 'POST' | 'PUT', path: string, body: unknown, token: string): Promise<unknown> {
  return getJson(path, undefined, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** Reports a new incident, as the holder of `token`: where it is, by position or by the object it concerns. */
export async function postIncident(report: NewIncidentReport, token: string): Promise<Incident> {
  return (await sendJson('POST', '/api/incidents', report, token)) as Incident;
}

/** Moves an incident one step on, as the holder of `token`. */
export async function postIncidentStep(id: string, step: IncidentStepRequest, token: string): Promise<Incident> {
  return (await sendJson('POST', `/api/incidents/${encodeURIComponent(id)}/steps`, step, token)) as Incident;
}

/** The catalog's storyboards and those saved on the server. */
export async function fetchStoryboards(signal?: AbortSignal): Promise<StoryboardEntry[]> {
  return ((await getJson('/api/storyboards', signal)) as { storyboards: StoryboardEntry[] }).storyboards;
}

/** A storyboard, or null when there is none of that id (for this caller). */
export async function fetchStoryboard(id: string, signal?: AbortSignal): Promise<StoryboardEntry | null> {
  return (await getJsonOrNull(`/api/storyboards/${encodeURIComponent(id)}`, signal)) as StoryboardEntry | null;
}

/** What `path` answers, or null when it answers 404. */
async function getJsonOrNull(path: string, signal?: AbortSignal): Promise<unknown> {
  try {
    return await getJson(path, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Creates (or replaces) a saved storyboard. */
export async function saveStoryboard({ id, ...storyboard }: Storyboard, token: string): Promise<StoryboardEntry> {
  return (await sendJson('PUT', `/api/storyboards/${encodeURIComponent(id)}`, storyboard, token)) as StoryboardEntry;
}

/** Appends a scene to a saved storyboard. */
export async function addScene(id: string, scene: Scene, token: string): Promise<StoryboardEntry> {
  return (await sendJson('POST', `/api/storyboards/${encodeURIComponent(id)}/scenes`, scene, token)) as StoryboardEntry;
}

/** The big-screen dashboard's figures, as far as this user may read them: for the county or one township, now or as they stood at an instant. */
export async function fetchDashboard(township: string | undefined, signal?: AbortSignal, asOf?: string): Promise<DashboardFigures> {
  const query = new URLSearchParams({ ...(township === undefined ? {} : { township }), ...(asOf === undefined ? {} : { asOf }) }).toString();
  return (await getJson(`/api/dashboard${query ? `?${query}` : ''}`, signal)) as DashboardFigures;
}


/** Resource codes, parcel and object ids, townships, villages, addresses and building names matching `query`. */
export async function search(query: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return ((await getJson(`/api/search?q=${encodeURIComponent(query)}&limit=12`, signal)) as { hits: SearchHit[] }).hits;
}

/** Runs an analysis on the server, as the holder of `token`; the server keeps it and answers with its id. */
export async function postAnalysis(request: AnalysisRequest, token: string): Promise<Analysis> {
  return (await sendJson('POST', '/api/analyses', request, token)) as Analysis;
}

/** A kept analysis, or null when there is none of that id (for this caller). */
export async function fetchAnalysis(id: string, signal?: AbortSignal): Promise<Analysis | null> {
  return (await getJsonOrNull(`/api/analyses/${encodeURIComponent(id)}`, signal)) as Analysis | null;
}

/** The newest kept analyses this caller may read. */
export async function fetchAnalyses(signal?: AbortSignal): Promise<AnalysisSummary[]> {
  return ((await getJson('/api/analyses?limit=50', signal)) as { analyses: AnalysisSummary[] }).analyses;
}

/** Raises an incident on each building standing at least `minDepth` metres deep in a kept flood, as the holder of `token`. */
export async function postFloodIncidents(id: string, minDepth: number, token: string): Promise<{ incidents: number }> {
  return (await sendJson('POST', `/api/analyses/${encodeURIComponent(id)}/incidents`, { minDepth }, token)) as { incidents: number };
}
