import type { Params, SqlValue } from '../sql/sqlEngine.ts';

interface Positional {
  text: string;
  names: string[];
}

const translated = new Map<string, Positional>();
/** Statements kept translated; the store's statements are few, the dynamic ones (IN lists) bounded. */
const CAPACITY = 2048;

/**
 * A statement with `$name` parameters (as the store writes them, and DuckDB reads them) in
 * PostgreSQL's positional form, `$1`…, with its values in order. A name used twice is one
 * position. The store's SQL holds no `$` inside string literals.
 */
export function positional(sql: string, params: Params): { text: string; values: SqlValue[] } {
  let statement = translated.get(sql);
  if (!statement) {
    const names: string[] = [];
    const text = sql.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `$${index + 1}`;
    });
    statement = { text, names };
    if (translated.size >= CAPACITY) translated.clear();
    translated.set(sql, statement);
  }
  return {
    text: statement.text,
    values: statement.names.map((name) => {
      if (!(name in params)) throw new Error(`No value for parameter $${name}`);
      return params[name]!;
    }),
  };
}
