/**
 * Default plain-language English messages, one function per issue code.
 * Tiny on purpose: imports types only. Replace entries through `ValidateOptions.messages`.
 * @module
 */
import type { IssueCode, MessageCatalog, MessageContext, PhoneProblem } from './types.js';

const q = (s: string | undefined): string => `“${s ?? ''}”`;
const col = (c: MessageContext): string => (c.header ? `“${c.header}”` : 'this');
const rowList = (rows: readonly number[] | undefined): string => {
  const list = rows ?? [];
  if (list.length === 0) return 'another row';
  const shown = list.slice(0, 5).join(', ');
  return `${list.length === 1 ? 'row' : 'rows'} ${shown}${list.length > 5 ? ` and ${list.length - 5} more` : ''}`;
};

let regionNames: { of(code: string): string | undefined } | null | undefined;
/** English country name for an ISO code, falling back to the code itself. */
function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

const SAVE_AS_CSV =
  'Save it as CSV and upload that file instead: in Excel choose File > Save As and the type “CSV UTF-8 (Comma delimited) (*.csv)”; ' +
  'in Google Sheets choose File > Download > Comma-separated values (.csv); in Numbers choose File > Export To > CSV; ' +
  'in LibreOffice choose File > Save As and the type “Text CSV (.csv)”.';

function phoneWhy(reason: PhoneProblem | undefined, c: MessageContext): string {
  const where = countryName(c.country);
  const cc = c.callingCode ? `+${c.callingCode}` : '';
  switch (reason) {
    case 'too_short':
      return `it has too few digits${where ? ` for a number in ${where}` : ''}; a digit may be missing`;
    case 'too_long':
      return `it has too many digits${where ? ` for a number in ${where}` : ''}; a digit may be doubled or an extension added`;
    case 'unknown_country_code':
      return `it does not start with a known country code${cc ? ` (${cc} is not one)` : ''}`;
    case 'not_a_number':
      return 'it is not a phone number (it should hold only digits, after a +)';
    case 'invalid_length':
      return `its number of digits is not used by any number${where ? ` in ${where}` : ''}`;
    default:
      return where
        ? `it has the right number of digits, but no phone number in ${where}${cc ? ` (${cc})` : ''} can start that way; check the area code and the number`
        : 'no phone number in that country can start that way; check the country code, the area code and the number';
  }
}

/** `login_id.duplicate` in English (exported alone so that a page can use it without the whole catalog). */
export const duplicateMessage = (c: MessageContext): string =>
  `This login ID is also used on ${rowList(c.relatedRows)}. Each user needs their own phone number or email to sign in with; keep one of the rows, or change the login type or value.`;

/** `login_id.exists` in English. */
export const existsMessage = (): string =>
  'An account with this login ID already exists. Remove the row, or use another phone number or email for this user.';

