/**
 * The results file of a send: every row of the report as the admin wrote it, with what happened to
 * it. Imports nothing heavy, so a page can offer it without loading the validation engine.
 * @module
 */
import { DEFAULT_PROFILE, headerWords } from '../profile.js';
import type { Profile, ValidationReport } from '../types.js';
import { toCsv } from './write.js';

/** What happened to one row when it was sent (a `SendOutcome` with its row). */
export interface RowResult {
  status: 'invited' | 'rejected' | 'unconfirmed';
  message?: string;
}

/** The words of the two columns `resultsCsv` adds and of its statuses (English by default; the elements localize them). */
export interface ResultsLabels {
  result: string;
  details: string;
  invited: string;
  rejected: string;
  unconfirmed: string;
  heldBack: string;
  notSent: string;
}

const ENGLISH: ResultsLabels = {
  result: 'Result',
  details: 'Details',
  invited: 'Invited',
  rejected: 'Rejected by the server',
  unconfirmed: 'Not confirmed: safe to send again',
  heldBack: 'Held back: fix the problems and upload again',
  notSent: 'Not sent',
};

/** Options of {@link resultsCsv}. */
export interface ResultsOptions {
  profile?: Profile;
  brand?: string;
  labels?: Partial<ResultsLabels>;
}

/**
 * Every row of `report` (template columns as written) plus `Result` and `Details`: invited, rejected
 * with the server's reason, not confirmed, or held back with the problems. `results` maps spreadsheet
 * row numbers to send outcomes. Cells are written safely (formulas neutralized), UTF-8 with BOM, CRLF.
 */
export function resultsCsv(report: ValidationReport, results: ReadonlyMap<number, RowResult>, options: ResultsOptions = {}): string {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const labels = { ...ENGLISH, ...options.labels };
  const rows: string[][] = [[...headerWords(profile, options.brand), labels.result, labels.details]];
  for (const row of report.rows) {
    const cells = profile.columns.map((column) => row.values[column.key] ?? '');
    const result = results.get(row.row);
    const errors = row.issues.filter((issue) => issue.severity === 'error');
    if (result) cells.push(labels[result.status], result.message ?? '');
    else if (errors.length > 0) cells.push(labels.heldBack, errors.map((issue) => issue.message).join(' | '));
    else cells.push(labels.notSent, '');
    rows.push(cells);
  }
  return '\uFEFF' + toCsv(rows);
}
