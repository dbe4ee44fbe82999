/**
 * Messages between the page, the primary validation worker and its helpers.
 *
 * The page starts a small pool: one primary worker and, on machines with more than one core,
 * helpers connected to it by MessagePorts. The primary reads the file; a big file is cut into parts
 * at line breaks outside quotes, one per worker, and every worker decodes and parses its own part (so
 * decoding and parsing run in parallel too, and no parsed rows are copied between workers). The cut is
 * made in the bytes (`bytes`, then `part` once the primary knows the delimiter and line break from the
 * start of the file); when bytes cannot be cut so (UTF-16, a part that is not the UTF-8 it looked like,
 * a string input), the primary decodes the whole text and cuts that. Every worker tells the page how
 * far it has read (`read`): the file read, then each piece of its part parsed. Once every part is
 * parsed, the primary checks the header and the row count, numbers the parts' rows, and tells each
 * worker to validate. Every worker posts its row reports straight to the page in small chunks
 * of a compact format (row-codec.ts), and sends its rows' login keys to the primary chunk by chunk;
 * a helper that finishes early is given the second half of the rows the primary has left (`tail`);
 * the primary finds the repeated ones as they come, runs the cross-row checks (duplicates across all
 * parts, existing login IDs) once every key is in, and posts them as a patch.
 * A part that does not end outside a quoted value (a stray quote misled the cut) makes the primary
 * parse the whole file itself: the report is the same either way.
 */
import type { FileInfo, Issue, RowReport, ValidateOptions, ValidateProgress, ValidationReport } from '../core/types.js';
import type { Delimiter, Newline } from '../core/csv/parse.js';
import type { PartDecoding } from '../core/csv/decode.js';
import type { ColumnMapping, CrossRowPatch } from '../core/validate/stages.js';
import type { EncodedRows } from './row-codec.js';

/**
 * The share of a pooled run's progress (`bytesDone` of `bytesTotal`) that reading the file counts for: the
 * primary reports its decoding and parsing up to this share, and the rows validated then fill the rest.
 * Reading took about a sixth of a run at 100k and 1M rows (bench), and a big file's reading takes long
 * enough that the progress must move during it (at least every 100 ms).
 */
export const READ_SHARE = 1 / 6;

/** The options that cross into a worker: everything but the callbacks, the signal and the message functions. */
export type WorkerValidateOptions = Omit<ValidateOptions, 'signal' | 'onProgress' | 'existingLoginIds' | 'messages'> & {
  existingLoginIds?: string[];
};

/** Page → worker. */
export type WorkerRequest =
  | { type: 'init'; role: 'primary'; helpers: MessagePort[] }
  | { type: 'init'; role: 'helper'; primary: MessagePort }
  | { id: number; type: 'validate'; input: string | Blob | ArrayBuffer | Uint8Array; options: WorkerValidateOptions }
  | { id: number; type: 'validate-row'; values: Record<string, string>; options: WorkerValidateOptions & { row?: number } }
  | { id: number; type: 'abort' };

/** Worker → page. */
export type WorkerResponse =
  | { id: number; type: 'progress'; progress: ValidateProgress }
  /**
   * Reading went on: `share` more of it is done (a fraction of the whole file's decoding and parsing). Every
   * worker tells its own part's; the primary's first says `bytesTotal`.
   */
  | { id: number; type: 'read'; share: number; bytesTotal?: number }
  | { id: number; type: 'begin'; file: FileInfo; fileIssues: Issue[]; blankSkipped: number; total: number }
  | { id: number; type: 'rows'; start: number; encoded: EncodedRows }
  | { id: number; type: 'done'; patch: CrossRowPatch[] }
  | { id: number; type: 'report'; report: ValidationReport }
  | { id: number; type: 'row'; row: RowReport }
  | { id: number; type: 'error'; name: string; message: string };

/** Primary → helper. */
export type PrimaryMessage =
  /** A part of the file's bytes, to decode now: the primary says how to parse it once it knows (`part`). */
  | { id: number; type: 'bytes'; bytes: Uint8Array; decoding: PartDecoding }
  /** A part of the file to parse: `text`, or the bytes it was given, decoded; `share`: how much of the reading it is (see `read`). */
  | { id: number; type: 'part'; text?: string; delimiter: Delimiter; newline: Newline; last: boolean; share: number }
  /** Validate the parsed part: its records start at spreadsheet row `rowOffset + 1`, its rows at report index `start`. */
  | { id: number; type: 'validate'; rowOffset: number; start: number; bytesTotal: number; totalRows: number; columns: ColumnMapping; options: WorkerValidateOptions }
  /**
   * Validate some of the primary's rows too (the helper has finished its part, and the primary has many
   * left): spreadsheet rows `rows[i]` with cells `cells[i]` (`unclosed`: indexes of rows whose quoted
   * value never closes), from report index `start`. Their keys come back as `keys` messages.
   */
  | { id: number; type: 'tail'; start: number; rows: Int32Array; cells: string[][]; unclosed: number[] }
  /** Forget the run's part and settings (the primary parses the whole file itself, the run failed, or it ended). */
  | { id: number; type: 'drop' };

/** Helper → primary. */
export type HelperMessage =
  /**
   * The part is parsed: its records (blank ones included), data rows and blank rows, and whether it ends
   * outside a quoted value; or its bytes were not the UTF-8 they were taken for (`undecodable`).
   */
  | { id: number; type: 'parsed'; records: number; rows: number; blank: number; clean: boolean; undecodable?: true }
  /** A chunk of the part is validated: the login keys and spreadsheet rows of its rows, from report index `start`. */
  | { id: number; type: 'keys'; start: number; keys: Array<string | undefined>; rows: Int32Array }
  | { id: number; type: 'error'; name: string; message: string };
