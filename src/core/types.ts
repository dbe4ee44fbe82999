/**
 * Public types of `bulk-enroll/core`: issue codes, reports, options and profiles.
 * This module holds types and small `as const` lists only, so importing it costs nothing.
 * @module
 */

/** Every stable issue code the engine can emit (CONTRACT §4), plus the two codes of partner-added text columns. */
export const ISSUE_CODES = [
  'file.empty',
  'file.no_rows',
  'file.unsupported_type',
  'file.too_large',
  'file.too_many_rows',
  'header.missing',
  'header.mismatch',
  'header.column_count',
  'row.field_count',
  'row.unclosed_quote',
  'login_type.required',
  'login_type.invalid',
  'phone.required',
  'phone.excel_scientific',
  'phone.missing_plus',
  'phone.invalid',
  'email.required',
  'email.invalid',
  'email.typo',
  'name.required',
  'name.too_long',
  'field.required',
  'field.too_long',
  'login_id.duplicate',
  'login_id.exists',
] as const;

/** A stable issue code: never a sentence; the key of a {@link MessageCatalog} entry. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Issue severities. A row is valid when it has no issue of severity `error`. */
export const SEVERITIES = ['error', 'warning'] as const;
/** `error` holds a row (or the file) back; `warning` only informs. */
export type Severity = (typeof SEVERITIES)[number];

/** The two login types: which value becomes the user's login ID. */
export const LOGIN_TYPES = ['phone', 'email'] as const;
/** `phone` (the E.164 phone is the login ID) or `email` (the email is). */
export type LoginType = (typeof LOGIN_TYPES)[number];

/** Header modes of {@link ValidateOptions.headerMode}. */
export const HEADER_MODES = ['strict', 'lenient'] as const;
/**
 * `strict`: header words exactly as in the template (brand substituted);
 * `lenient`: case, spacing, punctuation and column order may differ, and synonyms are accepted.
 */
export type HeaderMode = (typeof HEADER_MODES)[number];

/** The rule kinds a profile column can use. */
export const RULE_KINDS = ['loginType', 'phone', 'email', 'name', 'text'] as const;
/**
 * What a column holds and how it is checked:
 * `loginType` (`phone` / `email`), `phone` (E.164-normalized; required for phone logins, checked whenever present),
 * `email` (required, HTML `input type=email` rules + typo warnings), `name` (required, ≤ 100 characters),
 * `text` (free text, optionally required, optionally length-limited; lands in `record.fields`).
 */
export type RuleKind = (typeof RULE_KINDS)[number];

/** One problem found in the file or in a row. */
export interface Issue {
  /** Stable code from {@link ISSUE_CODES}; never a sentence. */
  code: IssueCode;
  /** `error` holds the row back; `warning` does not. */
  severity: Severity;
  /** The column key the issue is about, when it is about one column. */
  column?: string;
  /** Plain-language message saying what to do (English by default; see {@link ValidateOptions.messages}). */
  message: string;
  /** A concrete corrected value the UI can offer to apply (for header issues: the expected header words). */
  suggestion?: string;
  /** Other spreadsheet rows involved, ascending (e.g. the other rows holding the same login ID). */
  relatedRows?: number[];
}

/** The normalized user of a row without errors. */
export interface UserRecord {
  /** Lower-cased login type. */
  loginType: LoginType;
  /** E.164 phone for phone logins, the email as written (trimmed) for email logins. */
  loginId: string;
  /** E.164 phone, present when the row has a phone. */
  phone?: string;
  /** The email as written, trimmed (case preserved). */
  email: string;
  /** The name, trimmed (inner spaces and line breaks kept). */
  name: string;
  /** Values of the profile's extra `text` columns by key (trimmed); present only when the profile has such columns. */
  fields?: Record<string, string>;
}

/** The verdict on one data row. */
export interface RowReport {
  /** Spreadsheet row number: header = 1, first data row = 2; blank rows count; a multi-line quoted value is one row. */
  row: number;
  /** Values as found in the file, by column key (a neutralizing `'` before `= + - @` TAB CR read back off). */
  values: Record<string, string>;
  /** The normalized user; present only when the row has no error. */
  record?: UserRecord;
  /** Every issue of the row (errors and warnings). */
  issues: Issue[];
  /**
   * The normalized login ID used for duplicate detection (E.164 phone, or the lower-cased email),
   * present whenever the row's login ID normalizes, even when the row has other errors.
   * Not part of the contract's report shape; kept so that cross-row checks can run on merged chunks.
   */
  loginKey?: string;
}

/** What was read. */
export interface FileInfo {
  /** WHATWG encoding name (`utf-8`, `utf-16le`, `utf-16be`, `windows-1252`); `''` when the file was refused before decoding. */
  encoding: string;
  /** The delimiter used (`,`, `;` or TAB); `''` when the file was refused before parsing. */
  delimiter: string;
  /** Size of the input in bytes (UTF-8 length for string input). */
  bytes: number;
}

