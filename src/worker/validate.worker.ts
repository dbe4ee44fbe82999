/**
 * The validation worker: holds papaparse, libphonenumber-js and zod so that the page loads none
 * of them until the admin picks a file. One script, two roles (see protocol.ts): the primary reads
 * the file, cuts a big one into parts, checks the header and runs the cross-row checks; helpers
 * decode, parse and validate the part they get.
 */
import { createRowValidator, crossRowPatch, validateRow } from '../core/index.js';
import type { ColumnMapping, CsvRow, FileInfo, RowReport } from '../core/index.js';
import { NEWLINE_WINDOW, byteSplitPoints, cutsFitNewline, detectDelimiter, detectNewline, parseBytesInParts, parseInParts, pieceCuts, splitPoints } from '../core/csv/parse.js';
import type { Delimiter, ParsedPart, ParsedRecords } from '../core/csv/parse.js';
import { decodePart, decodeWindows1252, partDecoding, releaseBytes } from '../core/csv/decode.js';
import { dataRows, decodeWhole, readHeader, readInputBytes, readText, rowCountIssue } from '../core/validate/stages.js';
import { buildReport } from '../core/validate/report.js';
import type { HelperMessage, PrimaryMessage, WorkerRequest, WorkerResponse, WorkerValidateOptions } from './protocol.js';
import { RowEncoder, transferables } from './row-codec.js';
import { yieldToEventLoop } from '../core/yield.js';
import { RepeatedKeys } from '../core/validate/cross-row.js';

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

/**
 * Rows are posted to the page at least this often, and in chunks of at most CHUNK_ROWS. The page's garbage
 * collector does its share of work in the task that receives a chunk, in proportion to what the chunk
 * allocates: at a million rows, chunks of 4,096 rows made tasks over 50 ms (62–143 ms) on the page in 7 runs
 * of 10, chunks of 1,024 in 2 of 10 (51–87 ms), and no run was slower.
 */
const POST_EVERY_MS = 80;
const CHUNK_ROWS = 1024;
/** How many rows are validated between two readings of the clock (a few milliseconds at most). */
const CLOCK_ROWS = 128;
/** Below this many characters the primary works alone: cutting the file would cost more than it saves. */
const SHARE_FROM_CHARS = 256 * 1024;
/**
 * The primary's part, against an equal share: a little more, so that a helper usually finishes first
 * and takes some of the rows the primary has left (see `Share`), rather than the primary waiting for it.
 */
const PRIMARY_SHARE = 1.1;
/** The fewest rows worth handing to a helper (fewer cost more to send than to validate). */
const TAIL_FROM_ROWS = 1024;
/** A helper with this many rows or fewer to go is given some of the primary's (see `Share`): about 40 ms of work, for them to reach it. */
const TAIL_LEAD_ROWS = 8192;
/**
 * Every worker decodes (the primary) and parses its part this many bytes (or characters) at a time, telling the
 * page its progress in between: about 20 ms each, and under 100 ms while the page's garbage collector shares the
 * cores (2 MB pieces left 60–97 ms without progress at 1M rows; no run slower). Told by both workers, the
 * progress moves on while one of them pauses: full collections in the primary, which grows its records while
 * it reads, left 151 and 161 ms without progress in 2 of 8 runs at 1M rows when the primary alone told it.
 */
const PIECE = 1 << 20;
/** How far the primary's reading is when the file's bytes are read, and when they are cut (then decoded and parsed). */
const READ = 0.05;
const CUT = 0.1;

class Aborted extends Error {}

const aborted = new Set<number>();
/** Rejecters of what the primary awaits from helpers, by run, so that an abort ends the wait. */
const waits = new Map<number, Set<(error: Error) => void>>();
let helpers: MessagePort[] = [];
/** A helper's decoded part, waiting for the primary's delimiter and line break (null: not valid UTF-8). */
const texts = new Map<number, string | null>();
/** A helper's parsed part, waiting for the primary's word to validate it (dropped on abort). */
const parts = new Map<number, { rows: CsvRow[] }>();
/** A helper's columns and options of a run, for the primary's rows it may be given (dropped when the run ends). */
const runs = new Map<number, { columns: ColumnMapping; options: WorkerValidateOptions }>();

/**
 * The rows of `rows` that one worker validates: from `next` up to `end`. A helper about to finish its
 * own part while the primary has many rows left takes the last of them, so that both have as many to
 * go: the primary then lowers `end`. The cores rarely run the workers at the same speed (the page and
 * other programs use them too): this keeps both busy to the end.
 */
