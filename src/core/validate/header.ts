/**
 * The header row: strict and lenient matching, brand substitution, per-column diagnostics.
 * @module
 */
import { PROBLEMS_HEADER, brandWords, headerWords } from '../profile.js';
import type { HeaderMode, Issue, MessageCatalog, Profile } from '../types.js';
import { makeIssue } from './issue.js';

/** Where each profile column is found in a row's cells. */
export interface ColumnMapping {
  /** For each profile column (profile order), the index of the cell holding it. */
  indices: number[];
  /**
   * For each cell index, whether the cell belongs to a column or is ignored (the
   * `Problems (ignored on upload)` column). A non-empty cell at any other index is `row.field_count`.
   */
  known: boolean[];
}

/** Lenient form of header words: Unicode-normalized, lower-case, letters and digits only. */
export function normalizeHeader(words: string): string {
  return words.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const PROBLEMS_NORMALIZED = normalizeHeader(PROBLEMS_HEADER);
const DIGIT = /\d/g;

/** Whether a row looks like user data rather than a header: it holds an email address or a phone-like value. */
export function looksLikeData(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (/\S@\S/.test(cell)) return true;
    if ((cell.match(DIGIT)?.length ?? 0) >= 7) return true;
  }
  return false;
}

/** The identity mapping of a profile (cells in template order). */
export function identityMapping(profile: Profile): ColumnMapping {
  const indices = profile.columns.map((_, i) => i);
  return { indices, known: indices.map(() => true) };
}

/** Result of {@link checkHeader}: issues (any means the rows are not validated) and the mapping when there are none. */
export interface HeaderCheck {
  issues: Issue[];
  mapping: ColumnMapping | null;
}

/**
 * Checks the header row against the profile. Strict: the template words exactly (trimmed), in order.
 * Lenient: case, spacing, punctuation and order may differ and synonyms are accepted.
 * Trailing empty cells and the `Problems (ignored on upload)` column are ignored in both modes.
 */
export function checkHeader(
  cells: readonly string[],
  profile: Profile,
  options: { brand?: string | undefined; headerMode?: HeaderMode | undefined; messages: MessageCatalog },
): HeaderCheck {
  const { messages } = options;
  const expected = headerWords(profile, options.brand);
  const columns = profile.columns;
  const normalizedSets = columns.map(
    (c) => new Set([c.header, ...(c.synonyms ?? [])].map((w) => normalizeHeader(brandWords(w, options.brand)))),
  );
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width--;
  const normalized = cells.slice(0, width).map((c) => normalizeHeader(c));
  const known: boolean[] = new Array<boolean>(width).fill(false);
  const effective: number[] = [];
  for (let i = 0; i < width; i++) {
    if (normalized[i] === PROBLEMS_NORMALIZED) known[i] = true;
    else effective.push(i);
  }

  // Header words never hold an email address or seven digits; data rows nearly always do.
  if (looksLikeData(cells)) {
    return { issues: [makeIssue(messages, 'header.missing', 'error', { expected })], mapping: null };
  }

  const issues: Issue[] = [];
  const indices: number[] = new Array<number>(columns.length).fill(-1);
  const nonEmpty = effective.filter((i) => (normalized[i] ?? '') !== '');
  const unknown: number[] = [];

  if ((options.headerMode ?? 'strict') === 'strict') {
    if (effective.length === columns.length) {
      effective.forEach((cellIndex, p) => {
        const value = (cells[cellIndex] ?? '').trim();
        const column = columns[p]!;
        if (value !== expected[p]) {
          issues.push(
            makeIssue(messages, 'header.mismatch', 'error', {
              column: column.key,
              header: expected[p]!,
              value,
              suggestion: expected[p]!,
              position: cellIndex + 1,
              expected,
            }),
          );
        }
        indices[p] = cellIndex;
      });
    } else {
      for (const i of nonEmpty) {
        const p = expected.indexOf((cells[i] ?? '').trim());
        if (p >= 0 && indices[p] === -1) indices[p] = i;
        else unknown.push(i);
      }
    }
  } else {
    for (const i of nonEmpty) {
      const p = normalizedSets.findIndex((set, k) => indices[k] === -1 && set.has(normalized[i] ?? ''));
      if (p >= 0) indices[p] = i;
      else unknown.push(i);
    }
  }

  if (issues.length === 0) {
    const missing = columns.map((_, p) => p).filter((p) => indices[p] === -1);
    const count = (options.headerMode ?? 'strict') === 'strict' ? effective.length : nonEmpty.length;
    if (count !== columns.length) {
      issues.push(
        makeIssue(messages, 'header.column_count', 'error', { found: count, limit: columns.length, expected }),
      );
    }
    unknown.forEach((cellIndex, k) => {
      const p = missing[k];
      const context = {
        value: (cells[cellIndex] ?? '').trim(),
        position: cellIndex + 1,
        expected,
        ...(p !== undefined ? { column: columns[p]!.key, header: expected[p]!, suggestion: expected[p]! } : {}),
      };
      issues.push(makeIssue(messages, 'header.mismatch', 'error', context));
    });
    if (issues.length === 0 && missing.length > 0) {
      for (const p of missing) {
        issues.push(
          makeIssue(messages, 'header.mismatch', 'error', { column: columns[p]!.key, header: expected[p]!, suggestion: expected[p]!, expected }),
        );
      }
    }
  }
  if (issues.length > 0) return { issues, mapping: null };
  for (const i of indices) known[i] = true;
  return { issues, mapping: { indices, known } };
}
