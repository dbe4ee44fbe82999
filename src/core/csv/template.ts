/**
 * The template and the error-rows file. Imports nothing heavy (no papaparse, zod or
 * libphonenumber), so a page can offer "Download template" without loading the engine.
 * @module
 */
import { DEFAULT_PROFILE, PROBLEMS_HEADER, headerWords } from '../profile.js';
import type { Profile, ValidationReport } from '../types.js';
import { toCsv } from './write.js';

/** Options of {@link templateCsv} and {@link errorRowsCsv}. */
export interface TemplateOptions {
  /** Default: the four contract columns. */
  profile?: Profile;
  /** Brand in the first header; default `iPlum`. */
  brand?: string;
}

const BOM = '\uFEFF';

/** The template: a UTF-8 BOM, the header row (brand substituted) and CRLF. */
export function templateCsv(options: TemplateOptions = {}): string {
  return BOM + toCsv([headerWords(options.profile ?? DEFAULT_PROFILE, options.brand)]);
}

/**
 * The rows with an error, for fixing in a spreadsheet and uploading again: a UTF-8 BOM, the template
 * header plus a last column `Problems (ignored on upload)`, then every row with an error as the admin
 * wrote it and the messages saying what to fix. Cells are written safely ({@link toCsv}).
 * Pass the same profile and brand as to `validateCsv`.
 */
export function errorRowsCsv(report: ValidationReport, options: TemplateOptions = {}): string {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const rows: string[][] = [[...headerWords(profile, options.brand), PROBLEMS_HEADER]];
  for (const row of report.rows) {
    if (!row.issues.some((issue) => issue.severity === 'error')) continue;
    const cells = profile.columns.map((column) => row.values[column.key] ?? '');
    cells.push(row.issues.map((issue) => issue.message).join(' | '));
    rows.push(cells);
  }
  return BOM + toCsv(rows);
}
