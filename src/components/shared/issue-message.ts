/**
 * Issue messages and short issue labels in the elements' locale.
 *
 * Reports come from the validation worker with the core's English messages (which partners may
 * override through `ValidateOptions.messages`). In English the element shows `issue.message`
 * unchanged; in any other locale it builds the message from what the issue carries (its code,
 * column, suggestion and related rows, and the row's value in that column), through `msg()`.
 * @module
 */
import { msg, str } from '@lit/localize';
import type { Issue, IssueCode, RowReport } from '../../core/types.js';
import { getLocale } from '../../localization.js';
import { count, plural } from '../../internal/plural.js';

const q = (s: string | undefined): string => `“${s ?? ''}”`;

/** The rows in a duplicate group, shortened past five. */
function rowList(rows: readonly number[] | undefined): string {
  const list = rows ?? [];
  if (list.length === 0) return msg('another row');
  const shown = list.slice(0, 5).join(', ');
  const n = list.length;
  if (n > 5) {
    const more = n - 5;
    return msg(str`rows ${shown} and ${more} more`);
  }
  return plural(n, { one: msg(str`row ${shown}`), other: msg(str`rows ${shown}`) });
}

type Builder = (issue: Issue, value: string) => string;

const builders: { [C in IssueCode]: Builder } = {
  'file.empty': () => msg('The file is empty. Download the template, add one user per row below the header, and upload it again.'),
  'file.no_rows': () => msg('The file has the header row but no users below it. Add one user per row under the header, save, and upload it again.'),
  'file.unsupported_type': () =>
    msg('This is a spreadsheet workbook or another binary file, not CSV text. Save it as CSV (in Excel: File > Save As > “CSV UTF-8”) and upload that file instead.'),
  'file.too_large': () => msg('The file is too large. Split the users into several smaller files and upload them one at a time.'),
  'file.too_many_rows': () => msg('The file has too many users for one upload. Split the rows into several files and upload them one at a time.'),
  'header.missing': () => msg('The first row holds user data, not the header. Insert the template’s header row above it.'),
  'header.mismatch': (issue) => {
    const expected = q(issue.suggestion);
    return issue.suggestion
      ? msg(str`A header cell differs from the template. It should read ${expected}.`)
      : msg('A header cell is not a template column. Rename it to a template column or delete the column.');
  },
  'header.column_count': () =>
    msg('The header has a different number of columns than the template. Add the missing columns or remove the extra ones, keeping the template header words.'),
  'row.field_count': () =>
    msg('This row has text beyond the template’s columns. Move it into the right column, or delete it; a comma inside a name needs the whole name in double quotes.'),
  'row.unclosed_quote': () =>
    msg('A double quote opens a value in this row but never closes, so everything after it was read as one value. Add the closing " or remove the opening one.'),
  'login_type.required': () => msg('The login type is empty. Enter phone (the user signs in with their phone number) or email.'),
  'login_type.invalid': (issue, value) => {
    const v = q(value);
    const suggestion = issue.suggestion ?? '';
    return issue.suggestion
      ? msg(str`${v} is not a login type. Enter phone or email (did you mean ${suggestion}?).`)
      : msg(str`${v} is not a login type. Enter phone or email.`);
  },
  'phone.required': () =>
    msg('This user signs in with a phone number, but the phone is empty. Enter it with the country code, e.g. +14085550142, or change the login type to email.'),
  'phone.excel_scientific': (_issue, value) => {
    const v = q(value);
    return msg(
      str`${v} is the phone number in scientific notation: its last digits were lost. Format the phone column as Text, then type the full number again, starting with + and the country code.`,
    );
  },
  'phone.missing_plus': (issue, value) => {
    const v = q(value);
    const suggestion = issue.suggestion ?? '';
    return issue.suggestion
      ? msg(str`${v} has no + before the country code. Write it as ${suggestion}; to keep the + in a spreadsheet, format the column as Text.`)
      : msg(str`${v} has no + and country code. Write the full international number, starting with + and the country code (e.g. +14085550142).`);
  },
  'phone.invalid': (_issue, value) => {
    const v = q(value);
    return msg(str`${v} is not a valid phone number. Check the country code, the area code and the number of digits.`);
  },
  'email.required': () => msg('The email is empty. Every user needs an email address.'),
  'email.invalid': (_issue, value) => {
    const v = q(value);
    return msg(str`${v} is not a valid email address. Write one address like name@example.com, without spaces, quotes or angle brackets.`);
  },
  'email.typo': (issue, value) => {
    const v = q(value);
    const suggestion = issue.suggestion ?? '';
    return msg(str`${v} looks misspelt. Did you mean ${suggestion}?`);
  },
  'name.required': () => msg('The name is empty. Enter the user’s name.'),
  'name.too_long': () => msg('The name is longer than 100 characters. Shorten it.'),
  'field.required': (issue) => {
    const column = issue.column ?? '';
    return msg(str`The ${column} column is empty. Enter a value.`);
  },
  'field.too_long': (issue) => {
    const column = issue.column ?? '';
    return msg(str`The ${column} value is too long. Shorten it.`);
  },
  'login_id.duplicate': (issue) => {
    const rows = rowList(issue.relatedRows);
    return msg(
      str`This login ID is also used on ${rows}. Each user needs their own phone number or email to sign in with; keep one of the rows, or change the login type or value.`,
    );
  },
  'login_id.exists': () => msg('An account with this login ID already exists. Remove the row, or use another phone number or email for this user.'),
};

