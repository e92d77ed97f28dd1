import { describe, expect, it } from 'vitest';
import { formatViewState, parseViewState } from './viewState.ts';

describe('view state in the URL', () => {
  it('round-trips camera, layers and language', () => {
    const state = {
      camera: { lon: 119.812345, lat: 28.891234, height: 1520.5, heading: 30.25, pitch: -45.5 },
      layers: ['county-boundary', 'rivers'],
      language: 'en' as const,
    };
    const search = formatViewState(state);
    expect(search).toBe('?view=119.812345,28.891234,1520.5,30.25,-45.5&layers=county-boundary,rivers&lang=en');
    expect(parseViewState(search)).toEqual(state);
  });

  it('round-trips the classes hidden in thematic layers, and skips malformed entries', () => {
    const state = { hiddenClasses: { landuse: ['0101', '0301'], zoning: ['生态控制区'] }, language: 'zh' as const };
    const search = formatViewState(state);
    expect(search).toBe(`?hide=landuse:0101,landuse:0301,zoning:${encodeURIComponent('生态控制区')}`);
    expect(parseViewState(search)).toEqual(state);
    expect(parseViewState('?hide=:0101,landuse:,landuse:0702').hiddenClasses).toEqual({ landuse: ['0702'] });
  });

  it('keeps the flat 2D map in the link, and 3D as no mode at all', () => {
    const flat = { language: 'zh' as const, mode: '2d' as const };
    expect(formatViewState(flat)).toBe('?mode=2d');
    expect(parseViewState('?mode=2d')).toEqual(flat);
    expect(parseViewState('?mode=3d')).toEqual({ language: 'zh' });
    expect(formatViewState({ language: 'zh' }, '?mode=2d&sql=x')).toBe('?sql=x');
  });

  it('writes a heading that rounds to 360° as 0°', () => {
    const camera = { lon: 119.71, lat: 28.6, height: 30000, heading: 359.999999, pitch: -58 };
    expect(formatViewState({ camera, language: 'zh' })).toBe('?view=119.71,28.6,30000,0,-58');
  });

  it('tells "no layers visible" apart from "catalog defaults"', () => {
    expect(parseViewState('?layers=').layers).toEqual([]);
    expect(parseViewState('').layers).toBeUndefined();
  });

  it('defaults to Chinese and ignores unknown languages', () => {
    expect(parseViewState('?lang=fr').language).toBe('zh');
    expect(formatViewState({ language: 'zh' })).toBe('?');
  });

  it('drops a malformed or out-of-range camera instead of flying somewhere odd', () => {
    expect(parseViewState('?view=119.8,28.9').camera).toBeUndefined();
    expect(parseViewState('?view=119.8,95,1000,0,-90').camera).toBeUndefined();
    expect(parseViewState('?view=119.8,28.9,-5,0,-90').camera).toBeUndefined();
    expect(parseViewState('?view=a,b,c,d,e').camera).toBeUndefined();
  });

  it('keeps parameters it does not own', () => {
    const search = formatViewState({ language: 'zh', layers: ['rivers'] }, '?sql=select%201&layers=old');
    const params = new URLSearchParams(search);
    expect(params.get('sql')).toBe('select 1');
    expect(params.get('layers')).toBe('rivers');
  });
});