interface Share {
  next: number;
  end: number;
}

const errorOf = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
const post = (message: WorkerResponse) => scope.postMessage(message);

function checkAborted(id: number): void {
  if (aborted.has(id)) throw new Aborted();
}

/**
 * Validates `rows` (report indexes `start…`), posting the reports to the page in compact chunks.
 * After each chunk, `onKeys` gets the chunk's login keys and the index in `rows` of its first row; the
 * chunk's rows are then cleared from `rows`.
 * Yields between chunks so that an abort (and a helper's keys) can arrive; `share.end` may be
 * lowered meanwhile, to no less than `share.next`.
 */
async function validateRows(
  id: number,
  start: number,
  rows: Array<CsvRow | undefined>,
  columns: ColumnMapping,
  options: WorkerValidateOptions,
  onKeys: (from: number, keys: Array<string | undefined>) => void,
  share: Share = { next: 0, end: rows.length },
): Promise<void> {
  const validator = createRowValidator(options, columns);
  const chunk = new RowEncoder(CHUNK_ROWS);
  let keys: Array<string | undefined> = [];
  let chunkStart = 0;
  let last = performance.now();
  for (let i = 0; i < share.end; i++) {
    const report = validator.validateCells(rows[i]!);
    chunk.push(report);
    keys.push(report.loginKey);
    // The clock is read every CLOCK_ROWS rows only: in a worker, performance.now() takes about 0.2 µs.
    if (chunk.length >= CHUNK_ROWS || i === share.end - 1 || (i % CLOCK_ROWS === 0 && performance.now() - last >= POST_EVERY_MS)) {
      const encoded = chunk.take();
      scope.postMessage({ id, type: 'rows', start: start + chunkStart, encoded }, transferables(encoded));
      onKeys(chunkStart, keys);
      // Validated rows are let go, so that the garbage collector can take them during the run.
      rows.fill(undefined, chunkStart, i + 1);
      keys = [];
      chunkStart = share.next = i + 1;
      if (share.next < share.end) {
        await yieldToEventLoop();
        checkAborted(id);
        last = performance.now();
      }
    }
  }
}

/**
 * Messages of a run from a helper, of the given type, until `take` returns true for one: resolves with
 * that one (an `error` rejects; an abort rejects).
 */
function fromHelper<T extends HelperMessage['type']>(
  port: MessagePort,
  id: number,
  type: T,
  take: (message: Extract<HelperMessage, { type: T }>) => boolean = () => true,
): Promise<Extract<HelperMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const rejecters = waits.get(id) ?? new Set();
    waits.set(id, rejecters);
    const done = () => {
      port.removeEventListener('message', onMessage);
      rejecters.delete(fail);
    };
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    const onMessage = (event: MessageEvent<HelperMessage>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'error') fail(Object.assign(new Error(message.message), { name: message.name }));
      else if (message.type === type && take(message as Extract<HelperMessage, { type: T }>)) {
        done();
        resolve(message as Extract<HelperMessage, { type: T }>);
      }
    };
    rejecters.add(fail);
    port.addEventListener('message', onMessage);
  });
}

/** The report of a run that ends with file issues and no rows. */
function postFileReport(id: number, file: FileInfo, fileIssues: RowReport['issues'], blankSkipped: number): void {
  post({ id, type: 'progress', progress: { rowsDone: 0, bytesDone: file.bytes, bytesTotal: file.bytes } });
  post({ id, type: 'report', report: buildReport(file, fileIssues, [], blankSkipped) });
}

/** The primary validates the whole text alone. */
async function validateWhole(id: number, text: string, file: FileInfo, options: WorkerValidateOptions): Promise<void> {
  const read = readText(text, file, options);
  checkAborted(id);
  if (read.columns === null || read.rows.length === 0) return postFileReport(id, read.file, read.fileIssues, read.blankSkipped);
  post({ id, type: 'begin', file: read.file, fileIssues: read.fileIssues, blankSkipped: read.blankSkipped, total: read.rows.length });
  const keys: Array<string | undefined> = [];
  const rowNumbers = Int32Array.from(read.rows, (row) => row.row);
  await validateRows(id, 0, read.rows, read.columns, options, (_from, chunk) => keys.push(...chunk));
  checkAborted(id);
  post({ id, type: 'done', patch: crossRowPatch(keys, rowNumbers, options) });
}

