/**
 * Profiles: the columns of an enrollment file, as data.
 * @module
 */
import type { Profile, ProfileColumn, RuleKind } from './types.js';

/** The default brand of the first header. */
export const DEFAULT_BRAND = 'iPlum';

/** Placeholder replaced by the brand in header words and synonyms. */
export const BRAND_PLACEHOLDER = '{brand}';

/** The four contract columns: `{brand} ID (phone/email)`, `Phone #`, `Email`, `Name`. */
export const DEFAULT_PROFILE: Profile = {
  columns: [
    {
      key: 'loginType',
      header: '{brand} ID (phone/email)',
      synonyms: ['{brand} ID', 'ID (phone/email)', 'Login Type', 'Login', 'Login ID', 'Login With', 'Sign In With', 'Type'],
      rule: 'loginType',
    },
    {
      key: 'phone',
      header: 'Phone #',
      synonyms: ['Phone Number', 'Phone No', 'Mobile', 'Mobile Number', 'Mobile Phone', 'Cell', 'Cell Phone', 'Telephone', 'Tel'],
      rule: 'phone',
    },
    { key: 'email', header: 'Email', synonyms: ['E-mail', 'Email Address', 'E-mail Address', 'Mail'], rule: 'email' },
    { key: 'name', header: 'Name', synonyms: ['Full Name', 'User Name', 'Display Name'], rule: 'name' },
  ],
};

/** Header of the last column that `errorRowsCsv` writes; ignored when validating, in both header modes. */
export const PROBLEMS_HEADER = 'Problems (ignored on upload)';

/** The header words with the brand substituted. */
export function brandWords(words: string, brand: string | undefined): string {
  return words.split(BRAND_PLACEHOLDER).join(brand ?? DEFAULT_BRAND);
}

/** The template header words of a profile, brand substituted, in column order. */
export function headerWords(profile: Profile = DEFAULT_PROFILE, brand?: string): string[] {
  return profile.columns.map((c) => brandWords(c.header, brand));
}

/** The columns of a profile that carry the core rules, by rule. */
export interface CoreColumns {
  loginType: ProfileColumn;
  phone: ProfileColumn;
  email: ProfileColumn;
  name: ProfileColumn;
  text: ProfileColumn[];
}

const cache = new WeakMap<Profile, CoreColumns>();

/**
 * Checks a profile and returns its columns by rule. Throws a `TypeError` on a programming error
 * (missing or repeated core rule, repeated key, unknown rule).
 */
export function coreColumns(profile: Profile): CoreColumns {
  const hit = cache.get(profile);
  if (hit) return hit;
  const found: Partial<Record<RuleKind, ProfileColumn>> = {};
  const text: ProfileColumn[] = [];
  const keys = new Set<string>();
  for (const column of profile.columns) {
    if (keys.has(column.key)) throw new TypeError(`bulk-enroll: profile column key "${column.key}" is repeated`);
    keys.add(column.key);
    if (column.rule === 'text') text.push(column);
    else if (column.rule in found) throw new TypeError(`bulk-enroll: profile has two "${column.rule}" columns`);
    else if (['loginType', 'phone', 'email', 'name'].includes(column.rule)) found[column.rule] = column;
    else throw new TypeError(`bulk-enroll: unknown rule "${String(column.rule)}"`);
  }
  const { loginType, phone, email, name } = found;
  if (!loginType || !phone || !email || !name) {
    throw new TypeError('bulk-enroll: a profile needs one column each of the rules loginType, phone, email and name');
  }
  const result = { loginType, phone, email, name, text };
  cache.set(profile, result);
  return result;
}
