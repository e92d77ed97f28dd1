import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('control characters in the address', () => {
  it('refuses a NUL or a line break in the path or a query value with a 400 naming where it is, for a write too', async () => {
    for (const [method, path, where] of [
      ['GET', '/api/incidents/%00', 'path'],
      ['POST', '/api/incidents/inc%0A1/steps', 'path'],
      ['GET', '/api/incidents?type=%E9%81%93%00', '"type"'],
      ['GET', '/ogc/collections?f=%0D', '"f"'],
    ] as const) {
      const response = await t.call(method, path, { as: 'operator', ...(method === 'POST' ? { body: { to: '交办', assignee: 'x' } } : {}) });
      expect([path, response.status]).toEqual([path, 400]);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_parameter');
      expect(error.message).toContain(where);
    }
  });

  it('lets the same addresses through without the control character', async () => {
    expect((await t.call('GET', '/api/incidents/inc%3Anone')).status).toBe(404);
    expect((await t.call('GET', '/api/incidents?type=%E9%81%93')).status).toBe(200);
  });
});