/**
 * A file cut into parts: the primary's own part parsed, and the helpers' replies once they have parsed
 * theirs. The same whether the primary cut the decoded text or the bytes before they were decoded.
 */
interface Parts {
  file: FileInfo;
  delimiter: Delimiter;
  own: ParsedRecords;
  peers: MessagePort[];
  replies: Array<Extract<HelperMessage, { type: 'parsed' }>>;
  /** The whole text, to parse it here when a cut misled (decoded again if the parts were bytes). */
  whole: () => string;
}

const drop = (id: number, peers: readonly MessagePort[]) => peers.forEach((port) => port.postMessage({ id, type: 'drop' } satisfies PrimaryMessage));

/** How far the primary's reading is, from 0 to 1 of the file (its part and what it did before): see `readingOf`. */
type Reading = (done: number) => void;

/**
 * Tells the page how far the primary's reading is, never less than it told before (a part cut in the bytes
 * that turns out not to be UTF-8 is read again as text), as the share read since it last told (helpers
 * tell theirs too: reading is READ_SHARE of a run's progress); tells it at once that nothing is read yet.
 */
function readingOf(id: number, bytesTotal: number): Reading {
  let told = 0;
  post({ id, type: 'read', share: 0, bytesTotal });
  return (done) => {
    if (done > told) post({ id, type: 'read', share: done - told });
    told = Math.max(told, done);
  };
}

/** The records of a part parsed a piece at a time, with `read(end)` after each piece; null when a piece is not the UTF-8 it was taken for. */
function readPieces(parts: Iterable<ParsedPart | null>, delimiter: Delimiter, read: (end: number) => void): ParsedRecords | null {
  const records: string[][] = [];
  let unclosedQuoteRecord = -1;
  for (const part of parts) {
    if (!part) return null;
    if (part.unclosedQuoteRecord >= 0) unclosedQuoteRecord = records.length + part.unclosedQuoteRecord;
    for (const record of part.records) records.push(record);
    read(part.end);
  }
  return { records, delimiter, unclosedQuoteRecord };
}

/** The share of a file's reading that parsing `length` of its `total` characters or bytes is (what comes after the cut). */
const shareOf = (length: number, total: number) => ((1 - CUT) * length) / total;

/** Cuts decoded text into parts, one per worker, and parses them; null when the text is too small to share. */
async function partsOfText(id: number, text: string, file: FileInfo, reading: Reading): Promise<Parts | null> {
  if (!helpers.length || text.length < SHARE_FROM_CHARS) return null;
  const delimiter = detectDelimiter(text);
  const newline = detectNewline(text);
  const points = splitPoints(text, helpers.length + 1, newline, PRIMARY_SHARE / (helpers.length + 1));
  if (points.length === 0) return null;
  const bounds = [0, ...points, text.length];
  const peers = helpers.slice(0, points.length);
  const parsed = peers.map((port, p) => {
    const reply = fromHelper(port, id, 'parsed');
    const part: PrimaryMessage = {
      id,
      type: 'part',
      text: text.slice(bounds[p + 1], bounds[p + 2]),
      delimiter,
      newline,
      last: p === peers.length - 1,
      share: shareOf(bounds[p + 2]! - bounds[p + 1]!, text.length),
    };
    port.postMessage(part);
    return reply;
  });
  reading(CUT);
  const own = readPieces(parseInParts(text.slice(0, bounds[1]), PIECE, { delimiter, newline }), delimiter, (end) => reading(CUT + shareOf(end, text.length)))!;
  return { file, delimiter, own, peers, replies: await Promise.all(parsed), whole: () => text };
}

/**
 * Cuts a file's bytes into parts before they are decoded, so that every worker decodes its own part at
 * the same time, and parses them. Null when the bytes cannot be cut so (too small to share, UTF-16, a file
 * to refuse, a line break that is not a line feed) or a part is not the UTF-8 it was taken for: the bytes
 * are then decoded whole, as validateCsv decodes them.
 */
