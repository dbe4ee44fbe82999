/**
 * Registers `<row-error-table>`. Import `bulk-enroll/row-error-table.js` to use the element alone.
 * @module
 */
import { RowErrorTableElement } from './components/row-error-table/row-error-table.component.js';
import { defineElement } from './internal/define.js';
export { setLocale, getLocale, supportedLocales } from './localization.js';

export { RowErrorTableElement };
export { ROW_FILTERS } from './components/row-error-table/row-error-table.component.js';
export type { RowFilter, RowOutcome, RowValidateOptions, RowValidationClient } from './components/row-error-table/row-error-table.component.js';
export { RowErrorTableChangeEvent } from './components/row-error-table/row-error-table.events.js';
export type { RowErrorTableChange } from './components/row-error-table/row-error-table.events.js';

defineElement('row-error-table', RowErrorTableElement);

declare global {
  interface HTMLElementTagNameMap {
    'row-error-table': RowErrorTableElement;
  }
}
