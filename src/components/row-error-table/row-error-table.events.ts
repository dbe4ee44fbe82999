import type { ValidationReport } from '../../core/types.js';

/** What a {@link RowErrorTableChangeEvent} changed: `edit` (a cell edited), `suggestion` (suggestions applied) or `remove`. */
export interface RowErrorTableChange {
  kind: 'edit' | 'suggestion' | 'remove';
  /** The spreadsheet row numbers changed (or removed). */
  rows: number[];
}

/**
 * Fired after the admin changed the report (an edit, applied suggestions, a removed row), once the
 * element has set its own `report` to the revised one. Bubbles and is composed, so that an
 * enclosing element (`<bulk-upload>`) hears it. Not fired for programmatic property sets.
 */
export class RowErrorTableChangeEvent extends Event {
  static readonly eventName = 'row-error-table-change';
  readonly detail: { report: ValidationReport; change: RowErrorTableChange };
  constructor(detail: RowErrorTableChangeEvent['detail']) {
    super(RowErrorTableChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'row-error-table-change': RowErrorTableChangeEvent;
  }
}
