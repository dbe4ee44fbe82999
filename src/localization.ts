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

/** The locales the elements speak. */
export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

/** Each language's strings are loaded only when a page asks for it: English pages load none. */
const loaders: Record<(typeof targetLocales)[number], () => Promise<{ templates: Record<string, unknown> }>> = {
  es: () => import('./locales/es.js'),
};

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders]() as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>,
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
