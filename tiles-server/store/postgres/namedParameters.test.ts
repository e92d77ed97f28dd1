import { describe, expect, it } from 'vitest';
import { positional } from './namedParameters.ts';

describe('named parameters for PostgreSQL', () => {
  it('numbers each name once, in order of first use, and keeps casts', () => {
    expect(positional(`SELECT $b::int, $a, $b, $a_1 FROM t WHERE x = $a`, { a: 'x', b: 2, a_1: null })).toEqual({
      text: `SELECT $1::int, $2, $1, $3 FROM t WHERE x = $2`,
      values: [2, 'x', null],
    });
  });

  it('names a parameter that has no value', () => {
    expect(() => positional(`SELECT $missing`, {})).toThrow('$missing');
  });
});
