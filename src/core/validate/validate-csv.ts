/**
 * `validateCsv` and `validateRow`: the stages composed.
 * @module
 */
import type { CsvInput } from '../csv/decode.js';
import { resolveMessages } from '../messages.js';
import { DEFAULT_PROFILE, coreColumns } from '../profile.js';
import { detectDelimiter, parseInParts } from '../csv/parse.js';
import type { Issue, RowReport, ValidateOptions, ValidationReport } from '../types.js';
import { RepeatedKeys } from './cross-row.js';
import { applyCrossRowChecks, existingKeySet } from './duplicates.js';
import type { ColumnMapping } from './header.js';
import { makeIssue } from './issue.js';
import { DEFAULT_MAX_ROWS, buildReport, dataRows, decodeInput, readHeader, rowCountIssue } from './stages.js';
import { yieldToEventLoop } from '../yield.js';
import { createRowValidator } from './validate-row.js';
import type { RowValidator } from './validate-row.js';

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** How often (ms) validation yields to the event loop so that an abort or a message can arrive. */
const YIELD_EVERY_MS = 40;
/** Rows validated between clock checks. */
const CHUNK_ROWS = 256;
/**
 * Characters parsed at a time (see {@link parseInParts}): a part's records then live a few milliseconds, and
 * most die young. With parts of 1 MiB they outlived two minor collections and were promoted: at a million
 * rows the engine promoted 194 MB (131 MB with these), started a full collection before the end, and the
 * heap peaked at 355–414 MB in 6 runs (337–357 MB in 8 runs with these).
 */
const PART_CHARS = 1 << 16;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (typeof signal.throwIfAborted === 'function') signal.throwIfAborted();
  throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Validates an enrollment CSV: decodes it, parses it, checks the header, validates every non-blank
 * row against the profile's rules, finds duplicate and existing login IDs, and returns the report.
 * The text is parsed a part (64K characters) at a time, and each part's parsed records are dropped
 * once its rows are validated, so that a big file never holds every parsed record at once.
 * Rows are processed in chunks: `onProgress` is called about every 40 ms while rows are validated, once
 * the file is read and decoded (about half a second for a 64 MB file), and at the end; `signal`
 * is checked between chunks (the promise rejects with its reason, an `AbortError` by default), and
 * the engine yields to the event loop between chunks so that an abort message can reach a worker.
 * Never throws on bad file content: every problem is in the report.
 */
export async function validateCsv(input: CsvInput, options: ValidateOptions = {}): Promise<ValidationReport> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const messages = resolveMessages(options.messages);
  const settings = { ...options, messages };
  const decoded = await decodeInput(input, settings);
  throwIfAborted(signal);
  const bytesTotal = decoded.file.bytes;
  const finish = (report: ValidationReport) => {
    onProgress?.({ rowsDone: report.rows.length, bytesDone: bytesTotal, bytesTotal, rowsTotal: report.rows.length });
    return report;
  };
  if (!('text' in decoded)) return finish(buildReport(decoded.file, decoded.fileIssues, [], decoded.blankSkipped));
  const { text } = decoded;
  const file = { ...decoded.file, delimiter: detectDelimiter(text) };
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;

  let columns: ColumnMapping | undefined;
  let headerIssues: Issue[] = [];
  let validator: RowValidator | undefined;
  const reports: RowReport[] = [];
  // Repeated login keys are found a part behind the rows validated, between yields: not all at once at the
  // end. (With parts of 1 MiB, the part's keys had usually left the young generation by then, which a big
  // Set of young keys slows down; with parts of 64K characters they are a few milliseconds old. The time
  // of a run did not change measurably: 100k rows, 4.39–4.54× papaparse in 4 bench runs.)
  const repeated = new RepeatedKeys();
  let keyed = 0;
  const addKeys = () => {
    repeated.add(reports.slice(keyed).map((report) => report.loginKey));
    keyed = reports.length;
  };
  let count = 0;
  let blankSkipped = 0;
  let recordsBefore = 0;
  let previousEnd = 0;
  let last = now();
  for (const part of parseInParts(text, PART_CHARS, { delimiter: file.delimiter })) {
    let from = 0;
    if (!columns) {
      // The header is the first non-blank record, in whichever part it is.
      const header = readHeader(part.records, settings);
      if (header.index >= part.records.length && !part.last) {
        recordsBefore += part.records.length;
        previousEnd = part.end;
        continue;
      }
      if (!header.columns) return finish(buildReport(file, header.issues, [], 0));
      columns = header.columns;
      headerIssues = header.issues;
      validator = createRowValidator(settings, columns);
      from = header.index + 1;
    }
    const { rows, blank } = dataRows(part.records, from, recordsBefore, part.unclosedQuoteRecord);
    recordsBefore += part.records.length;
    const partStart = previousEnd;
    previousEnd = part.end;
    blankSkipped += blank;
    count += rows.length;
    // Past `maxRows` the verdict is file.too_many_rows: the rest is only counted.
    if (count > maxRows) continue;
    addKeys();
    for (let i = 0; i < rows.length; ) {
      const end = Math.min(rows.length, i + CHUNK_ROWS);
      for (; i < end; i++) reports.push(validator!.validateCells(rows[i]!));
      if (now() - last >= YIELD_EVERY_MS) {
        const done = partStart + ((part.end - partStart) * i) / rows.length;
        onProgress?.({ rowsDone: reports.length, bytesDone: Math.round((bytesTotal * done) / text.length), bytesTotal });
        await yieldToEventLoop();
        throwIfAborted(signal);
        last = now();
      }
    }
  }
  const countIssue = rowCountIssue(count, settings);
  if (countIssue) return finish(buildReport(file, [countIssue], [], blankSkipped));
  addKeys();
  applyCrossRowChecks(reports, options, messages, repeated.done());
  return finish(buildReport(file, headerIssues, reports, blankSkipped));
}

/**
 * Validates one row given by column key (for in-place fixes): the same rules as `validateCsv`,
 * without cross-row checks (no duplicates), but with `existingLoginIds` when given.
 * `options.row` is the spreadsheet row number to report (default 0).
 */
export function validateRow(values: Record<string, string>, options: ValidateOptions & { row?: number } = {}): RowReport {
  const report = createRowValidator(options).validateValues(values, options.row ?? 0);
  if (options.existingLoginIds && report.loginKey !== undefined) {
    if (existingKeySet(options.existingLoginIds, options.defaultCountry).has(report.loginKey)) {
      report.issues.push(
        makeIssue(resolveMessages(options.messages), 'login_id.exists', 'error', {
          column: ((core) => (report.loginKey?.charCodeAt(0) === 43 ? core.phone.key : core.email.key))(
            coreColumns(options.profile ?? DEFAULT_PROFILE),
          ),
        }),
      );
      delete report.record;
    }
  }
  return report;
}
