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
   * Per row, how its record and login key stand to its values (the `SHAPE` bits below): most records
   * are made of the row's own value strings (only the phone is usually rewritten), and the login ID and
   * key are usually the record's phone or email. Numbers in a transferred buffer cost nothing to clone;
   * a slot per field did, on both threads.
   */
  shapes: Uint16Array;
  /**
   * The fields the shapes say are strings of their own, in row order and, within a row, in the order
   * login type, login ID, phone, email, name, login key.
   */
  strings: string[];
  /** Rows with issues: `[index, issues]`. */
  issues: Array<[number, Issue[]]>;
  /** Rows of another shape, whole: `[index, report]`. */
  irregular: Array<[number, RowReport]>;
}

const RECORD_KEYS = ['loginType', 'loginId', 'phone', 'email', 'name'];

/** The bits of a row's shape. A field not marked `OWN` is the row's value of the same name. */
const SHAPE = {
  RECORD: 1,
  TYPE_OWN: 1 << 1,
  /** The login ID: the record's phone (0), its email, or its own string. */
  ID: 3 << 2,
  ID_EMAIL: 1 << 2,
  ID_OWN: 2 << 2,
  /** The phone: the row's value (0), absent, or its own string. */
  PHONE: 3 << 4,
  PHONE_ABSENT: 1 << 4,
  PHONE_OWN: 2 << 4,
  EMAIL_OWN: 1 << 6,
  NAME_OWN: 1 << 7,
  /** The login key: none (0), the record's phone, its email, or its own string. */
  KEY: 3 << 8,
  KEY_PHONE: 1 << 8,
  KEY_EMAIL: 2 << 8,
  KEY_OWN: 3 << 8,
} as const;

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

/**
 * Packs row reports one at a time, as they are validated, so that no report outlives its row: a worker
 * that kept a chunk's reports until posting them had the garbage collector copy them, often twice.
 */
export class RowEncoder {
  #n = 0;
  #keys: string[] = [];
  #rows: Int32Array;
  #shapes: Uint16Array;
  #values: string[] = [];
  #strings: string[] = [];
  #issues: Array<[number, Issue[]]> = [];
  #irregular: Array<[number, RowReport]> = [];

  /** `capacity`: the most reports packed before {@link take}. */
  constructor(capacity: number) {
    this.#rows = new Int32Array(capacity);
    this.#shapes = new Uint16Array(capacity);
  }

  /** How many reports are packed since the last {@link take}. */
  get length(): number {
    return this.#n;
  }

