/**
 * The per-row validator: a pure function of a row's cells (or values) and the options, with no
 * cross-row state, so that it can run in any worker on any chunk.
 * @module
 */
import { unneutralize } from '../csv/write.js';
import { resolveMessages } from '../messages.js';
import { DEFAULT_BRAND, DEFAULT_PROFILE, coreColumns } from '../profile.js';
import type { Issue, MessageCatalog, Profile, RowReport, UserRecord, ValidateOptions } from '../types.js';
import { identityMapping } from './header.js';
import type { ColumnMapping } from './header.js';
import { makeIssue } from './issue.js';
import { toCountry } from './phone.js';
import { buildRowSchema } from './schema.js';
import type { RowSchema } from './schema.js';

/** One data row as read from the file. */
export interface CsvRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** The cells as parsed, in file order. */
  cells: string[];
  /** True on the row where a quoted value opens and never closes. */
  unclosedQuote?: boolean;
}

/** Validates single rows; build one per run with {@link createRowValidator}. */
export interface RowValidator {
  /** Validates a row of cells mapped by `mapping`; adds `row.field_count` and `row.unclosed_quote`. */
  validateCells(row: CsvRow): RowReport;
  /** Validates values by column key (missing keys read as empty), as `validateRow` does. */
  validateValues(values: Record<string, string>, row: number): RowReport;
}

/** The subset of {@link ValidateOptions} the per-row validator uses (all structured-clonable except `messages`). */
export type RowValidatorOptions = Pick<ValidateOptions, 'profile' | 'brand' | 'defaultCountry' | 'messages'>;

/** The validators of the last few settings, newest first (validations and in-place fixes alternate). */
const recent: Array<{ key: string; messages: RowValidatorOptions['messages']; validator: RowValidator }> = [];

/**
 * The per-row validator for a run: the zod schema is built here once. `mapping` says where each profile
 * column is in a row's cells (from the header check); default: template order. Settings used lately get
 * the validator they had: with new functions on every run, the engine threw away the worker's loop it had
 * optimized around the last ones ("wrong call target") and optimized it again.
 */
export function createRowValidator(options: RowValidatorOptions = {}, mapping?: ColumnMapping | null): RowValidator {
  const key = JSON.stringify([options.profile ?? null, options.brand ?? null, options.defaultCountry ?? null, mapping ?? null]);
  const at = recent.findIndex((entry) => entry.key === key && entry.messages === options.messages);
  const entry = at >= 0 ? recent.splice(at, 1)[0]! : { key, messages: options.messages, validator: buildRowValidator(options, mapping) };
  recent.unshift(entry);
  recent.length = Math.min(recent.length, 4);
  return entry.validator;
}

function buildRowValidator(options: RowValidatorOptions, mapping: ColumnMapping | null | undefined): RowValidator {
  const profile: Profile = options.profile ?? DEFAULT_PROFILE;
  const core = coreColumns(profile);
  const messages: MessageCatalog = resolveMessages(options.messages);
  const brand = options.brand ?? DEFAULT_BRAND;
  const rules: RowSchema = buildRowSchema(profile, { messages, defaultCountry: toCountry(options.defaultCountry), brand });
  const map = mapping ?? identityMapping(profile);
  const keys = profile.columns.map((c) => c.key);
  const indices = map.indices;
  const known = map.known;
  const columnCount = profile.columns.length;
  const textKeys = core.text.map((c) => c.key);
  const { loginType: lt, phone: ph, email: em, name: nm } = core;

  function finish(row: number, values: Record<string, string>, pre: Issue[] | undefined): RowReport {
    const verdict = rules.run(values);
    let issues = verdict.issues;
    let hasError = verdict.hasError;
    if (pre) {
      issues = pre.concat(issues);
      hasError = true;
    }
    // Each report is built in one literal of its final shape: properties added later would each cost a
    // larger object on a million rows.
    const loginKey = verdict.loginKey;
    if (hasError) return loginKey === undefined ? { row, values, issues } : { row, values, issues, loginKey };
    const n = verdict.normalized;
    const loginType = n[lt.key] as 'phone' | 'email';
    const phone = n[ph.key] ?? '';
    const email = n[em.key] ?? '';
    const record: UserRecord =
      phone === ''
        ? { loginType, loginId: loginType === 'phone' ? phone : email, email, name: n[nm.key] ?? '' }
        : { loginType, loginId: loginType === 'phone' ? phone : email, phone, email, name: n[nm.key] ?? '' };
    if (textKeys.length > 0) {
      const fields: Record<string, string> = {};
      for (const key of textKeys) fields[key] = n[key] ?? '';
      record.fields = fields;
    }
    const report: RowReport = loginKey === undefined ? { row, values, issues, record } : { row, values, issues, loginKey, record };
    return report;
  }

  return {
    validateCells(csvRow) {
      const cells = csvRow.cells;
      const values: Record<string, string> = {};
      for (let p = 0; p < columnCount; p++) values[keys[p]!] = unneutralize(cells[indices[p]!] ?? '');
      // The same string for every row that says exactly `phone` or `email`, rather than a copy per row.
      const type = values[lt.key];
      if (type === 'phone') values[lt.key] = 'phone';
      else if (type === 'email') values[lt.key] = 'email';
      let pre: Issue[] | undefined;
      if (cells.length > columnCount || known.length !== columnCount) {
        for (let i = 0; i < cells.length; i++) {
          if (known[i] === true) continue;
          const extra = (cells[i] ?? '').trim();
          if (extra !== '') {
            pre = [makeIssue(messages, 'row.field_count', 'error', { value: extra, limit: columnCount })];
            break;
          }
        }
      }
      if (csvRow.unclosedQuote) {
        (pre ??= []).push(makeIssue(messages, 'row.unclosed_quote', 'error', {}));
      }
      return finish(csvRow.row, values, pre);
    },
    validateValues(input, row) {
      const values: Record<string, string> = {};
      for (const key of keys) {
        const v = input[key];
        values[key] = typeof v === 'string' ? v : '';
      }
      return finish(row, values, undefined);
    },
  };
}