async function partsOfBytes(id: number, bytes: Uint8Array, options: WorkerValidateOptions, reading: Reading): Promise<Parts | null> {
  if (!helpers.length || bytes.length < SHARE_FROM_CHARS) return null;
  reading(READ);
  const how = partDecoding(bytes, options.encoding);
  if (!how) return null;
  const points = byteSplitPoints(bytes, how.start, helpers.length + 1, PRIMARY_SHARE / (helpers.length + 1));
  if (points.length === 0) return null;
  // Finding the cuts and copying the helpers' parts each take tens of milliseconds on a big file.
  reading((READ + CUT) / 2);
  const bounds = [how.start, ...points, bytes.length];
  const peers = helpers.slice(0, points.length);
  peers.forEach((port, p) => {
    const part = bytes.slice(bounds[p + 1], bounds[p + 2]);
    port.postMessage({ id, type: 'bytes', bytes: part, decoding: how } satisfies PrimaryMessage, [part.buffer]);
  });
  reading(CUT);
  const ownBytes = bytes.subarray(bounds[0], bounds[1]);
  const pieces = pieceCuts(ownBytes, PIECE);
  const text = decodePart(ownBytes.subarray(0, pieces[1]), how);
  if (text === null) {
    drop(id, peers);
    return null;
  }
  // The delimiter and the line break are guessed from the start of the whole file, as validateCsv guesses
  // them: when the first piece is shorter than what papaparse looks at, the next bytes are decoded for that too.
  let head = text;
  const textEnd = bounds[0]! + pieces[1]!;
  if (text.length < NEWLINE_WINDOW && textEnd < bytes.length) {
    const more = bytes.subarray(textEnd, Math.min(bytes.length, textEnd + 3 * (NEWLINE_WINDOW - text.length)));
    head += how.encoding === 'windows-1252' ? decodeWindows1252(more) : new TextDecoder('utf-8', { ignoreBOM: true }).decode(more, { stream: true });
  }
  const delimiter = detectDelimiter(head);
  const newline = detectNewline(head);
  if (!cutsFitNewline(bytes, points, newline)) {
    drop(id, peers);
    return null;
  }
  const parsed = peers.map((port, p) => {
    const reply = fromHelper(port, id, 'parsed');
    port.postMessage({ id, type: 'part', delimiter, newline, last: p === peers.length - 1, share: shareOf(bounds[p + 2]! - bounds[p + 1]!, bytes.length) } satisfies PrimaryMessage);
    return reply;
  });
  const own = readPieces(parseBytesInParts(ownBytes, pieces, how, { delimiter, newline }, text), delimiter, (end) => reading(CUT + shareOf(bounds[0]! + end, bytes.length)));
  const replies = await Promise.all(parsed);
  if (own === null || replies.some((reply) => reply.undecodable)) {
    drop(id, peers);
    return null;
  }
  const whole = () => {
    const decoded = decodeWhole(bytes, options);
    return 'text' in decoded ? decoded.text : '';
  };
  return { file: { encoding: how.encoding, delimiter: '', bytes: bytes.length }, delimiter, own, peers, replies, whole };
}

