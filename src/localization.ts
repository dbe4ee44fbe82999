/**
 * The language of the elements. English is built in; Spanish ships with the library. Every
 * user-facing string of the elements goes through `@lit/localize` (runtime mode): the
 * translations live in `src/locales/<locale>.xlf` and are compiled to `src/locales/<locale>.ts`
 * by `npm run localize`.
 *
 * A page with `<html lang="es">` gets Spanish without any script; `setLocale('es')` switches
 * every element on the page at run time.
 * @module
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locales/locale-codes.js';
import * as es from './locales/es.js';

/** The locales the elements speak. */
export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

const templates = { es } as const;

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => Promise.resolve(templates[locale as keyof typeof templates]),
});

/** The best supported locale for a BCP 47 tag (`es-MX` → `es`), or English. */
export function matchLocale(tag: string | null | undefined): string {
  const wanted = (tag ?? '').toLowerCase();
  if (supportedLocales.includes(wanted)) return wanted;
  const language = wanted.split('-')[0] ?? '';
  return supportedLocales.includes(language) ? language : sourceLocale;
}

/** The locale the elements speak now. */
export const getLocale: () => string = localization.getLocale;

/**
 * Switches every element on the page to `locale` (a supported locale or a tag such as `es-MX`).
 * Resolves once the elements have the new strings.
 */
export function setLocale(locale: string): Promise<void> {
  return localization.setLocale(matchLocale(locale));
}

// Follow the page's language when it is one we speak.
if (typeof document !== 'undefined') {
  const pageLocale = matchLocale(document.documentElement.lang);
  if (pageLocale !== sourceLocale) void setLocale(pageLocale);
}
