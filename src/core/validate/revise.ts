/**
 * Revising a report after in-place fixes: replace re-validated rows or remove rows, then re-run
 * the cross-row checks (duplicate login IDs, existing login IDs) over the whole report and
 * recompute the summary.
 *
 * Imports types, messages and the profile only (no papaparse, libphonenumber-js or zod), so that a
 * page can revise a report that a worker validated without loading the validation libraries. The
 * cross-row checks are the same as a validation run's (cross-row.ts).
 * @module
 */
import type { Issue, IssueCode, RowReport, UserRecord, ValidateOptions, ValidationReport } from '../types.js';
import { crossRowIssues } from './cross-row.js';
import { buildReport } from './report.js';

/** The issue codes that depend on other rows or on the backend's accounts; {@link reviseReport} recomputes them. */
export const CROSS_ROW_CODES: readonly IssueCode[] = ['login_id.duplicate', 'login_id.exists'];

/** A re-validated row: `report` (from `validateRow`, with its `loginKey`) replaces the row numbered `row`. */
export interface RowChange {
  /** The spreadsheet row number of the row to replace. */
  row: number;
  /** Its new verdict, from `validateRow(values, { ...options, row })` (cross-row issues, if any, are recomputed). */
  report: RowReport;
}

/** Options of {@link reviseReport} and {@link removeRows}. */
export interface ReviseOptions extends Pick<ValidateOptions, 'existingLoginIds' | 'defaultCountry' | 'messages' | 'profile'> {
  /**
   * Turns an existing login ID into a login key (only used when `existingLoginIds` is given).
   * Default: emails lower-cased; phones written with `+` reduced to `+` and digits. Give core's
   * `loginKeyOf` (which loads libphonenumber-js) to also read national numbers in `defaultCountry`.
   */
  loginKeyOf?: (loginId: string, defaultCountry?: string) => string;
}

/** The record of a row that lost it to a cross-row error, kept to give back when that error goes away. */
const held = new WeakMap<RowReport, UserRecord>();

const isCrossRow = (issue: Issue): boolean => issue.code === 'login_id.duplicate' || issue.code === 'login_id.exists';

/** Login key of E.164 phones and emails without the phone library. */
function simpleLoginKey(loginId: string): string {
  const t = loginId.trim().replace(/^'/, '');
  if (t.includes('@')) return t.toLowerCase();
  const compact = t.replace(/[\s().-]/g, '');
  return /^\+\d+$/.test(compact) ? compact : t;
}

/** The row's login key: `loginKey`, or (for a report that lost it) the record's login ID. */
function keyOf(report: RowReport): string | undefined {
  if (report.loginKey !== undefined) return report.loginKey;
  const record = report.record;
  if (!record) return undefined;
  return record.loginType === 'email' ? record.loginId.toLowerCase() : record.loginId;
}

function revise(report: ValidationReport, rows: RowReport[], options: ReviseOptions): ValidationReport {
  const recheckExisting = options.existingLoginIds !== undefined;
  const existing = new Set<string>();
  if (recheckExisting) {
    const normalize = options.loginKeyOf ?? simpleLoginKey;
    for (const id of options.existingLoginIds!) if (typeof id === 'string' && id.trim() !== '') existing.add(normalize(id, options.defaultCountry));
  }
  const found = crossRowIssues(
    rows.map(keyOf),
    (i) => rows[i]!.row,
    existing,
    { profile: options.profile, messages: options.messages },
  );

  const out = rows.map((row, i) => {
    const kept = row.issues.filter((issue) =>
      issue.code === 'login_id.duplicate' ? false : issue.code === 'login_id.exists' ? !recheckExisting : true,
    );
    const added = found.get(i) ?? [];
    const issues = [...kept, ...added];
    if (sameIssues(row.issues, issues)) return row;
    const next: RowReport = { ...row, issues };
    const record = row.record ?? held.get(row);
    delete next.record;
    if (issues.some((issue) => issue.severity === 'error')) {
      if (record) held.set(next, record);
    } else if (record) {
      next.record = record;
    }
    return next;
  });
  return buildReport(report.file, report.fileIssues, out, report.summary.blankSkipped);
}

function sameIssues(a: readonly Issue[], b: readonly Issue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (!isCrossRow(x) || x.code !== y.code || x.column !== y.column || x.message !== y.message) return false;
    if ((x.relatedRows ?? []).join() !== (y.relatedRows ?? []).join()) return false;
  }
  return true;
}

/**
 * A new report with each changed row replaced by its re-validated report, the cross-row issues
 * (`login_id.duplicate`, and `login_id.exists` when `options.existingLoginIds` is given) stripped from
 * every row and found again over all rows, and the summary recomputed. A fix can resolve duplicates
 * or create them. Rows left free of errors get their record back when it is known (a record lost to a
 * cross-row error in an earlier revision is kept aside); {@link rowsMissingRecord} lists the others,
 * which a caller re-validates and passes back as changes. Without `existingLoginIds`, the
 * `login_id.exists` issues the rows carry are kept as they are.
 * Pure: the input report is not modified; unchanged rows are the same objects.
 */
export function reviseReport(report: ValidationReport, changes: readonly RowChange[], options: ReviseOptions = {}): ValidationReport {
  const byRow = new Map<number, RowReport>();
  for (const change of changes) byRow.set(change.row, { ...change.report, row: change.row });
  const rows = byRow.size === 0 ? report.rows : report.rows.map((row) => byRow.get(row.row) ?? row);
  return revise(report, rows, options);
}

/** A new report without the rows numbered `rows`, the cross-row checks re-run and the summary recomputed (see {@link reviseReport}). */
export function removeRows(report: ValidationReport, rows: readonly number[], options: ReviseOptions = {}): ValidationReport {
  const gone = new Set(rows);
  return revise(
    report,
    report.rows.filter((row) => !gone.has(row.row)),
    options,
  );
}

/** The rows without errors that have no record (their record was never seen): re-validate them and revise again. */
export function rowsMissingRecord(report: ValidationReport): number[] {
  const out: number[] = [];
  for (const row of report.rows) if (!row.record && !row.issues.some((issue) => issue.severity === 'error')) out.push(row.row);
  return out;
}
