/**
 * Registers `<bulk-upload>` (and the `<row-error-table>` it shows).
 * @module
 */
import { BulkUploadElement } from './components/bulk-upload/bulk-upload.component.js';
import { defineElement } from './internal/define.js';
export { setLocale, getLocale, supportedLocales } from './localization.js';
import './row-error-table.js';

export { BulkUploadElement, bulkUploadStates, type BulkUploadState } from './components/bulk-upload/bulk-upload.component.js';
export * from './components/bulk-upload/bulk-upload.events.js';

defineElement('bulk-upload', BulkUploadElement);

declare global {
  interface HTMLElementTagNameMap {
    'bulk-upload': BulkUploadElement;
  }
}
