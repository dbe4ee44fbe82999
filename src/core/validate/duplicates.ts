/**
 * Cross-row checks: duplicate login IDs and login IDs that already have accounts.
 * Works on merged chunks (it only needs each report's `row` and `loginKey`).
 * @module
 */
import type { Issue, MessageCatalog, RowReport, ValidateOptions } from '../types.js';
import { crossRowIssues } from './cross-row.js';
import { checkPhone, toCountry } from './phone.js';

/** Options of {@link applyCrossRowChecks}. */
export type CrossRowOptions = Pick<ValidateOptions, 'existingLoginIds' | 'defaultCountry' | 'messages' | 'profile'>;

/** Normalizes a login ID the way rows' login keys are: lower-cased email, or E.164 phone when it reads as one. */
export function loginKeyOf(loginId: string, defaultCountry?: string): string {
  const t = loginId.trim();
  if (t.includes('@')) return t.toLowerCase();
  const phone = checkPhone(t, toCountry(defaultCountry));
  return typeof phone === 'string' && phone !== '' ? phone : t;
}

/** The normalized set of `existingLoginIds`. */
export function existingKeySet(ids: Iterable<string> | undefined, defaultCountry?: string): Set<string> {
  const set = new Set<string>();
  if (ids) for (const id of ids) if (typeof id === 'string' && id.trim() !== '') set.add(loginKeyOf(id, defaultCountry));
  return set;
}

/**
 * Adds `login_id.duplicate` to every row of a group sharing a login key (with `relatedRows`: the
 * group's other rows, ascending) and `login_id.exists` to rows whose key is in `existingLoginIds`.
 * Rows given an error lose their `record`. Mutates the reports; returns them. `repeated`, when given,
 * is the keys that occur more than once, gathered as the rows were validated (see `RepeatedKeys`).
 */
export function applyCrossRowChecks(reports: RowReport[], options: CrossRowOptions = {}, messages?: MessageCatalog, repeated?: ReadonlySet<string>): RowReport[] {
  const added = crossRowIssues(
    reports.map((report) => report.loginKey),
    (i) => reports[i]!.row,
    existingKeySet(options.existingLoginIds, options.defaultCountry),
    { profile: options.profile, messages: messages ?? options.messages },
    repeated,
  );
  for (const [i, issues] of added) {
    const report = reports[i]!;
    report.issues.push(...issues);
    delete report.record;
  }
  return reports;
}

/** What the cross-row checks add to one row: its index in the run and the issues (the row loses its record). */
export interface CrossRowPatch {
  index: number;
  issues: Issue[];
}

/**
 * The cross-row checks from login keys alone, for a worker pool whose row reports live elsewhere:
 * `keys[i]` and `rows[i]` are the login key and spreadsheet row of the run's i-th row report.
 * `repeated`, when given, is the keys that occur more than once (see {@link RepeatedKeys}).
 * Returns, for each row that gains an issue, the issues to append (and the record to drop).
 */
export function crossRowPatch(
  keys: ReadonlyArray<string | undefined>,
  rows: ArrayLike<number>,
  options: CrossRowOptions = {},
  messages?: MessageCatalog,
  repeated?: ReadonlySet<string>,
): CrossRowPatch[] {
  const existing = existingKeySet(options.existingLoginIds, options.defaultCountry);
  const context = { profile: options.profile, messages: messages ?? options.messages };
  return [...crossRowIssues(keys, (i) => rows[i]!, existing, context, repeated)].map(([index, issues]) => ({
    index,
    issues,
  }));
}
