import type { IncomingMessage, ServerResponse } from 'node:http';
import { callerFor, pathAndQueryToken } from './auth/authenticate.ts';
import { type LayerFiles, NOT_PUBLISHED, fileOptionsFor } from './auth/layerFiles.ts';
import type { TokenRegistry } from './auth/tokens.ts';
import type { FileAnswer, FileRequest, ServeFileOptions } from './files/fileAnswer.ts';
import type { FileAnswerer } from './routes/files.ts';

const PREFIX = '/data/';

/**
 * The data files' fast lane: GET and HEAD under `/data/` answered on Node's own request and
 * response, before Hono. Building a WHATWG Request and Response per tile costs about twice
 * what answering it does (docs/adr/0003); this lane makes the same decisions as the Hono
 * routes (same credentials, same layer check, same file answer) without them. Says whether it
 * took the request.
 */
export function dataLane(options: {
  tokens: TokenRegistry;
  layerFiles: LayerFiles;
  answer: FileAnswerer;
  fileOptions: ServeFileOptions;
}): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(PREFIX) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const { path, queryToken } = pathAndQueryToken(url);
    const credentials = callerFor(req.headers.authorization, queryToken, options.tokens);
    if ('problem' in credentials) {
      writeError(res, 401, 'invalid_token', credentials.problem, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      return true;
    }
    const level = options.layerFiles.accessFor(path, credentials.caller.role);
    if (!level) {
      writeError(res, 404, 'not_found', NOT_PUBLISHED(path));
      return true;
    }
    const request: FileRequest = { method: req.method, header: (name) => headerOf(req, name) };
    try {
      const answer = options.answer(request, path.slice(PREFIX.length), fileOptionsFor(options.fileOptions, level));
      if (answer instanceof Promise) answer.then((ready) => writeAnswer(res, ready), (error: unknown) => writeFailure(res, error));
      else writeAnswer(res, answer);
    } catch (error) {
      writeFailure(res, error);
    }
    return true;
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function writeAnswer(res: ServerResponse, answer: FileAnswer): void {
  if (answer.error) {
    writeError(res, answer.status, answer.error.code, answer.error.message);
    return;
  }
  res.writeHead(answer.status, answer.headers);
  if (typeof answer.body === 'function') answer.body().pipe(res);
  else res.end(answer.body ?? undefined);
}

function writeFailure(res: ServerResponse, error: unknown): void {
  console.error(error);
  writeError(res, 500, 'internal_error', 'The server failed to answer this request');
}

function writeError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
