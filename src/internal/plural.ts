import { getLocale } from '../localization.js';

const rules = new Map<string, Intl.PluralRules>();

/**
 * Picks the plural form of `n` in the current locale. Call it with both forms written through
 * `msg()` so that each is extracted and translated, e.g.
 * `plural(n, { one: msg(str`${n} row`), other: msg(str`${n} rows`) })`.
 * Locales with more forms (`few`, `many`) fall back to `other` when a form is not given.
 */
export function plural(n: number, forms: { one: string; other: string; few?: string; many?: string }): string {
  const locale = getLocale();
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const category = rule.select(n);
  return (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
}

/** A count written the locale's way (1,815 in English, 1815 or 1.815 in Spanish). */
export function count(n: number): string {
  return n.toLocaleString(getLocale());
}
