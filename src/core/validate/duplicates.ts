/**
 * Cross-row checks: duplicate login IDs and login IDs that already have accounts.
 * Works on merged chunks (it only needs each report's `row` and `loginKey`).
 * @module
 */
import { resolveMessages } from '../messages.js';
import { DEFAULT_PROFILE, coreColumns } from '../profile.js';
import type { Issue, MessageCatalog, RowReport, ValidateOptions } from '../types.js';
import { makeIssue } from './issue.js';
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
 * The cross-row issues from login keys alone: `keys[i]` and `rows[i]` are the login key and
 * spreadsheet row of the run's `i`-th row. `login_id.duplicate` for every row of a group sharing a
 * key (with `relatedRows`: the group's other rows, ascending), then `login_id.exists` for keys in
 * `existingLoginIds`. Returns the issues to add by index, in index order.
 */
function crossRowIssues(
  keys: ReadonlyArray<string | undefined>,
  rows: readonly number[],
  options: CrossRowOptions,
  messages: MessageCatalog | undefined,
): Map<number, Issue[]> {
  const catalog = messages ?? resolveMessages(options.messages);
  const core = coreColumns(options.profile ?? DEFAULT_PROFILE);
  // the login key is an E.164 phone (starts with +) or an email: the issue points at that column
  const columnOf = (key: string): string => (key.charCodeAt(0) === 43 ? core.phone.key : core.email.key);
  const added = new Map<number, Issue[]>();
  const add = (i: number, issue: Issue) => {
    const list = added.get(i);
    if (list) list.push(issue);
    else added.set(i, [issue]);
  };
  const first = new Map<string, number>();
  let groups: Map<string, number[]> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else {
      groups ??= new Map();
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [seen, i]);
    }
  }
  if (groups) {
    for (const [key, members] of groups) {
      const groupRows = members.map((i) => rows[i]!).sort((a, b) => a - b);
      for (const i of members) {
        const relatedRows = groupRows.filter((r) => r !== rows[i]);
        add(i, makeIssue(catalog, 'login_id.duplicate', 'error', { column: columnOf(key), relatedRows }));
      }
    }
  }
  const existing = existingKeySet(options.existingLoginIds, options.defaultCountry);
  if (existing.size > 0) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined && existing.has(key)) add(i, makeIssue(catalog, 'login_id.exists', 'error', { column: columnOf(key) }));
    }
  }
  return new Map([...added].sort((a, b) => a[0] - b[0]));
}

/**
 * Adds `login_id.duplicate` to every row of a group sharing a login key (with `relatedRows`: the
 * group's other rows, ascending) and `login_id.exists` to rows whose key is in `existingLoginIds`.
 * Rows given an error lose their `record`. Mutates the reports; returns them.
 */
export function applyCrossRowChecks(reports: RowReport[], options: CrossRowOptions = {}, messages?: MessageCatalog): RowReport[] {
  const added = crossRowIssues(
    reports.map((report) => report.loginKey),
    reports.map((report) => report.row),
    options,
    messages,
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
 * Returns, for each row that gains an issue, the issues to append (and the record to drop).
 */
export function crossRowPatch(
  keys: ReadonlyArray<string | undefined>,
  rows: readonly number[],
  options: CrossRowOptions = {},
  messages?: MessageCatalog,
): CrossRowPatch[] {
  return [...crossRowIssues(keys, rows, options, messages)].map(([index, issues]) => ({ index, issues }));
}
