import { type Catalog, parseCatalog } from '../../layers/index.ts';

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

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('offline', `Cannot reach the twin server (${path})`);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? `${path} answered ${response.status}`);
  return body;
}

/** The layer catalog as the server lets this user see it, checked against the shared schema. */
export async function fetchCatalog(signal?: AbortSignal): Promise<Catalog> {
  return parseCatalog(await getJson('/api/layers', signal), '/api/layers');
}