  /** Packs one report (a RangeError past the capacity: a typed array would drop it without a word). */
  push(report: RowReport): void {
    const i = this.#n;
    if (i === this.#rows.length) throw new RangeError(`bulk-enroll: a chunk holds at most ${i} row reports`);
    this.#n = i + 1;
    if (i === 0) this.#keys = Object.keys(report.values);
    const keys = this.#keys;
    const values = this.#values;
    const strings = this.#strings;
    this.#rows[i] = report.row;
    if (!isRegular(report, keys)) {
      this.#irregular.push([i, report]);
      for (let k = 0; k < keys.length; k++) values.push('');
      this.#shapes[i] = 0;
      return;
    }
    const rowValues = report.values;
    for (let k = 0; k < keys.length; k++) values.push(rowValues[keys[k]!]!);
    const record = report.record;
    let shape = 0;
    if (record) {
      shape = SHAPE.RECORD;
      const { loginType, loginId, phone, email, name } = record;
      if (loginType !== rowValues['loginType']) {
        shape |= SHAPE.TYPE_OWN;
        strings.push(loginType);
      }
      if (phone === undefined || loginId !== phone) {
        if (loginId === email) shape |= SHAPE.ID_EMAIL;
        else {
          shape |= SHAPE.ID_OWN;
          strings.push(loginId);
        }
      }
      if (phone === undefined) shape |= SHAPE.PHONE_ABSENT;
      else if (phone !== rowValues['phone']) {
        shape |= SHAPE.PHONE_OWN;
        strings.push(phone);
      }
      if (email !== rowValues['email']) {
        shape |= SHAPE.EMAIL_OWN;
        strings.push(email);
      }
      if (name !== rowValues['name']) {
        shape |= SHAPE.NAME_OWN;
        strings.push(name);
      }
    }
    const key = report.loginKey;
    if (key !== undefined) {
      if (record?.phone !== undefined && key === record.phone) shape |= SHAPE.KEY_PHONE;
      else if (record && key === record.email) shape |= SHAPE.KEY_EMAIL;
      else {
        shape |= SHAPE.KEY_OWN;
        strings.push(key);
      }
    }
    this.#shapes[i] = shape;
    if (report.issues.length) this.#issues.push([i, report.issues]);
  }

  /** The reports packed since the last call; starts a new chunk. */
  take(): EncodedRows {
    const n = this.#n;
    const encoded: EncodedRows = {
      keys: this.#keys,
      rows: this.#rows.slice(0, n),
      shapes: this.#shapes.slice(0, n),
      values: this.#values,
      strings: this.#strings,
      issues: this.#issues,
      irregular: this.#irregular,
    };
    this.#n = 0;
    this.#keys = [];
    this.#values = [];
    this.#strings = [];
    this.#issues = [];
    this.#irregular = [];
    return encoded;
  }
}

/** Packs row reports for `postMessage`; transfer {@link transferables}. */
export function encodeRows(reports: readonly RowReport[]): EncodedRows {
  const encoder = new RowEncoder(reports.length);
  for (const report of reports) encoder.push(report);
  return encoder.take();
}

/** The buffers to transfer with an {@link EncodedRows} (they are not usable by the sender afterwards). */
export const transferables = (encoded: EncodedRows): Transferable[] => [encoded.rows.buffer, encoded.shapes.buffer];

/** Rebuilds the row reports {@link encodeRows} packed, equal to the originals. */
export function decodeRows(encoded: EncodedRows): RowReport[] {
  const { keys, rows, values, shapes, strings } = encoded;
  const n = rows.length;
  const width = keys.length;
  const out = new Array<RowReport>(n);
  const typeAt = keys.indexOf('loginType');
  let s = 0;
  for (let i = 0; i < n; i++) {
    const rowValues: Record<string, string> = {};
    for (let k = 0; k < width; k++) {
      const value = values[i * width + k]!;
      // One string for every row's `phone` or `email`, not a copy per row.
      rowValues[keys[k]!] = k !== typeAt ? value : value === 'phone' ? 'phone' : value === 'email' ? 'email' : value;
    }
    const shape = shapes[i]!;
    let record: UserRecord | undefined;
    if (shape & SHAPE.RECORD) {
      // The strings are read in the order encodeRows wrote them (no closures here: a million rows).
      const type = (shape & SHAPE.TYPE_OWN ? strings[s++] : rowValues['loginType']) as UserRecord['loginType'];
      const id = shape & SHAPE.ID;
      const ownId = id === SHAPE.ID_OWN ? strings[s++]! : undefined;
      const phoneKind = shape & SHAPE.PHONE;
      const phone = phoneKind === SHAPE.PHONE_ABSENT ? undefined : phoneKind === SHAPE.PHONE_OWN ? strings[s++]! : rowValues['phone']!;
      const email = shape & SHAPE.EMAIL_OWN ? strings[s++]! : rowValues['email']!;
      const name = shape & SHAPE.NAME_OWN ? strings[s++]! : rowValues['name']!;
      const loginId = id === 0 ? phone! : id === SHAPE.ID_EMAIL ? email : ownId!;
      record = phone === undefined ? { loginType: type, loginId, email, name } : { loginType: type, loginId, phone, email, name };
    }
    const key = shape & SHAPE.KEY;
    const loginKey = key === 0 ? undefined : key === SHAPE.KEY_PHONE ? record!.phone! : key === SHAPE.KEY_EMAIL ? record!.email : strings[s++]!;
    // Built in one literal of the final shape, as validateCells builds them.
    const row = rows[i]!;
    if (record) out[i] = loginKey === undefined ? { row, values: rowValues, issues: [], record } : { row, values: rowValues, issues: [], loginKey, record };
    else out[i] = loginKey === undefined ? { row, values: rowValues, issues: [] } : { row, values: rowValues, issues: [], loginKey };
  }
  for (const [i, issues] of encoded.issues) out[i]!.issues = issues;
  for (const [i, report] of encoded.irregular) out[i] = report;
  return out;
}
