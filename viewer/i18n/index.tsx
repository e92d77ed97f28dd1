import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { LocalizedText } from '../../layers/index.ts';
import { type Language, type MessageKey, type MessageParams, translate } from './messages.ts';

export type { Language } from './messages.ts';

interface I18n {
  language: Language;
  /** A message in the current language, its `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Picks the current language's side of a catalog text. */
  pick: (text: LocalizedText) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ language, t: (key, params) => translate(language, key, params), pick: (text) => text[language] }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

/** A moment as the interface's language writes it: month, day and time. */
/** The locale numbers, dates and times are written in for a language. */
export const localeOf = (language: Language): string => (language === 'zh' ? 'zh-CN' : 'en-GB');

export function formatTime(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(localeOf(language), { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
