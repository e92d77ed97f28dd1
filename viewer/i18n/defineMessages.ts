export type Language = 'zh' | 'en';

/** One feature's strings in both languages; English must name exactly the keys Chinese does. */
export function defineMessages<Keys extends string>(table: { zh: Record<Keys, string>; en: NoInfer<Record<Keys, string>> }) {
  return table;
}
