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
import { DEFAULT_MAX_BYTES, decodeBytes, readBytes, releaseBytes } from '../csv/decode.js';
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
  const decoded = await decodeInput(input, options);
  return 'text' in decoded ? readText(decoded.text, decoded.file, options) : decoded;
}

/** Stage 1a: the input decoded to text, or the file issue that refuses it (`file.too_large`, `file.unsupported_type`). */
export async function decodeInput(input: CsvInput, options: ReadOptions = {}): Promise<{ text: string; file: FileInfo } | ReadResult> {
  const read = await readInputBytes(input, options);
  if (!('bytes' in read)) return read;
  const decoded = decodeWhole(read.bytes, options);
  if (input instanceof Blob) releaseBytes(read.bytes); // read into a buffer of its own
  return decoded;
}

/**
 * Stage 1a, first step, for callers that decode a part at a time: the input's bytes (a string input is
 * already text), or the file issue that refuses it (`file.too_large`, before a `Blob` is read). The bytes
 * of a `Blob` are read into a buffer of their own, which `releaseBytes` may free once they are decoded;
 * `onRead` is told how many are read as they come (see `readBytes`).
 */
export async function readInputBytes(
  input: CsvInput,
  options: ReadOptions = {},
  onRead?: (done: number) => void,
): Promise<{ bytes: Uint8Array } | { text: string; file: FileInfo } | ReadResult> {
  const read = await readBytes(input, options.maxBytes ?? DEFAULT_MAX_BYTES, onRead);
  if (!read.ok) return refusal(read.refused, read.bytes, options);
  if ('text' in read) return { text: read.text, file: { encoding: 'utf-8', delimiter: '', bytes: read.bytes } };
  return { bytes: read.bytes };
}

/** Stage 1a, second step: bytes decoded whole ({@link decodeBytes}), or the file issue that refuses them. */
export function decodeWhole(bytes: Uint8Array, options: ReadOptions = {}): { text: string; file: FileInfo } | ReadResult {
  const decoded = decodeBytes(bytes, options.encoding);
  if (decoded.ok) return { text: decoded.text, file: { encoding: decoded.encoding, delimiter: '', bytes: decoded.bytes } };
  return refusal(decoded.refused, decoded.bytes, options);
}

function refusal(code: 'file.too_large' | 'file.unsupported_type', bytes: number, options: ReadOptions): ReadResult {
  const messages = resolveMessages(options.messages);
  const context = code === 'file.too_large' ? { found: bytes, limit: options.maxBytes ?? DEFAULT_MAX_BYTES } : {};
  return failed({ encoding: '', delimiter: '', bytes }, makeIssue(messages, code, 'error', context));
}

/** Stage 1b: decoded text parsed, header-checked and turned into data rows. `file` gets the delimiter. */
export function readText(text: string, file: FileInfo, options: ReadOptions = {}): ReadResult {
  const { records, delimiter, unclosedQuoteRecord } = parseRecords(text);
  return readRecords(records, unclosedQuoteRecord, { ...file, delimiter }, options);
}

const failed = (file: FileInfo, issue: Issue, blankSkipped = 0): ReadResult => ({ file, fileIssues: [issue], columns: null, rows: [], blankSkipped });

/** The index of the first non-blank record (the header), or `records.length` when every record is blank. */
export function headerIndex(records: readonly string[][]): number {
  let h = 0;
  while (h < records.length && isBlank(records[h]!)) h++;
  return h;
}

/**
 * The non-blank records from `from` on as data rows, numbered as spreadsheet rows: record `i` of
 * `records` is row `rowOffset + i + 1`. `unclosedQuoteRecord` (an index into `records`, or -1) marks the
 * row where a quoted value never closes.
 */
export function dataRows(records: readonly string[][], from: number, rowOffset: number, unclosedQuoteRecord: number): { rows: CsvRow[]; blank: number } {
  const rows: CsvRow[] = [];
  let blank = 0;
  for (let r = from; r < records.length; r++) {
    const cells = records[r]!;
    if (isBlank(cells)) {
      blank++;
      continue;
    }
    const row = rowOffset + r + 1;
    rows.push(r === unclosedQuoteRecord ? { row, cells, unclosedQuote: true } : { row, cells });
  }
  return { rows, blank };
}

/** The header check of the first non-blank record: the column mapping, or the file issues. */
export function readHeader(records: readonly string[][], options: ReadOptions = {}): { index: number; columns: ColumnMapping | null; issues: Issue[] } {
  const messages = resolveMessages(options.messages);
  const index = headerIndex(records);
  if (index >= records.length) return { index, columns: null, issues: [makeIssue(messages, 'file.empty', 'error', {})] };
  const header = checkHeader(records[index]!, options.profile ?? DEFAULT_PROFILE, { brand: options.brand, headerMode: options.headerMode, messages });
  return { index, columns: header.mapping, issues: header.issues };
}

/** The row-count checks once every data row is known: `file.no_rows`, `file.too_many_rows`. */
export function rowCountIssue(count: number, options: ReadOptions = {}): Issue | undefined {
  const messages = resolveMessages(options.messages);
  if (count === 0) return makeIssue(messages, 'file.no_rows', 'error', {});
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (count > maxRows) return makeIssue(messages, 'file.too_many_rows', 'error', { found: count, limit: maxRows });
  return undefined;
}

/** Stage 1c: parsed records (blank ones included) → header check and data rows. */
export function readRecords(records: readonly string[][], unclosedQuoteRecord: number, file: FileInfo, options: ReadOptions = {}): ReadResult {
  const header = readHeader(records, options);
  if (!header.columns) return { file, fileIssues: header.issues, columns: null, rows: [], blankSkipped: 0 };
  const { rows, blank } = dataRows(records, header.index + 1, 0, unclosedQuoteRecord);
  const countIssue = rowCountIssue(rows.length, options);
  if (countIssue) return failed(file, countIssue, blank);
  return { file, fileIssues: header.issues, columns: header.columns, rows, blankSkipped: blank };
}

/** The template header words for the options (brand substituted). */
export function expectedHeader(options: Pick<ValidateOptions, 'profile' | 'brand'> = {}): string[] {
  return headerWords(options.profile ?? DEFAULT_PROFILE, options.brand);
}
