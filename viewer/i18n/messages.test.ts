import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES } from '../../layers/index.ts';
import { type MessageKey, featureMessages, inLanguage, incidentTypesInEnglish, lifecycleStagesInEnglish, messages, translate } from './messages.ts';

describe('the interface in two languages', () => {
  it('has every message in both languages', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    // No English message is empty or Chinese, full-width punctuation (：「」) included, but the switch that offers Chinese back (中文).
    const untranslated = Object.entries(messages.en).filter(([key, text]) => key !== 'language' && (text.trim() === '' || /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(text)));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('keeps each feature\'s messages in both languages, and each key in one feature only', () => {
    for (const [feature, table] of Object.entries(featureMessages)) expect(Object.keys(table.en).sort(), feature).toEqual(Object.keys(table.zh).sort());
    const owners = new Map<string, string[]>();
    for (const [feature, table] of Object.entries(featureMessages)) for (const key of Object.keys(table.zh)) owners.set(key, [...(owners.get(key) ?? []), feature]);
    expect([...owners].filter(([, features]) => features.length > 1)).toEqual([]);
  });

  it('has the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const differing = (Object.keys(messages.zh) as MessageKey[]).filter((key) => placeholders(messages.zh[key]).join() !== placeholders(messages.en[key]).join());
    expect(differing).toEqual([]);
  });

  it('fills placeholders, and leaves one given no value in sight', () => {
    expect(translate('zh', 'unread', { count: 3 })).toBe('3 未读');
    expect(translate('en', 'storyboardMissing', { id: 'tour' })).toBe('There is no storyboard "tour"');
    expect(translate('zh', 'storyboardMissing', { id: 'tour' })).toBe('找不到演示方案「tour」');
    expect(translate('en', 'saved', { title: 'Tour', unused: 'x' })).toBe('Saved: Tour');
    expect(translate('en', 'unread')).toBe('{count} unread');
    expect(translate('en', 'unread', { counted: 3 })).toBe('{count} unread');
    // A value is put in as it is, not read for placeholders of its own.
    expect(translate('en', 'saved', { title: '{title} {count}' })).toBe('Saved: {title} {count}');
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
