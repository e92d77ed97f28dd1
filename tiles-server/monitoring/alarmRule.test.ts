import { describe, expect, it } from 'vitest';
import { alarmChange } from './alarmRule.ts';

describe('alarm rule', () => {
  const levels = { warning: 3.5, alarm: 4.5 };

  it('raises once when the alarm threshold is reached, not again while it lasts', () => {
    let open = false;
    const changes = [3.0, 4.6, 4.9, 4.4, 4.7, 3.4, 4.5].map((value) => {
      const change = alarmChange(levels, open, value);
      if (change) open = change === 'raise';
      return change ?? '';
    });
    expect(changes).toEqual(['', 'raise', '', '', '', 'clear', 'raise']);
  });

  it('never alarms for points without thresholds (cameras)', () => {
    expect(alarmChange(null, false, 1e9)).toBeUndefined();
  });
});
