/**
 * A compact wire format for row reports crossing from a validation worker to the page.
 *
 * Posting row reports as objects makes the browser clone every object and property on both sides,
 * and the page pays its share on the main thread. Flat arrays of strings clone several times faster;
 * the page rebuilds the same objects from them. Rows that do not fit the usual shape (a profile's
 * extra fields, values under other keys) travel as objects, so decoding is exact for every report.
 * Imports types only: the page loads nothing else for it.
 * @module
 */
import type { Issue, RowReport, UserRecord } from '../core/types.js';

/** Row reports in flat arrays. Index `i` is the `i`-th report of the chunk. */
export interface EncodedRows {
  /** The value keys, in order (every regular row has exactly these). */
  keys: string[];
  /** Spreadsheet row numbers. */
  rows: Int32Array;
  /** Values, `keys.length` per regular row. */
  values: string[];
  /** Records: `[loginType, loginId, phone or null, email, name]` per row with a record; null for a row without one. */
  records: Array<string | null>;
  /** Login keys (null when the login ID did not normalize). */
  loginKeys: Array<string | null>;
  /** Rows with issues: `[index, issues]`. */
  issues: Array<[number, Issue[]]>;
  /** Rows of another shape, whole: `[index, report]`. */
  irregular: Array<[number, RowReport]>;
}

const RECORD_KEYS = ['loginType', 'loginId', 'phone', 'email', 'name'];

function isRegular(report: RowReport, keys: readonly string[]): boolean {
  const valueKeys = Object.keys(report.values);
  if (valueKeys.length !== keys.length || valueKeys.some((key, i) => key !== keys[i])) return false;
  const record = report.record;
  if (record && Object.keys(record).some((key) => !RECORD_KEYS.includes(key))) return false;
  return Object.keys(report).every((key) => key === 'row' || key === 'values' || key === 'issues' || key === 'record' || key === 'loginKey');
}

/** Packs row reports for `postMessage` (transfer `encoded.rows.buffer`). */
export function encodeRows(reports: readonly RowReport[]): EncodedRows {
  const keys = reports.length ? Object.keys(reports[0]!.values) : [];
  const n = reports.length;
  const encoded: EncodedRows = { keys, rows: new Int32Array(n), values: [], records: [], loginKeys: new Array<string | null>(n), issues: [], irregular: [] };
  const { values, records, loginKeys, issues, irregular } = encoded;
  for (let i = 0; i < n; i++) {
    const report = reports[i]!;
    encoded.rows[i] = report.row;
    if (!isRegular(report, keys)) {
      irregular.push([i, report]);
      for (let k = 0; k < keys.length; k++) values.push('');
      records.push(null, null, null, null, null);
      loginKeys[i] = null;
      continue;
    }
    for (let k = 0; k < keys.length; k++) values.push(report.values[keys[k]!]!);
    const record = report.record;
    if (record) records.push(record.loginType, record.loginId, record.phone ?? null, record.email, record.name);
    else records.push(null, null, null, null, null);
    loginKeys[i] = report.loginKey ?? null;
    if (report.issues.length) issues.push([i, report.issues]);
  }
  return encoded;
}

/** Rebuilds the row reports {@link encodeRows} packed, equal to the originals. */
export function decodeRows(encoded: EncodedRows): RowReport[] {
  const { keys, rows, values, records, loginKeys } = encoded;
  const n = rows.length;
  const width = keys.length;
  const out = new Array<RowReport>(n);
  for (let i = 0; i < n; i++) {
    const rowValues: Record<string, string> = {};
    for (let k = 0; k < width; k++) rowValues[keys[k]!] = values[i * width + k]!;
    const report: RowReport = { row: rows[i]!, values: rowValues, issues: [] };
    const loginKey = loginKeys[i];
    if (loginKey !== null && loginKey !== undefined) report.loginKey = loginKey;
    const r = i * 5;
    const loginType = records[r];
    if (loginType !== null && loginType !== undefined) {
      const phone = records[r + 2];
      const record: UserRecord = { loginType: loginType as UserRecord['loginType'], loginId: records[r + 1]!, email: records[r + 3]!, name: records[r + 4]! };
      report.record = phone === null || phone === undefined ? record : { loginType: record.loginType, loginId: record.loginId, phone, email: record.email, name: record.name };
    }
    out[i] = report;
  }
  for (const [i, issues] of encoded.issues) out[i]!.issues = issues;
  for (const [i, report] of encoded.irregular) out[i] = report;
  return out;
}
