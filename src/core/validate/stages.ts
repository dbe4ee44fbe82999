/**
 * The composable stages of `validateCsv`, for callers that split the work (e.g. a Web Worker pool):
 *
 * 1. {@link readCsv}: input → decoded, parsed, header-checked rows (`{ row, cells }`), or file issues;
 * 2. {@link createRowValidator} → `validateCells(row)`: a pure function of one row (no cross-row state),
 *    so chunks can be validated anywhere;
 * 3. {@link applyCrossRowChecks}: duplicates and existing login IDs over all (merged) row reports;
 * 4. {@link summarize} / {@link buildReport}: the counts and the final {@link ValidationReport}.
 * @module
 */
import { DEFAULT_MAX_BYTES, readInput } from '../csv/decode.js';
import type { CsvInput } from '../csv/decode.js';
import { parseRecords } from '../csv/parse.js';
import { resolveMessages } from '../messages.js';
import { DEFAULT_PROFILE, headerWords } from '../profile.js';
import type { FileInfo, Issue, ValidateOptions } from '../types.js';
import { checkHeader } from './header.js';
import type { ColumnMapping } from './header.js';
import { makeIssue } from './issue.js';
import type { CsvRow } from './validate-row.js';

export { createRowValidator } from './validate-row.js';
export type { CsvRow, RowValidator, RowValidatorOptions } from './validate-row.js';
export { applyCrossRowChecks, crossRowPatch } from './duplicates.js';
export type { CrossRowOptions, CrossRowPatch } from './duplicates.js';
export type { ColumnMapping } from './header.js';
export { buildReport, summarize } from './report.js';

/** Default `maxRows`. */
export const DEFAULT_MAX_ROWS = 50000;

/** What {@link readCsv} found. When `fileIssues` holds an error, `columns` is null and `rows` is empty. */
export interface ReadResult {
  file: FileInfo;
  fileIssues: Issue[];
  /** Where each profile column is in a row's cells; null after a file-level error. */
  columns: ColumnMapping | null;
  /** Every non-blank data row, in file order. */
  rows: CsvRow[];
  /** Blank rows skipped below the header. */
  blankSkipped: number;
}

/** Options of {@link readCsv}. */
export type ReadOptions = Pick<ValidateOptions, 'profile' | 'brand' | 'headerMode' | 'maxRows' | 'maxBytes' | 'messages' | 'encoding'>;

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/**
 * Stage 1: reads the input (enforcing `maxBytes` before reading it whole), decodes it, parses it with
 * papaparse, checks the header and collects the non-blank data rows with their spreadsheet row numbers.
 * File-level problems (`file.*`, `header.*`) come back in `fileIssues` with no rows.
 */
export async function readCsv(input: CsvInput, options: ReadOptions = {}): Promise<ReadResult> {
  const messages = resolveMessages(options.messages);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const decoded = await readInput(input, options.maxBytes ?? DEFAULT_MAX_BYTES, options.encoding);
  const fail = (file: FileInfo, issue: Issue, blankSkipped = 0): ReadResult => ({
    file,
    fileIssues: [issue],
    columns: null,
    rows: [],
    blankSkipped,
  });
  if (!decoded.ok) {
    const file = { encoding: '', delimiter: '', bytes: decoded.bytes };
    const context = decoded.refused === 'file.too_large' ? { found: decoded.bytes, limit: options.maxBytes ?? DEFAULT_MAX_BYTES } : {};
    return fail(file, makeIssue(messages, decoded.refused, 'error', context));
  }
  const { records, delimiter, unclosedQuoteRecord } = parseRecords(decoded.text);
  const file: FileInfo = { encoding: decoded.encoding, delimiter, bytes: decoded.bytes };
  let h = 0;
  while (h < records.length && isBlank(records[h]!)) h++;
  if (h >= records.length) return fail(file, makeIssue(messages, 'file.empty', 'error', {}));

  const header = checkHeader(records[h]!, profile, { brand: options.brand, headerMode: options.headerMode, messages });
  if (!header.mapping) return { file, fileIssues: header.issues, columns: null, rows: [], blankSkipped: 0 };

  const rows: CsvRow[] = [];
  let blankSkipped = 0;
  for (let r = h + 1; r < records.length; r++) {
    const cells = records[r]!;
    if (isBlank(cells)) {
      blankSkipped++;
      continue;
    }
    rows.push(r === unclosedQuoteRecord ? { row: r + 1, cells, unclosedQuote: true } : { row: r + 1, cells });
  }
  if (rows.length === 0) return fail(file, makeIssue(messages, 'file.no_rows', 'error', {}), blankSkipped);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (rows.length > maxRows) {
    return fail(file, makeIssue(messages, 'file.too_many_rows', 'error', { found: rows.length, limit: maxRows }), blankSkipped);
  }
  return { file, fileIssues: header.issues, columns: header.mapping, rows, blankSkipped };
}

/** The template header words for the options (brand substituted). */
export function expectedHeader(options: Pick<ValidateOptions, 'profile' | 'brand'> = {}): string[] {
  return headerWords(options.profile ?? DEFAULT_PROFILE, options.brand);
}
