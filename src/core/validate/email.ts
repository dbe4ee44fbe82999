/**
 * Email addresses: the HTML standard's "valid e-mail address" (`input type=email`), at most 254
 * characters, and warnings for misspelt common domains.
 * @module
 */

/** The HTML standard's definition of a valid e-mail address (WHATWG HTML, `input type=email`). */
export const HTML_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Maximum length of an address (RFC 5321 path limit minus the brackets). */
export const MAX_EMAIL_LENGTH = 254;

/** Misspelt common domains → the domain meant. */
export const DOMAIN_TYPOS: ReadonlyMap<string, string> = new Map(Object.entries({
  'gmial.com': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gmal.com': 'gmail.com',
  'gmaill.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'gmail.con': 'gmail.com',
  'gmail.cmo': 'gmail.com',
  'hotmial.com': 'hotmail.com',
  'hotmal.com': 'hotmail.com',
  'hotmail.con': 'hotmail.com',
  'yahooo.com': 'yahoo.com',
  'yaho.com': 'yahoo.com',
  'yahoo.con': 'yahoo.com',
  'outlok.com': 'outlook.com',
  'outloook.com': 'outlook.com',
  'outlook.con': 'outlook.com',
  'iclod.com': 'icloud.com',
  'icloud.con': 'icloud.com',
}));

/** True when the (trimmed) address is valid by the HTML definition and at most 254 characters. */
export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && HTML_EMAIL.test(email);
}

/** Ends with `@` and a misspelt domain: one test per address, with nothing allocated for the others. */
const TYPO_ENDING = new RegExp(`@(?:${[...DOMAIN_TYPOS.keys()].map((d) => d.replace(/\./g, '\\.')).join('|')})$`, 'i');

/** The whole corrected address when the domain is a known misspelling, else undefined. */
export function emailTypoSuggestion(email: string): string | undefined {
  if (!TYPO_ENDING.test(email)) return undefined;
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at + 1)}${DOMAIN_TYPOS.get(email.slice(at + 1).toLowerCase())!}`;
}
