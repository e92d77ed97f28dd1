import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKENS, createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let server: Awaited<ReturnType<typeof t.listen>>;
beforeAll(async () => {
  t = await createTestApp({ maxBodyBytes: 64 * 1024 });
  server = await t.listen();
});
afterAll(async () => {
  await server.close();
  await t.close();
});

/** A request on a real socket, its body sent in `chunks` (chunked, with no Content-Length) or not at all. */
function send(method: string, path: string, chunks?: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${TEST_TOKENS.operator}` };
    if (chunks) headers['Content-Type'] = 'application/json';
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks ?? []) req.write(chunk);
    req.end();
  });
}

const incident = JSON.stringify({ type: '道路积水', title: '解放街积水', lon: 119.81225, lat: 28.81225 });

describe('request bodies on a real socket', () => {
  it('answers a DELETE with no body and no Content-Length by its route, not with a server error', async () => {
    const deleted = await send('DELETE', '/api/storyboards/nothing-here');
    expect(deleted.status).toBe(404);
    expect(JSON.parse(deleted.body)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('reads a chunked body with no Content-Length', async () => {
    const created = await send('POST', '/api/incidents', [incident.slice(0, 20), incident.slice(20)]);
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ title: '解放街积水' });
  });

  it('refuses a chunked body once it passes the limit, and stores nothing', async () => {
    const before = (await t.store.incidents({ limit: 1, offset: 0 })).total;
    const padded = JSON.stringify({ ...JSON.parse(incident), description: '长'.repeat(30_000) });
    const refused = await send('POST', '/api/incidents', padded.match(/.{1,8192}/gsu)!);
    expect(refused.status).toBe(413);
    expect((await t.store.incidents({ limit: 1, offset: 0 })).total).toBe(before);
  });

  it('answers a POST with no body as a bad request naming the body', async () => {
    const empty = await send('POST', '/api/incidents');
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body).error.message).toMatch(/must be JSON/);
  });
});
