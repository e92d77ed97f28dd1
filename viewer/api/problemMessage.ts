import type { MessageKey } from '../i18n/messages.ts';
import { ApiError } from './client.ts';

/** What the user is told about a failed request, in the interface's language where the cause is known: a refused token, a server out of reach. */
export function problemMessage(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('tokenInvalid');
    if (error.status === 403) return t('tokenNotAllowed');
    if (error.status === 'offline') return t('serverUnreachable');
  }
  // The server's own words (a field named in a 400, say).
  return error instanceof Error ? error.message : String(error);
}
