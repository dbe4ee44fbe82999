/**
 * The safe CSV writer. Imports nothing heavy (no papaparse, zod or libphonenumber).
 * @module
 */

/** A cell that a spreadsheet would run as a formula: starts with `= + - @`, TAB or CR (after any apostrophes we add). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * Writes one cell: a cell that starts with `= + - @`, TAB or CR gets a leading `'` so that no
 * spreadsheet runs it (so does one that already starts with apostrophes before such a character, so
 * that reading the `'` back off gives exactly the value written); a cell holding `"` `,` `;` TAB
 * CR or LF, or starting with a BOM, is quoted.
 */
export function csvCell(value: string): string {
  let cell = FORMULA_START.test(value) ? `'${value}` : value;
  if (NEEDS_QUOTES.test(cell) || cell.charCodeAt(0) === 0xfeff) cell = `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/**
 * Safe CSV writer: comma-delimited, CRLF after every row, no BOM. A cell that starts with
 * `= + - @`, TAB or CR is written with a leading `'`; `parseCsv(toCsv(rows))` equals `rows` for every
 * other cell, and `validateCsv` reads the `'` back off.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvCell).join(',')}\r\n`;
  return out;
}

/**
 * Reads back the `'` that {@link csvCell} (or a spreadsheet user) put before a formula character:
 * removes one leading apostrophe when apostrophes are followed by `= + - @`, TAB or CR.
 */
export function unneutralize(cell: string): string {
  return cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
