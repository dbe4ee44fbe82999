/**
 * Text → records, with papaparse: delimiter detection among `,` `;` TAB, CRLF / LF / CR,
 * quoted newlines, and the position of an unclosed quote.
 * @module
 */
import Papa from 'papaparse';
import { decodePart } from './decode.js';
import type { PartDecoding } from './decode.js';

/** The delimiters detected. */
export const DELIMITERS = [',', ';', '\t'] as const;
/** See {@link DELIMITERS}. */
export type Delimiter = (typeof DELIMITERS)[number];

/** Options of {@link parseCsv}. */
export interface ParseOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
  /** Force the line break instead of letting papaparse guess it (parts of one file must agree). */
  newline?: Newline;
}

/** The line breaks papaparse knows. */
export type Newline = '\r\n' | '\n' | '\r';

/** Records and what was learned while parsing them. */
export interface ParsedRecords {
  /** Every record in file order, blank ones included (record i is spreadsheet row i + 1). */
  records: string[][];
  /** The delimiter used. */
  delimiter: Delimiter;
  /** Index of the record where a quoted value opens and never closes, or -1. */
  unclosedQuoteRecord: number;
}

/**
 * Detects the delimiter from the first non-blank line: the candidate (`,` `;` TAB) that occurs most
 * often outside quotes wins; ties and no candidate at all give `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  const limit = Math.min(text.length, 65536);
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 || c === 13) {
      // the first line holding any candidate decides; blank or single-column lines are skipped
      if (comma || semicolon || tab) break;
    } else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

/**
 * Parses decoded text (without BOM) into records with papaparse's parser (`Papa.Parser`), given the
 * delimiter and the line break papaparse would guess ({@link detectNewline}). Keeps blank records so that
 * indexes are spreadsheet rows; drops the empty remainder after a final line break.
 *
 * Not through `Papa.parse`: on a string, its streaming layer only wraps the same parser, yet with it,
 * parsing a 64 MB file a part at a time and dropping each part's records took 729–821 ms against 321–350 ms
 * (Chromium 156, parts of 64K and 1M characters), and the records outlived two minor collections, so that
 * the engine promoted them (84–87 MB against 1–9 MB) and only a full collection freed them.
 */
export function parseRecords(text: string, options: ParseOptions = {}): ParsedRecords {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  if (text.length === 0) return { records: [], delimiter, unclosedQuoteRecord: -1 };
  const parser = new Papa.Parser({ delimiter, newline: options.newline ?? detectNewline(text) });
  const result = parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
  const records = result.data;
  const last = records[records.length - 1];
  const end = text.charCodeAt(text.length - 1);
  if (last && last.length === 1 && last[0] === '' && (end === 10 || end === 13)) records.pop();
  let unclosedQuoteRecord = -1;
  for (const error of result.errors) {
    if (error.code === 'MissingQuotes' && typeof error.row === 'number') {
      unclosedQuoteRecord = unclosedQuoteRecord < 0 ? error.row : Math.min(unclosedQuoteRecord, error.row);
    }
  }
  return { records, delimiter, unclosedQuoteRecord };
}

/** How many characters papaparse looks at to guess the line break. */
export const NEWLINE_WINDOW = 1024 * 1024;

/**
 * The line break papaparse guesses for `text` (its `guessLineEndings`): in the first 1,048,576 characters,
 * with every quoted span taken out (a quote and the next one, and what lies between; a last quote without
 * a partner stays), `\n` when there is no CR or a line feed comes first; else `\r\n` when at least half
 * of the CR-separated pieces start with a line feed, `\r` otherwise. Found by jumping from quote to
 * line break with indexOf: papaparse copies that megabyte three times (without the quoted spans, then
 * split at CRs and at line feeds), about 5 ms on the path of every pooled run.
 */
