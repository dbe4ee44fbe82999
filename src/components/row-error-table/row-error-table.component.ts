import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ValidationReport } from '../../core/types.js';
import { styles } from './row-error-table.styles.js';

/**
 * Shows the rows of a validation report with their problems. Usable on its own with a `report`.
 * Cell text is always rendered as text, never as markup.
 *
 * @tagname row-error-table
 * @summary The rows of a validated file and what is wrong with each.
 *
 * @csspart scroller - The scrollable, keyboard-focusable region around the table.
 * @csspart table - The table.
 * @csspart row - A row of the table.
 * @csspart cell - A cell of the table.
 *
 * @cssprop --row-error-table-text-color - Text. Default `#1f2937`.
 * @cssprop --row-error-table-border-color - Cell borders. Default `#d1d5db`.
 * @cssprop --row-error-table-error-color - Error messages. Default `#b91c1c`.
 * @cssprop --row-error-table-warning-color - Warning messages. Default `#92400e`.
 * @cssprop --row-error-table-header-background - The column headers' background. Default `#f3f4f6`.
 * @cssprop --row-error-table-font-family - Font. Defaults to the surrounding font.
 * @cssprop --row-error-table-max-height - The height past which the table scrolls. Default `32rem`.
 * @cssprop --row-error-table-focus-color - The focus ring of the scrollable region. Default `#1d4ed8`.
 */
@localized()
export class RowErrorTableElement extends LitElement {
  static override styles = styles;

  /** The report whose rows to show. */
  @property({ attribute: false }) report: ValidationReport | undefined;

  /** Which rows to show: only rows with errors, rows with warnings, or all rows. */
  @property() filter: 'errors' | 'warnings' | 'all' = 'errors';

  protected override render() {
    const report = this.report;
    if (!report) return nothing;
    const rows = report.rows.filter((row) =>
      this.filter === 'all'
        ? true
        : row.issues.some((issue) => issue.severity === (this.filter === 'errors' ? 'error' : 'warning')),
    );
    const columns = Object.keys(report.rows[0]?.values ?? {});
    return html`<div part="scroller" tabindex="0" role="region" aria-label=${msg('Rows and their problems')}>
      <table part="table" aria-rowcount=${rows.length + 1}>
      <caption>
        ${msg(str`${rows.length} rows`)}
      </caption>
      <thead>
        <tr part="row" aria-rowindex="1">
          <th scope="col" part="cell">${msg('Row')}</th>
          ${columns.map((key) => html`<th scope="col" part="cell">${key}</th>`)}
          <th scope="col" part="cell">${msg('Problems')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row, index) => html`<tr part="row" aria-rowindex=${index + 2}>
            <th scope="row" part="cell">${row.row}</th>
            ${columns.map((key) => html`<td part="cell">${row.values[key] ?? ''}</td>`)}
            <td part="cell">
              <ul>
                ${row.issues.map((issue) => html`<li class=${issue.severity}>${issue.message}</li>`)}
              </ul>
            </td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
