/**
 * `validateCsv` and `validateRow`: the stages composed.
 * @module
 */
import type { CsvInput } from '../csv/decode.js';
import { resolveMessages } from '../messages.js';
import { DEFAULT_PROFILE, coreColumns } from '../profile.js';
import type { RowReport, ValidateOptions, ValidationReport } from '../types.js';
import { applyCrossRowChecks, existingKeySet } from './duplicates.js';
import { makeIssue } from './issue.js';
import { buildReport, readCsv } from './stages.js';
import { yieldToEventLoop } from '../yield.js';
import { createRowValidator } from './validate-row.js';
import type { RowValidator } from './validate-row.js';

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** How often (ms) validation yields to the event loop so that an abort or a message can arrive. */
const YIELD_EVERY_MS = 40;
/** Rows validated between clock checks. */
const CHUNK_ROWS = 256;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (typeof signal.throwIfAborted === 'function') signal.throwIfAborted();
  throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Validates an enrollment CSV: decodes it, parses it, checks the header, validates every non-blank
 * row against the profile's rules, finds duplicate and existing login IDs, and returns the report.
 * Rows are processed in chunks: `onProgress` is called about every 40 ms (and at the end), `signal`
 * is checked between chunks (the promise rejects with its reason, an `AbortError` by default), and
 * the engine yields to the event loop between chunks so that an abort message can reach a worker.
 * Never throws on bad file content: every problem is in the report.
 */
export async function validateCsv(input: CsvInput, options: ValidateOptions = {}): Promise<ValidationReport> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const messages = resolveMessages(options.messages);
  const read = await readCsv(input, { ...options, messages });
  throwIfAborted(signal);
  const bytesTotal = read.file.bytes;
  const rows = read.rows;
  const n = rows.length;
  if (read.columns === null || n === 0) {
    onProgress?.({ rowsDone: 0, bytesDone: bytesTotal, bytesTotal });
    return buildReport(read.file, read.fileIssues, [], read.blankSkipped);
  }
  const validator = createRowValidator({ ...options, messages }, read.columns);
  const reports: RowReport[] = new Array<RowReport>(n);
  let last = now();
  for (let i = 0; i < n; ) {
    const end = Math.min(n, i + CHUNK_ROWS);
    for (; i < end; i++) reports[i] = validator.validateCells(rows[i]!);
    if (i < n && now() - last >= YIELD_EVERY_MS) {
      onProgress?.({ rowsDone: i, bytesDone: Math.round((bytesTotal * i) / n), bytesTotal });
      await yieldToEventLoop();
      throwIfAborted(signal);
      last = now();
    }
  }
  applyCrossRowChecks(reports, options, messages);
  onProgress?.({ rowsDone: n, bytesDone: bytesTotal, bytesTotal });
  return buildReport(read.file, read.fileIssues, reports, read.blankSkipped);
}

let cached: { key: readonly unknown[]; validator: RowValidator } | undefined;

/**
 * Validates one row given by column key (for in-place fixes): the same rules as `validateCsv`,
 * without cross-row checks (no duplicates), but with `existingLoginIds` when given.
 * `options.row` is the spreadsheet row number to report (default 0).
 */
export function validateRow(values: Record<string, string>, options: ValidateOptions & { row?: number } = {}): RowReport {
  const key = [options.profile, options.brand, options.defaultCountry, options.messages] as const;
  if (!cached || cached.key.some((k, i) => k !== key[i])) cached = { key, validator: createRowValidator(options) };
  const report = cached.validator.validateValues(values, options.row ?? 0);
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