export function detectNewline(text: string): Newline {
  const head = text.length > NEWLINE_WINDOW ? text.slice(0, NEWLINE_WINDOW) : text;
  let crs = 0;
  let crlfs = 0;
  /** Where a line feed would follow a CR: right after a CR, or after quoted spans right after one. */
  let afterCr = -1;
  let quote = head.indexOf('"');
  let cr = head.indexOf('\r');
  let lf = head.indexOf('\n');
  for (;;) {
    if (quote >= 0 && (cr < 0 || quote < cr) && (lf < 0 || quote < lf)) {
      const close = head.indexOf('"', quote + 1);
      if (close < 0) quote = -1; // a quote without a partner stays, like any other character
      else {
        if (quote === afterCr) afterCr = close + 1;
        if (cr >= 0 && cr < close) cr = head.indexOf('\r', close);
        if (lf >= 0 && lf < close) lf = head.indexOf('\n', close);
        quote = head.indexOf('"', close + 1);
      }
    } else if (cr >= 0 && (lf < 0 || cr < lf)) {
      crs++;
      afterCr = cr + 1;
      cr = head.indexOf('\r', cr + 1);
    } else if (lf >= 0) {
      if (crs === 0) return '\n';
      if (lf === afterCr) crlfs++;
      lf = head.indexOf('\n', lf + 1);
    } else break;
  }
  if (crs === 0) return '\n';
  return crlfs >= (crs + 1) / 2 ? '\r\n' : '\r';
}

/**
 * Up to `parts - 1` places where `text` can be cut into parts that parse on their own as they would
 * in one piece: each right after a line break that lies outside quotes. The first part is about
 * `firstShare` of the text, the others share the rest equally. A quote inside an unquoted value (`5'10"`) can mislead this count; whoever parses the parts
 * must check that each but the last ends outside a quoted value, and parse whole otherwise.
 */
export function splitPoints(text: string, parts: number, newline: Newline, firstShare = 1 / parts): number[] {
  return cutPoints(text.length, 0, parts, firstShare, (at) => text.indexOf('"', at), (at) => text.indexOf(newline, at), newline.length);
}

/**
 * {@link splitPoints} on the bytes of a file, before they are decoded: up to `parts - 1` places, each right
 * after a line feed outside quotes (quote and line feed are single bytes that no other character contains,
 * in UTF-8 and in Windows-1252). The quote count starts at `from` (after a byte-order mark). Whoever cuts
 * there must check that the file's line break ends in a line feed ({@link cutsFitNewline}), and that each
 * part but the last ends outside a quoted value.
 */
export function byteSplitPoints(bytes: Uint8Array, from: number, parts: number, firstShare = 1 / parts): number[] {
  return cutPoints(bytes.length, from, parts, firstShare, (at) => bytes.indexOf(0x22, at), (at) => bytes.indexOf(0x0a, at), 1);
}

/**
 * The walk of {@link splitPoints} and {@link byteSplitPoints} over `n` characters or bytes from `from`:
 * `quoteAt` and `breakAt` find the next quote and line break from a position (indexOf, fast on text with
 * few quotes); a cut goes right after the first line break past each target where the quotes so far pair up.
 */
function cutPoints(n: number, from: number, parts: number, firstShare: number, quoteAt: (at: number) => number, breakAt: (at: number) => number, breakLength: number): number[] {
  const points: number[] = [];
  // The next quote at or after `knownFrom` is `knownQuote` (-1: none): asked again from there on, it is
  // not looked for again, so that a text without quotes is searched once, not once per cut.
  let knownFrom = Infinity;
  let knownQuote = -1;
  const nextQuote = (at: number) => {
    if (at < knownFrom || (knownQuote !== -1 && knownQuote < at)) {
      knownFrom = at;
      knownQuote = quoteAt(at);
    }
    return knownQuote;
  };
  const firstEnd = from + (n - from) * firstShare;
  let quotes = 0;
  let scanned = from;
  for (let k = 1; k < parts; k++) {
    let at = Math.max(Math.floor(firstEnd + ((n - firstEnd) * (k - 1)) / Math.max(1, parts - 1)), points[points.length - 1] ?? 0);
    for (let q = nextQuote(scanned); q !== -1 && q < at; q = nextQuote(q + 1)) quotes++;
    scanned = at;
    let found = -1;
    while (at < n) {
      const next = breakAt(at);
      if (next === -1) break;
      for (let q = nextQuote(at); q !== -1 && q < next; q = nextQuote(q + 1)) quotes++;
      at = scanned = next + breakLength;
      if (quotes % 2 === 0) {
        found = at;
        break;
      }
    }
    if (found === -1 || found >= n) break;
    points.push(found);
  }
  return points;
}

