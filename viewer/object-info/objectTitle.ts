import type { Language } from '../i18n/index.tsx';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * What a person calls an object: its name (the English one in English, when it has one), else
 * its address, else for a parcel its land-use class and code; undefined when it has none of
 * these (the panel then says what kind of thing it is), never its oid.
 */
export function objectTitle(properties: Record<string, unknown>, language: Language): string | undefined {
  const name = (language === 'en' ? text(properties.nameEn) : undefined) ?? text(properties.name);
  if (name) return name;
  const address = text(properties.address);
  if (address) return address;
  const className = text(properties.className);
  const code = text(properties.code);
  if (className) return code ? `${className} ${code}` : className;
  return undefined;
}
