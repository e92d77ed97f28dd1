import { Hono } from 'hono';
import { callerFor, pathAndQueryToken } from '../auth/authenticate.ts';
import type { TwinEnv } from '../auth/caller.ts';
import type { LayerFiles } from '../auth/layerFiles.ts';
import type { TokenRegistry } from '../auth/tokens.ts';
import { jsonError } from '../jsonError.ts';

/**
 * Whether the caller may read a data file, for a proxy in front (nginx `auth_request`) that serves
 * the file itself: the request the proxy received is named by `X-Original-URI`, its credentials
 * come with it (the Authorization header, or `access_token` in that URI). 204 when it may, 401
 * for credentials this server does not know, 403 otherwise, whether or not the file exists (the
 * proxy answers 403 as the twin does: not found).
 */
export function fileAccessRoutes(options: { layerFiles: LayerFiles; tokens: TokenRegistry }): Hono<TwinEnv> {
  const app = new Hono<TwinEnv>();
  app.get('/access', (c) => {
    const original = c.req.header('X-Original-URI');
    if (!original?.startsWith('/data/')) return jsonError(c, 400, 'invalid_parameter', 'Header "X-Original-URI" must name a path under /data/');
    const { path, queryToken } = pathAndQueryToken(original);
    const credentials = callerFor(c.req.header('Authorization'), queryToken, options.tokens);
    if ('problem' in credentials) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return jsonError(c, 401, 'invalid_token', credentials.problem);
    }
    const level = options.layerFiles.accessFor(path, credentials.caller.role);
    return c.body(null, level ? 204 : 403);
  });
  return app;
}
