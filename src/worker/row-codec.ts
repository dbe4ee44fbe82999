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
  /**
   * Records: `[loginType, loginId, phone, email, name]` per row, with `null` for a field that is the same
   * string as the row's value of that name (most are: only the phone is usually rewritten); `loginId` is
   * `PHONE` or `EMAIL` when it is the record's phone or email. A row without a record has `NO_RECORD` as
   * its login type.
   */
  records: Array<string | number | null>;
  /** Login keys: `PHONE` / `EMAIL` when the same as the record's phone / email, a string otherwise, `null` when none. */
  loginKeys: Array<string | number | null>;
  /** Rows with issues: `[index, issues]`. */
  issues: Array<[number, Issue[]]>;
  /** Rows of another shape, whole: `[index, report]`. */
  irregular: Array<[number, RowReport]>;
}

const RECORD_KEYS = ['loginType', 'loginId', 'phone', 'email', 'name'];
const NO_RECORD = 0;
const PHONE = 1;
const EMAIL = 2;
const ABSENT = 3;

/** `null` when `field` is the same as the row's value, so that the string is not copied again. */
const unlessValue = (field: string, value: string | undefined): string | null => (field === value ? null : field);
/** The same for the login ID and key: usually the record's phone or email. */
const reference = (field: string, record: UserRecord | undefined): string | number => (record?.phone !== undefined && field === record.phone ? PHONE : record && field === record.email ? EMAIL : field);

/** Whether a report has the usual shape: the chunk's value keys in order, a record of the five fields. */
function isRegular(report: RowReport, keys: readonly string[]): boolean {
  // for…in rather than Object.keys: no arrays allocated for each of a million rows
  let k = 0;
  for (const key in report.values) if (key !== keys[k++]) return false;
  if (k !== keys.length) return false;
  for (const key in report.record) if (!RECORD_KEYS.includes(key)) return false;
  for (const key in report) if (key !== 'row' && key !== 'values' && key !== 'issues' && key !== 'record' && key !== 'loginKey') return false;
  return true;
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
      records.push(NO_RECORD, null, null, null, null);
      loginKeys[i] = null;
      continue;
    }
    const rowValues = report.values;
    for (let k = 0; k < keys.length; k++) values.push(rowValues[keys[k]!]!);
    const record = report.record;
    if (record) {
      records.push(
        unlessValue(record.loginType, rowValues['loginType']),
        reference(record.loginId, record),
        record.phone === undefined ? ABSENT : unlessValue(record.phone, rowValues['phone']),
        unlessValue(record.email, rowValues['email']),
        unlessValue(record.name, rowValues['name']),
      );
    } else records.push(NO_RECORD, null, null, null, null);
    loginKeys[i] = report.loginKey === undefined ? null : reference(report.loginKey, record);
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
  const typeAt = keys.indexOf('loginType');
  for (let i = 0; i < n; i++) {
    const rowValues: Record<string, string> = {};
    for (let k = 0; k < width; k++) {
      const value = values[i * width + k]!;
      // One string for every row's `phone` or `email`, not a copy per row.
      rowValues[keys[k]!] = k !== typeAt ? value : value === 'phone' ? 'phone' : value === 'email' ? 'email' : value;
    }
    const r = i * 5;
    const loginType = records[r];
    let record: UserRecord | undefined;
    if (loginType !== NO_RECORD) {
      // A field sent as null is the row's value of that name (no closures here: a million rows).
      const phoneSlot = records[r + 2];
      const phone = phoneSlot === ABSENT ? undefined : ((phoneSlot ?? rowValues['phone']) as string);
      const email = (records[r + 3] ?? rowValues['email']) as string;
      const id = records[r + 1];
      const loginId = id === PHONE ? phone! : id === EMAIL ? email : (id as string);
      const type = (loginType ?? rowValues['loginType']) as UserRecord['loginType'];
      const name = (records[r + 4] ?? rowValues['name']) as string;
      record = phone === undefined ? { loginType: type, loginId, email, name } : { loginType: type, loginId, phone, email, name };
    }
    const key = loginKeys[i];
    const loginKey = key === null || key === undefined ? undefined : key === PHONE ? record!.phone! : key === EMAIL ? record!.email : (key as string);
    // Built in one literal of the final shape, as validateCells builds them.
    const row = rows[i]!;
    if (record) out[i] = loginKey === undefined ? { row, values: rowValues, issues: [], record } : { row, values: rowValues, issues: [], loginKey, record };
    else out[i] = loginKey === undefined ? { row, values: rowValues, issues: [] } : { row, values: rowValues, issues: [], loginKey };
  }
  for (const [i, issues] of encoded.issues) out[i]!.issues = issues;
  for (const [i, report] of encoded.irregular) out[i] = report;
  return out;
}