/** Row counts of a report. `rows = valid + invalid`; `withWarnings` counts valid rows carrying a warning. */
export interface Summary {
  rows: number;
  valid: number;
  invalid: number;
  withWarnings: number;
  blankSkipped: number;
}

/** The result of {@link validateCsv}. */
export interface ValidationReport {
  /** No file-level error and at least one row without errors. */
  ok: boolean;
  file: FileInfo;
  /** Header and whole-file problems; any `error` among them means `rows` is empty. */
  fileIssues: Issue[];
  /** Every non-blank data row, in file order. */
  rows: RowReport[];
  summary: Summary;
}

/** Progress of {@link validateCsv}. */
export interface ValidateProgress {
  rowsDone: number;
  bytesDone: number;
  bytesTotal: number;
  /**
   * How many rows there are to validate, once known: the worker pool counts them before validating;
   * `validateCsv` in one thread reads the file a part at a time and knows only at the end.
   */
  rowsTotal?: number;
}

/** One column of a {@link Profile}. */
export interface ProfileColumn {
  /** Key in `values` and `record` (e.g. `phone`). */
  key: string;
  /** Template header words; `{brand}` is replaced by the brand (e.g. `{brand} ID (phone/email)`). */
  header: string;
  /** Extra header words accepted in lenient mode (may contain `{brand}`). */
  synonyms?: readonly string[];
  /** The rule that checks the column. */
  rule: RuleKind;
  /** `text` columns only: an empty value is `field.required`. Default false. */
  required?: boolean;
  /** `text` columns only: longer values (in code points) are `field.too_long`. */
  maxLength?: number;
}

/**
 * The columns of the enrollment file, as data: a partner can rename headers or add a column
 * (e.g. an optional `Department` `text` column) without forking. Exactly one column each of the rules
 * `loginType`, `phone`, `email` and `name` is required; any number of `text` columns may be added.
 */
export interface Profile {
  columns: readonly ProfileColumn[];
}

/** Why a phone number is not valid, as far as libphonenumber lets us tell. */
export const PHONE_PROBLEMS = [
  'too_short',
  'too_long',
  'unknown_country_code',
  'not_a_number',
  'invalid_length',
  'not_possible',
] as const;
/** See {@link PHONE_PROBLEMS}. */
export type PhoneProblem = (typeof PHONE_PROBLEMS)[number];

/** What a message function gets to phrase its message. Members are present when they apply. */
export interface MessageContext {
  /** Column key. */
  column?: string;
  /** The column's header words (brand substituted). */
  header?: string;
  /** The offending value (trimmed) or header cell. */
  value?: string;
  /** The suggestion the issue carries. */
  suggestion?: string;
  /** Related rows (duplicates). */
  relatedRows?: readonly number[];
  /** Phone problems: why the number is invalid. */
  reason?: PhoneProblem;
  /** Phone problems: ISO 3166-1 alpha-2 country the number was read in, when known. */
  country?: string;
  /** Phone problems: the country calling code, when known. */
  callingCode?: string;
  /** A limit (max rows, max bytes, max length). */
  limit?: number;
  /** A count found (rows, bytes, columns, length). */
  found?: number;
  /** Header issues: the expected header words, in order. */
  expected?: readonly string[];
  /** 1-based position of a header cell. */
  position?: number;
}

/** One message function per issue code; replace any of them via {@link ValidateOptions.messages} to localize. */
export type MessageCatalog = { [C in IssueCode]: (context: MessageContext) => string };

/** Options of {@link validateCsv} and {@link validateRow}. */
export interface ValidateOptions {
  /** The columns; default: the four contract columns ({@link DEFAULT_PROFILE}). */
  profile?: Profile;
  /** Brand in the first header; default `iPlum`. */
  brand?: string;
  /** ISO 3166-1 alpha-2 country in which national numbers are read. */
  defaultCountry?: string;
  /** Default `strict`. */
  headerMode?: HeaderMode;
  /** Maximum data rows (blank rows do not count); default 50000. */
  maxRows?: number;
  /** Maximum input size in bytes; default 20 MiB. */
  maxBytes?: number;
  /**
   * Read the bytes in this encoding instead of detecting it (`utf-8`, `utf-16le`, `utf-16be`, `windows-1252`),
   * for an admin who sees that the detected one was wrong. Ignored for string input.
   */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Login IDs that already have accounts (E.164 phones or emails; emails compare case-insensitively). */
  existingLoginIds?: Iterable<string>;
  /** Aborts validation; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called at least every 100 ms while validating, and once at the end. */
  onProgress?: (progress: ValidateProgress) => void;
  /** Replacement message functions by code (localization). */
  messages?: Partial<MessageCatalog>;
}
