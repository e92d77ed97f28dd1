import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES } from '../../layers/index.ts';
import { inLanguage, incidentTypesInEnglish, lifecycleStagesInEnglish, messages } from './messages.ts';

describe('the interface in two languages', () => {
  it('has every message in both languages', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    // No English message is empty or Chinese, but the switch that offers Chinese back (中文).
    const untranslated = Object.entries(messages.en).filter(([key, text]) => key !== 'language' && (text.trim() === '' || /[\u4e00-\u9fff]/.test(text)));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('names in English every lifecycle stage the data API takes, and the alarms the server raises', () => {
    expect(LIFECYCLE_STAGES.filter((stage) => !lifecycleStagesInEnglish[stage])).toEqual([]);
    expect(inLanguage(incidentTypesInEnglish, '监测告警', 'en')).toBe('Monitoring alarm');
  });

  it('shows an enumerated value in English when it is listed, free text as entered, and Chinese as it is', () => {
    expect(inLanguage(incidentTypesInEnglish, '违法用地', 'en')).toBe('Illegal land use');
    expect(inLanguage(incidentTypesInEnglish, '村口大树倒伏', 'en')).toBe('村口大树倒伏');
    expect(inLanguage(incidentTypesInEnglish, '违法用地', 'zh')).toBe('违法用地');
  });
});
