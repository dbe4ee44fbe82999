/**
 * `bulk-enroll/core`: the DOM-free validation engine. Runs unchanged in browsers, module Web Workers
 * and Node ≥ 20.
 *
 * Main API: {@link validateCsv}, {@link validateRow}, {@link parseCsv}, {@link templateCsv},
 * {@link toCsv}, {@link errorRowsCsv}, {@link resultsCsv}; sending: {@link sendInvitations},
 * {@link createRestAdapter}, {@link createMemoryAdapter}.
 *
 * Advanced API (for splitting the work, e.g. across a Web Worker pool): {@link readCsv} →
 * {@link createRowValidator}`(options, columns).validateCells(row)` per row →
 * {@link applyCrossRowChecks} on the merged reports → {@link buildReport}.
 * @module
 */
export type {
  FileInfo,
  HeaderMode,
  Issue,
  IssueCode,
  LoginType,
  MessageCatalog,
  MessageContext,
  PhoneProblem,
  Profile,
  ProfileColumn,
  RowReport,
  RuleKind,
  Severity,
  Summary,
  UserRecord,
  ValidateOptions,
  ValidateProgress,
  ValidationReport,
} from './types.js';
export { HEADER_MODES, ISSUE_CODES, LOGIN_TYPES, PHONE_PROBLEMS, RULE_KINDS, SEVERITIES } from './types.js';
export { DEFAULT_BRAND, DEFAULT_PROFILE, PROBLEMS_HEADER, headerWords } from './profile.js';
export { defaultMessages, resolveMessages } from './messages.js';
export { DEFAULT_MAX_BYTES, ENCODINGS, decodeBytes } from './csv/decode.js';
export type { CsvInput, DecodeResult, Encoding } from './csv/decode.js';
export { DELIMITERS, parseCsv } from './csv/parse.js';
export type { Delimiter, ParseOptions } from './csv/parse.js';
export { toCsv } from './csv/write.js';
export { errorRowsCsv, templateCsv } from './csv/template.js';
export type { TemplateOptions } from './csv/template.js';
export { resultsCsv } from './csv/results.js';
export type { ResultsLabels, ResultsOptions, RowResult } from './csv/results.js';
export { validateCsv, validateRow } from './validate/validate-csv.js';
export {
  DEFAULT_MAX_ROWS,
  applyCrossRowChecks,
  buildReport,
  crossRowPatch,
  createRowValidator,
  expectedHeader,
  readCsv,
  summarize,
} from './validate/stages.js';
export type {
  ColumnMapping,
  CrossRowOptions,
  CrossRowPatch,
  CsvRow,
  ReadOptions,
  ReadResult,
  RowValidator,
  RowValidatorOptions,
} from './validate/stages.js';
export { CROSS_ROW_CODES, removeRows, reviseReport, rowsMissingRecord } from './validate/revise.js';
export type { ReviseOptions, RowChange } from './validate/revise.js';
// Sending (CONTRACT §5): the adapters, sendInvitations, and the password rules the backends share with the invitee's form.
export * from './send/index.js';
