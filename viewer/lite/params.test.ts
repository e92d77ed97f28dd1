import { describe, expect, it } from 'vitest';
import { isEmbedded } from './params.ts';

describe('lite page parameters', () => {
  it('turns embed mode on with a bare `embed` or any value but 0 and false', () => {
    expect(isEmbedded('?embed')).toBe(true);
    expect(isEmbedded('?view=119.8,28.9,1500,30,-45&embed=1')).toBe(true);
    expect(isEmbedded('?embed=0')).toBe(false);
    expect(isEmbedded('?embed=false')).toBe(false);
    expect(isEmbedded('?layers=terrain')).toBe(false);
  });
});