/** Primary: read and decode; cut a big file into parts, one per worker; gather; post the cross-row patch. */
async function validate(id: number, request: Extract<WorkerRequest, { type: 'validate' }>): Promise<void> {
  const { options } = request;
  // A file's size is known before it is read; a text's, in UTF-8 bytes, once it is measured.
  const { input } = request;
  const size = typeof input === 'string' ? -1 : input instanceof Blob ? input.size : input.byteLength;
  const fileReading = size < 0 ? undefined : readingOf(id, size);
  // A File is read a chunk at a time: its progress is told in sixteenths of the reading before the cut.
  const read = await readInputBytes(input, options, fileReading && ((done) => fileReading((READ * Math.floor((16 * done) / size)) / 16)));
  checkAborted(id);
  if ('columns' in read) return postFileReport(id, read.file, read.fileIssues, read.blankSkipped);
  const reading = 'text' in read ? readingOf(id, read.file.bytes) : fileReading!;
  let parts = 'bytes' in read ? await partsOfBytes(id, read.bytes, options, reading) : null;
  checkAborted(id);
  if (!parts) {
    const decoded = 'bytes' in read ? decodeWhole(read.bytes, options) : read;
    if ('columns' in decoded) return postFileReport(id, decoded.file, decoded.fileIssues, decoded.blankSkipped);
    parts = await partsOfText(id, decoded.text, decoded.file, reading);
    if (!parts) return validateWhole(id, decoded.text, decoded.file, options);
  }
  checkAborted(id);
  const { own, replies, peers, delimiter } = parts;
  const header = readHeader(own.records, options);
  // A stray quote misled the cut (a part but the last ends inside a quoted value), or the header is not
  // in the first part: parse the whole file here instead.
  if (own.unclosedQuoteRecord >= 0 || replies.slice(0, -1).some((reply) => !reply.clean) || header.index >= own.records.length) {
    drop(id, peers);
    return validateWhole(id, parts.whole(), parts.file, options);
  }
  // The bytes of a File, read into a buffer of their own, are not needed any more (see releaseBytes).
  if ('bytes' in read && input instanceof Blob) releaseBytes(read.bytes);
  const file = { ...parts.file, delimiter };
  if (!header.columns) {
    drop(id, peers);
    return postFileReport(id, file, header.issues, 0);
  }
  const mine = dataRows(own.records, header.index + 1, 0, -1);
  const ownRecords = own.records.length;
  // The rows hold the cells now: the parsed records go, and each row goes once validated (validateRows).
  own.records = [];
  const total = mine.rows.length + replies.reduce((sum, reply) => sum + reply.rows, 0);
  const blankSkipped = mine.blank + replies.reduce((sum, reply) => sum + reply.blank, 0);
  const countIssue = rowCountIssue(total, options);
  if (countIssue) {
    drop(id, peers);
    return postFileReport(id, file, [countIssue], blankSkipped);
  }
  post({ id, type: 'begin', file, fileIssues: header.issues, blankSkipped, total });

  // Every worker's login keys come to the primary chunk by chunk as rows are validated, and the
  // repeated ones are found as they come: the cross-row checks at the end are then short.
  const keys = new Array<string | undefined>(total);
  const rowNumbers = new Int32Array(total);
  const repeated = new RepeatedKeys();
  const share: Share = { next: 0, end: mine.rows.length };
  /**
   * Gives a helper about to finish (`helperLeft` rows to go) the end of the primary's rows left, so that
   * both have as many to go; returns how many.
   */
  const giveTail = (port: MessagePort, helperLeft: number): number => {
    const given = Math.floor((share.end - share.next - helperLeft) / 2);
    if (given < TAIL_FROM_ROWS) return 0;
    const from = share.end - given;
    const tail = mine.rows.slice(from, share.end);
    const rows = Int32Array.from(tail, (row) => row.row);
    const unclosed = tail.flatMap((row, i) => (row.unclosedQuote ? [i] : []));
    port.postMessage({ id, type: 'tail', start: from, rows, cells: tail.map((row) => row.cells), unclosed } satisfies PrimaryMessage, [rows.buffer]);
    share.end = from;
    return tail.length;
  };
  const gathered: Array<Promise<unknown>> = [];
  let rowOffset = ownRecords;
  let start = mine.rows.length;
  peers.forEach((port, p) => {
    let expected = replies[p]!.rows;
    if (expected > 0) {
      gathered.push(
        fromHelper(port, id, 'keys', (message) => {
          for (let i = 0; i < message.keys.length; i++) keys[message.start + i] = message.keys[i];
          rowNumbers.set(message.rows, message.start);
          repeated.add(message.keys);
          expected -= message.keys.length;
          // The primary reads this between its own chunks, one chunk late at worst: the helper gets its share
          // of the primary's rows before it runs out.
          if (expected <= TAIL_LEAD_ROWS) expected += giveTail(port, expected);
          return expected === 0;
        }),
      );
    }
    port.postMessage({ id, type: 'validate', rowOffset, start, bytesTotal: file.bytes, totalRows: total, columns: header.columns!, options } satisfies PrimaryMessage);
    rowOffset += replies[p]!.records;
    start += replies[p]!.rows;
  });
  await validateRows(
    id,
    0,
    mine.rows,
    header.columns,
    options,
    (from, chunk) => {
      for (let i = 0; i < chunk.length; i++) {
        keys[from + i] = chunk[i];
        rowNumbers[from + i] = mine.rows[from + i]!.row;
      }
      repeated.add(chunk);
    },
    share,
  );
  await Promise.all(gathered);
  checkAborted(id);
  drop(id, peers);
  post({ id, type: 'done', patch: crossRowPatch(keys, rowNumbers, options, undefined, repeated.done()) });
}

