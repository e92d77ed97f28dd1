import { describe, expect, it } from 'vitest';
import { parseRoute, presentationPath } from './route.ts';

describe('viewer routes', () => {
  it('opens the twin, or a storyboard with or without kiosk mode', () => {
    expect(parseRoute('/', '?layers=terrain')).toEqual({ page: 'twin' });
    expect(parseRoute('/present/county-overview', '')).toEqual({ page: 'present', storyboardId: 'county-overview', kiosk: false });
    expect(parseRoute('/present/briefing/', '?kiosk&lang=en')).toEqual({ page: 'present', storyboardId: 'briefing', kiosk: true });
  });

  it('tells an address that names nothing apart from the twin', () => {
    expect(parseRoute('/present/', '')).toEqual({ page: 'missing' });
    expect(parseRoute('/no-such-page', '?lang=en')).toEqual({ page: 'missing' });
    expect(parseRoute('/index.html', '')).toEqual({ page: 'twin' });
  });

  it('writes the addresses it reads', () => {
    const kiosk = new URL(presentationPath('board 1', true), 'http://twin');
    expect(parseRoute(kiosk.pathname, kiosk.search)).toEqual({ page: 'present', storyboardId: 'board 1', kiosk: true });
    expect(presentationPath('county-overview')).toBe('/present/county-overview');
  });
});