/**
 * The message of an issue in the current locale: `issue.message` unchanged in English (the core's
 * message, which a partner may have replaced), otherwise the localized message built from the issue
 * and, when given, the row's value in the issue's column.
 */
export function issueMessage(issue: Issue, row?: RowReport): string {
  if (getLocale() === 'en') return issue.message;
  const build = builders[issue.code];
  if (!build) return issue.message;
  const value = issue.column !== undefined ? (row?.values[issue.column] ?? '').trim() : '';
  return build(issue, value);
}

const labels: { [C in IssueCode]: () => string } = {
  'file.empty': () => msg('Empty file'),
  'file.no_rows': () => msg('No users below the header'),
  'file.unsupported_type': () => msg('Not a CSV file'),
  'file.too_large': () => msg('File too large'),
  'file.too_many_rows': () => msg('Too many rows'),
  'header.missing': () => msg('Header row missing'),
  'header.mismatch': () => msg('Header differs from the template'),
  'header.column_count': () => msg('Wrong number of columns'),
  'row.field_count': () => msg('Text beyond the last column'),
  'row.unclosed_quote': () => msg('Unclosed quote'),
  'login_type.required': () => msg('Login type missing'),
  'login_type.invalid': () => msg('Unknown login type'),
  'phone.required': () => msg('Phone number missing'),
  'phone.excel_scientific': () => msg('Phone number in scientific notation'),
  'phone.missing_plus': () => msg('Phone number without +'),
  'phone.invalid': () => msg('Invalid phone number'),
  'email.required': () => msg('Email missing'),
  'email.invalid': () => msg('Invalid email address'),
  'email.typo': () => msg('Possibly misspelt email'),
  'name.required': () => msg('Name missing'),
  'name.too_long': () => msg('Name too long'),
  'field.required': () => msg('Required value missing'),
  'field.too_long': () => msg('Value too long'),
  'login_id.duplicate': () => msg('Login ID used on several rows'),
  'login_id.exists': () => msg('Account already exists'),
};

/** A short label for a group of issues with this code (e.g. “Phone number without +”); the code itself when unknown. */
export function issueLabel(code: string): string {
  const label = (labels as Record<string, (() => string) | undefined>)[code];
  return label ? label() : code;
}

/** “Phone number without + (1,234)”: a group label with its count. */
export function issueGroupLabel(code: string, n: number): string {
  const label = issueLabel(code);
  const shown = count(n);
  return msg(str`${label} (${shown})`);
}
