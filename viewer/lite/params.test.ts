import { describe, expect, it } from 'vitest';
import { parseLiteParams } from './params.ts';

describe('lite page parameters', () => {
  it('reads view, layers and language as the full viewer does', () => {
    expect(parseLiteParams('?view=119.8,28.9,1500,30,-45&layers=terrain,buildings&lang=en')).toEqual({
      camera: { lon: 119.8, lat: 28.9, height: 1500, heading: 30, pitch: -45 },
      layers: ['terrain', 'buildings'],
      language: 'en',
      embed: false,
    });
  });

  it('turns embed mode on with a bare `embed` or any value but 0 and false', () => {
    expect(parseLiteParams('?embed').embed).toBe(true);
    expect(parseLiteParams('?embed=1').embed).toBe(true);
    expect(parseLiteParams('?embed=0').embed).toBe(false);
    expect(parseLiteParams('?embed=false').embed).toBe(false);
    expect(parseLiteParams('').embed).toBe(false);
  });

  it('defaults to the catalog view, the catalog layers and Chinese', () => {
    expect(parseLiteParams('?embed')).toEqual({ camera: undefined, layers: undefined, language: 'zh', embed: true });
  });
});
