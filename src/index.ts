/**
 * bulk-enroll: registers `<bulk-upload>`, `<row-error-table>` and `<invite-accept-form>`,
 * and re-exports the core's types and the light parts of its API. The validation libraries are
 * not loaded here: they live in the validation worker, started when the admin picks a file.
 * @module
 */
export * from './bulk-upload.js';
export * from './row-error-table.js';
export * from './invite-accept-form.js';
export type * from './core/types.js';
export type * from './core/adapter/adapter.js';
export { AdapterError } from './core/adapter/adapter.js';
export type { MemoryAdapter, MemoryAdapterOptions } from './core/adapter/memory-adapter.js';
export { templateCsv } from './core/csv/template.js';
export { ValidationClient, sharedValidationClient } from './worker/validation-client.js';
