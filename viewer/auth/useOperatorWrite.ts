import { useState } from 'react';
import { problemMessage } from '../api/problemMessage.ts';
import { useI18n } from '../i18n/index.tsx';
import { refusedToken, useOperatorToken } from './TokenPrompt.tsx';

/**
 * Writes as the operator: the session's token, busy while a write runs, its failure as a message
 * for the user, and a token the server refused forgotten, so that it is asked for again.
 */
export function useOperatorWrite() {
  const { t } = useI18n();
  const { token, remember } = useOperatorToken();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  /** Sends with the token; the answer, or undefined when it failed (the problem is then set). */
  const write = async <T>(send: (token: string) => Promise<T>): Promise<T | undefined> => {
    if (!token) return undefined;
    setBusy(true);
    try {
      const answer = await send(token);
      setProblem(undefined);
      return answer;
    } catch (error) {
      setProblem(problemMessage(error, t));
      if (refusedToken(error)) remember(undefined);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { token, remember, busy, problem, setProblem, write };
}
