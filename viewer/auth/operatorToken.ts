const KEY = 'wuyi-twin-token';

/** The API token an operator typed in this tab; kept for the session only, never in the URL. */
export function operatorToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function rememberOperatorToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
