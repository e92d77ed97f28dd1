import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Caller } from './caller.ts';

const TokenEntry = z
  .object({
    name: z.string().min(1).max(64).describe('Who holds the token; written to the audit log'),
    role: z.enum(['viewer', 'operator', 'admin']),
    token: z.string().min(16, 'must be at least 16 characters').max(256),
  })
  .strict();
const TokensFile = z.object({ tokens: z.array(TokenEntry) }).strict();

export const TOKENS_HELP =
  'No API tokens are configured: the twin is read-only and shows its public layers. To allow writes and internal layers, ' +
  'list tokens in <data folder>/tokens.json (or the file named by TOKENS_FILE) as {"tokens":[{"name":"duty-room","role":"operator","token":"<16+ characters>"}]}, ' +
  'or set TWIN_TOKENS=name:role:token[,name:role:token…]; roles are viewer, operator and admin.';

/** The API tokens the server accepts, looked up by their SHA-256 so no token string is compared by hand. */
export class TokenRegistry {
  private readonly byDigest = new Map<string, Caller>();

  constructor(entries: z.infer<typeof TokenEntry>[]) {
    for (const entry of entries) this.byDigest.set(digest(entry.token), { name: entry.name, role: entry.role });
  }

  get size(): number {
    return this.byDigest.size;
  }

  lookup(token: string): Caller | undefined {
    return this.byDigest.get(digest(token));
  }
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Tokens from the tokens file (TOKENS_FILE, else `tokens.json` in the data folder, when present)
 * and from TWIN_TOKENS. A malformed entry stops the server with a message naming it.
 */
export function readTokens(env: NodeJS.ProcessEnv, dataDir: string): TokenRegistry {
  const entries: z.infer<typeof TokenEntry>[] = [];
  const file = env.TOKENS_FILE ?? join(dataDir, 'tokens.json');
  if (env.TOKENS_FILE || existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Tokens file ${file} cannot be read as JSON: ${error instanceof Error ? error.message : error}`);
    }
    const parsed = TokensFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`Tokens file ${file}, field "${issue.path.join('.')}": ${issue.message}`);
    }
    entries.push(...parsed.data.tokens);
  }
  (env.TWIN_TOKENS ?? '')
    .split(',')
    .filter((item) => item.trim() !== '')
    .forEach((item, index) => {
      const [name, role, ...rest] = item.trim().split(':');
      const parsed = TokenEntry.safeParse({ name, role, token: rest.join(':') });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`TWIN_TOKENS entry ${index + 1} ("${name ?? ''}:…"), field "${issue.path.join('.')}": ${issue.message}; expected name:role:token`);
      }
      entries.push(parsed.data);
    });
  return new TokenRegistry(entries);
}
