import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { operatorToken, rememberOperatorToken } from './operatorToken.ts';

/** The operator token of this tab, with ways to set it and to forget it when the server refuses it. */
export function useOperatorToken() {
  const [token, setToken] = useState(operatorToken);
  const remember = useCallback((next: string | undefined) => {
    rememberOperatorToken(next);
    setToken(next);
  }, []);
  return { token, remember };
}

/** Asks once per session for the operator token that writes need. */
export function TokenPrompt({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  return (
    <form
      className="token-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed.trim()) onToken(typed.trim());
      }}
    >
      <input className="panel-field" type="password" aria-label={t('operatorToken')} placeholder={t('operatorToken')} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <button type="submit" className="panel-field">
        {t('signIn')}
      </button>
    </form>
  );
}

/** Whether a failed write was refused for its token (which should then be asked for again). */
export function refusedToken(error: unknown): boolean {
  return error instanceof Error && 'status' in error && (error.status === 401 || error.status === 403);
}