/** The default English message catalog. Every message says what to do. */
export const defaultMessages: MessageCatalog = {
  'file.empty': () => 'The file is empty. Download the template, add one user per row below the header, and upload it again.',
  'file.no_rows': () =>
    'The file has the header row but no users below it. Add one user per row under the header, save, and upload it again.',
  'file.unsupported_type': () => `This is a spreadsheet workbook or another binary file, not CSV text. ${SAVE_AS_CSV}`,
  'file.too_large': (c) =>
    `The file is too large (${fmtBytes(c.found)}; the limit is ${fmtBytes(c.limit)}). Split the users into several smaller files and upload them one at a time.`,
  'file.too_many_rows': (c) =>
    `The file has ${c.found ?? 'too many'} users; at most ${c.limit ?? ''} can be enrolled in one upload. Split the rows into several files and upload them one at a time.`,
  'header.missing': (c) =>
    `The first row holds user data, not the header. Insert the template's header row above it: ${(c.expected ?? []).map((h) => q(h)).join(', ')}.`,
  'header.mismatch': (c) =>
    c.value && c.suggestion
      ? `Column ${c.position ?? ''} is headed ${q(c.value)} but should read ${q(c.suggestion)}. Change the header cell back to the template's words.`
      : c.value
        ? `Column ${c.position ?? ''} is headed ${q(c.value)}, which is not a template column. Rename it to one of ${(c.expected ?? []).map((h) => q(h)).join(', ')} or delete the column.`
        : `The column ${q(c.suggestion)} is missing. Add it with the template's header words.`,
  'header.column_count': (c) =>
    `The header has ${c.found ?? 'a different number of'} columns but the template has ${c.limit ?? ''}: ${(c.expected ?? []).map((h) => q(h)).join(', ')}. ` +
    'Add the missing columns or remove the extra ones, keeping the template header words.',
  'row.field_count': (c) =>
    `This row has text beyond the template's ${c.limit ?? ''} columns${c.value ? ` (${q(c.value)})` : ''}. Move it into the right column, or delete it; a comma inside a name needs the whole name in double quotes.`,
  'row.unclosed_quote': () =>
    'A double quote opens a value in this row but never closes, so everything after it was read as one value. Add the closing " or remove the opening one.',
  'login_type.required': (c) => `The ${col(c)} column is empty. Enter phone (the user signs in with their phone number) or email.`,
  'login_type.invalid': (c) =>
    `${q(c.value)} is not a login type. Enter phone or email${c.suggestion ? ` (did you mean ${c.suggestion}?)` : ''}.`,
  'phone.required': () =>
    'This user signs in with a phone number, but the phone is empty. Enter it with the country code, e.g. +14085550142, or change the login type to email.',
  'phone.excel_scientific': (c) =>
    `${q(c.value)} is the phone number in scientific notation: the spreadsheet showed it as a number and its last digits were lost. ` +
    'Format the phone column as Text, then type the full number again, starting with + and the country code.',
  'phone.missing_plus': (c) =>
    c.suggestion
      ? `${q(c.value)} has no + before the country code. Write it as ${c.suggestion}; to keep the + in a spreadsheet, format the column as Text or start the cell with an apostrophe.`
      : `${q(c.value)} has no + and country code. Write the full international number, starting with + and the country code (e.g. +14085550142).`,
  'phone.invalid': (c) => `${q(c.value)} is not a valid phone number: ${phoneWhy(c.reason, c)}.`,
  'email.required': () => 'The email is empty. Every user needs an email address.',
  'email.invalid': (c) =>
    (c.found ?? 0) > 254
      ? 'The email address is longer than 254 characters. Check that only one address is in the cell.'
      : `${q(c.value)} is not a valid email address. Write one address like name@example.com, without spaces, quotes, angle brackets or “mailto:”.`,
  'email.typo': (c) => `${q(c.value)} looks misspelt. Did you mean ${c.suggestion ?? ''}?`,
  'name.required': () => 'The name is empty. Enter the user’s name.',
  'name.too_long': (c) =>
    `The name has ${c.found ?? 'more than 100'} characters; at most ${c.limit ?? 100} are allowed. Shorten it.`,
  'field.required': (c) => `The ${col(c)} column is empty. Enter a value.`,
  'field.too_long': (c) => `The ${col(c)} value has ${c.found ?? ''} characters; at most ${c.limit ?? ''} are allowed. Shorten it.`,
  'login_id.duplicate': duplicateMessage,
  'login_id.exists': existsMessage,
};

function fmtBytes(n: number | undefined): string {
  if (n === undefined) return 'unknown size';
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}

/** Merges replacement message functions over the defaults. */
export function resolveMessages(overrides?: Partial<MessageCatalog>): MessageCatalog {
  if (!overrides) return defaultMessages;
  const merged = { ...defaultMessages };
  for (const key of Object.keys(overrides) as IssueCode[]) {
    const fn = overrides[key];
    if (typeof fn === 'function') merged[key] = fn;
  }
  return merged;
}