/** Whether every cut of {@link byteSplitPoints} is right after a whole line break of the kind `newline`. */
export function cutsFitNewline(bytes: Uint8Array, points: readonly number[], newline: Newline): boolean {
  if (newline === '\r') return false;
  return newline === '\n' || points.every((p) => bytes[p - 2] === 0x0d);
}

/**
 * Where to cut `bytes` (whole records of a file) into pieces of about `pieceBytes` for {@link parseBytesInParts}:
 * 0, the cuts of {@link byteSplitPoints}, and `bytes.length`.
 */
export function pieceCuts(bytes: Uint8Array, pieceBytes: number): number[] {
  return [0, ...byteSplitPoints(bytes, 0, Math.ceil(bytes.length / pieceBytes)), bytes.length];
}

/** One part of a text parsed by {@link parseInParts}. */
export interface ParsedPart extends ParsedRecords {
  /** Where the part ends in the text (the next part starts there). */
  end: number;
  /** Whether this is the text's last part. */
  last: boolean;
}

/**
 * Parses `text` a part of about `partChars` characters at a time, cut right after line breaks outside
 * quotes, so that a caller can validate and drop each part's records before the next is parsed. The
 * records of all parts together are exactly those of `parseRecords(text)`: the delimiter and line break
 * are detected once for the whole text, and when a stray quote misled a cut (a part ends inside a quoted
 * value), the rest of the text is parsed as one last part. `unclosedQuoteRecord` indexes the part's records.
 */
export function* parseInParts(text: string, partChars: number, options: ParseOptions = {}): Generator<ParsedPart> {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  // A text of one part is parsed as parseRecords would; the parts of a longer one must agree on the line break.
  const newline = options.newline ?? (text.length > partChars ? detectNewline(text) : undefined);
  const points = newline && text.length > partChars ? splitPoints(text, Math.ceil(text.length / partChars), newline) : [];
  yield* parsePieces([...points, text.length], (from, to) => parseRecords(text.slice(from, to), { delimiter, ...(newline ? { newline } : {}) }));
}

/**
 * {@link parseInParts} on `bytes` (whole records of a file) before they are decoded: each piece between
 * two `cuts` (see {@link pieceCuts}) is decoded as `how` says, then parsed, so that no piece's text is
 * ever joined to another; `first` is the first piece's text, when the caller decoded it already. Yields
 * null for a piece that is not the UTF-8 it was taken for (the caller must then decode the whole file).
 */
export function* parseBytesInParts(
  bytes: Uint8Array,
  cuts: readonly number[],
  how: PartDecoding,
  options: Required<ParseOptions>,
  first?: string,
): Generator<ParsedPart | null> {
  // A cut after a line feed that is not a whole line break (a lone LF in a CRLF file) parses otherwise: one piece then.
  const fit = cutsFitNewline(bytes, cuts.slice(1, -1), options.newline);
  let undecodable = false;
  const parse = (from: number, to: number) => {
    const text = from === 0 && to === cuts[1] && fit && first !== undefined ? first : decodePart(bytes.subarray(from, to), how);
    if (text === null) undecodable = true;
    return parseRecords(text ?? '', options);
  };
  for (const part of parsePieces(fit ? cuts.slice(1) : [bytes.length], parse)) {
    yield undecodable ? null : part;
    if (undecodable) return;
  }
}

/**
 * The pieces of a text that end at `ends` (each right after a line break outside quotes, the last at the
 * text's end), parsed one at a time by `parse`; when a stray quote misled a cut (a piece but the last
 * ends inside a quoted value), the rest is parsed as one last piece.
 */
function* parsePieces(ends: readonly number[], parse: (from: number, to: number) => ParsedRecords): Generator<ParsedPart> {
  const total = ends[ends.length - 1]!;
  let start = 0;
  for (const end of ends) {
    const parsed = parse(start, end);
    if (end < total && parsed.unclosedQuoteRecord >= 0) {
      yield { ...parse(start, total), end: total, last: true };
      return;
    }
    yield { ...parsed, end, last: end === total };
    start = end;
  }
}

/**
 * The parsing layer alone: RFC 4180 plus the spreadsheet realities (BOM, `;` / TAB delimiters,
 * CRLF / LF / CR, quoted newlines). Returns every record, blank ones included, without the empty
 * remainder after the final line break.
 */
export function parseCsv(text: string, options?: ParseOptions): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseRecords(body, options).records;
}
