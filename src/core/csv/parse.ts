/**
 * Text → records, with papaparse: delimiter detection among `,` `;` TAB, CRLF / LF / CR,
 * quoted newlines, and the position of an unclosed quote.
 * @module
 */
import Papa from 'papaparse';

/** The delimiters detected. */
export const DELIMITERS = [',', ';', '\t'] as const;
/** See {@link DELIMITERS}. */
export type Delimiter = (typeof DELIMITERS)[number];

/** Options of {@link parseCsv}. */
export interface ParseOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
}

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
 * Parses decoded text (without BOM) into records with papaparse (`header: false`). Keeps blank
 * records so that indexes are spreadsheet rows; drops the empty remainder after a final line break.
 */
export function parseRecords(text: string, options: ParseOptions = {}): ParsedRecords {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  if (text.length === 0) return { records: [], delimiter, unclosedQuoteRecord: -1 };
  const result = Papa.parse<string[]>(text, { header: false, delimiter, skipEmptyLines: false, dynamicTyping: false });
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

/**
 * The parsing layer alone: RFC 4180 plus the spreadsheet realities (BOM, `;` / TAB delimiters,
 * CRLF / LF / CR, quoted newlines). Returns every record, blank ones included, without the empty
 * remainder after the final line break.
 */
export function parseCsv(text: string, options?: ParseOptions): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseRecords(body, options).records;
}