/** Helper: parse the part it is given, then validate it when the primary says where its rows stand. */
function serveAsHelper(primary: MessagePort): void {
  const reply = (message: HelperMessage) => primary.postMessage(message);
  /** How many validations of each run are going on here (its part, and rows of the primary's it was given). */
  const going = new Map<number, number>();
  /** Validates rows (report indexes `start…`), sending their login keys and row numbers to the primary chunk by chunk. */
  const validateFor = (id: number, start: number, rows: CsvRow[], columns: ColumnMapping, options: WorkerValidateOptions) => {
    going.set(id, (going.get(id) ?? 0) + 1);
    return validateRows(id, start, rows, columns, options, (from, keys) => {
      const numbers = new Int32Array(keys.length);
      for (let i = 0; i < numbers.length; i++) numbers[i] = rows[from + i]!.row;
      primary.postMessage({ id, type: 'keys', start: start + from, keys, rows: numbers } satisfies HelperMessage, [numbers.buffer]);
    })
      .catch((error: unknown) => {
        if (!(error instanceof Aborted)) reply({ id, type: 'error', name: errorOf(error).name, message: errorOf(error).message });
      })
      .finally(() => {
        // An abort stays known until every validation of the run has stopped.
        const left = going.get(id)! - 1;
        if (left > 0) going.set(id, left);
        else {
          going.delete(id);
          aborted.delete(id);
        }
      });
  };
  primary.addEventListener('message', (event: MessageEvent<PrimaryMessage>) => {
    const message = event.data;
    const { id } = message;
    try {
      if (message.type === 'drop') {
        texts.delete(id);
        parts.delete(id);
        runs.delete(id);
      } else if (message.type === 'bytes') {
        texts.set(id, decodePart(message.bytes, message.decoding));
      } else if (message.type === 'part') {
        const text = message.text ?? texts.get(id);
        texts.delete(id);
        if (text === undefined) return; // aborted
        if (text === null) return reply({ id, type: 'parsed', records: 0, rows: 0, blank: 0, clean: true, undecodable: true });
        // A piece at a time, telling the page after each: its progress then moves while the primary's pauses.
        let at = 0;
        const parsed = readPieces(parseInParts(text, PIECE, message), message.delimiter, (end) => {
          post({ id, type: 'read', share: (message.share * (end - at)) / text.length });
          at = end;
        })!;
        const { rows, blank } = dataRows(parsed.records, 0, 0, message.last ? parsed.unclosedQuoteRecord : -1);
        parts.set(id, { rows });
        reply({ id, type: 'parsed', records: parsed.records.length, rows: rows.length, blank, clean: parsed.unclosedQuoteRecord < 0 });
      } else if (message.type === 'validate') {
        const part = parts.get(id);
        parts.delete(id);
        if (!part) return;
        for (const row of part.rows) row.row += message.rowOffset;
        runs.set(id, { columns: message.columns, options: message.options });
        void validateFor(id, message.start, part.rows, message.columns, message.options);
      } else if (message.type === 'tail') {
        const run = runs.get(id);
        if (!run) return;
        const rows: CsvRow[] = message.cells.map((cells, i) => ({ row: message.rows[i]!, cells }));
        for (const i of message.unclosed) rows[i]!.unclosedQuote = true;
        void validateFor(id, message.start, rows, run.columns, run.options);
      }
    } catch (error) {
      texts.delete(id);
      parts.delete(id);
      reply({ id, type: 'error', name: errorOf(error).name, message: errorOf(error).message });
    }
  });
  primary.start();
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  switch (request.type) {
    case 'init':
      if (request.role === 'primary') {
        helpers = request.helpers;
        for (const port of helpers) port.start();
      } else {
        serveAsHelper(request.primary);
      }
      return;
    case 'abort': {
      aborted.add(request.id);
      texts.delete(request.id);
      parts.delete(request.id);
      runs.delete(request.id);
      const rejecters = waits.get(request.id);
      waits.delete(request.id);
      for (const reject of rejecters ?? []) reject(new Aborted());
      return;
    }
    case 'validate-row':
      try {
        post({ id: request.id, type: 'row', row: validateRow(request.values, request.options) });
      } catch (error) {
        post({ id: request.id, type: 'error', name: errorOf(error).name, message: errorOf(error).message });
      }
      return;
    case 'validate':
      validate(request.id, request)
        .catch((error: unknown) => {
          if (!(error instanceof Aborted)) post({ id: request.id, type: 'error', name: errorOf(error).name, message: errorOf(error).message });
        })
        .finally(() => {
          aborted.delete(request.id);
          waits.delete(request.id);
        });
      return;
  }
});
