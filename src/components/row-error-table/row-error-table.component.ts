import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg, str } from '@lit/localize';
import type { Issue, RowReport, ValidateOptions, ValidationReport } from '../../core/types.js';
import { DEFAULT_PROFILE, headerWords } from '../../core/profile.js';
import { removeRows, reviseReport, rowsMissingRecord } from '../../core/validate/revise.js';
import type { RowChange } from '../../core/validate/revise.js';
import { sharedValidationClient } from '../../worker/validation-client.js';
import type { ValidationClient } from '../../worker/validation-client.js';
import { count, plural } from '../../internal/plural.js';
import { issueGroupLabel, issueLabel, issueMessage } from '../shared/issue-message.js';
import { RowErrorTableChangeEvent } from './row-error-table.events.js';
import type { RowErrorTableChange } from './row-error-table.events.js';
import { styles } from './row-error-table.styles.js';

/** The send result of one row, by spreadsheet row number (see {@link RowErrorTableElement.outcomes}). */
export interface RowOutcome {
  status: 'invited' | 'rejected' | 'unconfirmed';
  /** The backend's reason (rejected) or why it is not confirmed. Shown as text. */
  message?: string;
  code?: string;
}

/** The filters of {@link RowErrorTableElement.filter}. */
export const ROW_FILTERS = ['errors', 'warnings', 'all', 'outcomes'] as const;
/** `errors`, `warnings`, `all` rows, or `outcomes` (rows with a send result). */
export type RowFilter = (typeof ROW_FILTERS)[number];

/** The serializable validation options used when re-validating an edited row. */
export type RowValidateOptions = Pick<ValidateOptions, 'brand' | 'profile' | 'defaultCountry' | 'headerMode'> & {
  existingLoginIds?: readonly string[];
};

/** What re-validates a row: the validation worker's client, or anything with the same `validateRow`. */
export type RowValidationClient = Pick<ValidationClient, 'validateRow'>;

interface Stats {
  errors: number;
  warnings: number;
  /** Rows per issue code, errors first, then by count. */
  codes: Array<{ code: string; severity: Issue['severity']; rows: number; suggestions: number }>;
}

const OVERSCAN = 6;
const APPLIES_WHOLE_CELL = new Set(['email.typo', 'phone.missing_plus', 'login_type.invalid']);

const hasError = (row: RowReport): boolean => row.issues.some((i) => i.severity === 'error');
const hasWarning = (row: RowReport): boolean => row.issues.some((i) => i.severity === 'warning');
const applicable = (row: RowReport, issue: Issue): boolean =>
  issue.suggestion !== undefined && issue.column !== undefined && issue.column in row.values && (APPLIES_WHOLE_CELL.has(issue.code) || !issue.code.startsWith('header.'));

/**
 * The rows of a validation report with their problems or send results. Usable on its own with a
 * `report`; `<bulk-upload>` uses it for review and results.
 *
 * Groups the problems by issue code with counts; filters errors / warnings / all rows / results;
 * applies a suggestion to one row or to every row with the same code; edits a row's cells in place
 * (Enter or leaving the row saves, Escape cancels) and re-validates the row in the validation
 * worker, then re-runs the cross-row checks (duplicate login IDs) over the whole report; removes
 * rows. Renders only the rows in view (100,000 rows scroll smoothly), keeping `aria-rowcount` and
 * `aria-rowindex` right. Cell text is always rendered as text, never as markup.
 *
 * Keyboard, in the table: ArrowDown / ArrowUp move row by row; Alt+ArrowDown / Alt+ArrowUp, or
 * `n` / `p`, move to the next / previous problem; Home / End to the first / last row; Enter or F2 on
 * a row edits it. The toolbar's "Previous problem" / "Next problem" buttons do the same.
 *
 * @tagname row-error-table
 * @summary The rows of a validated file and what is wrong with each; fix, apply suggestions, remove.
 *
 * @fires {RowErrorTableChangeEvent} row-error-table-change - After an edit, applied suggestions or a removal, once `report` holds the revised report. Bubbles, composed. `detail: { report: ValidationReport; change: { kind: 'edit' | 'suggestion' | 'remove'; rows: number[] } }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The bar with the filters, the problem groups and the navigation.
 * @csspart filters - The group of filter buttons.
 * @csspart filter-button - A filter button (`aria-pressed` tells the chosen one).
 * @csspart groups - The group of issue-code buttons.
 * @csspart group-button - An issue-code button ("Phone number without + (37)").
 * @csspart apply-all-button - "Apply all N suggestions" for the chosen code.
 * @csspart nav-button - "Previous problem" / "Next problem".
 * @csspart scroller - The scrollable, keyboard-focusable region around the table.
 * @csspart table - The table.
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - A column header.
 * @csspart row - A data row (also `row-error`, `row-warning`, `row-editing`).
 * @csspart row-header - The cell with the spreadsheet row number (focusable for keyboard navigation).
 * @csspart cell - A value cell.
 * @csspart input - The input of a cell being edited.
 * @csspart problems - The cell listing a row's problems.
 * @csspart issue - One problem (also `issue-error` or `issue-warning`).
 * @csspart apply-button - "Apply" on one problem's suggestion.
 * @csspart outcome - The send result cell (also `outcome-invited`, `outcome-rejected`, `outcome-unconfirmed`).
 * @csspart actions - The cell with a row's buttons.
 * @csspart action-button - Edit, Save, Cancel and Remove.
 * @csspart empty - The text shown when no row matches.
 * @csspart status - The visually hidden live region announcing changes.
 *
 * @cssprop --row-error-table-text-color - Text. Default `#1f2937` (`#e5e7eb` in dark mode).
 * @cssprop --row-error-table-background - Background. Default `#ffffff` (`#111827` in dark mode).
 * @cssprop --row-error-table-border-color - Cell borders. Default `#d1d5db` (`#4b5563` in dark mode).
 * @cssprop --row-error-table-error-color - Error messages. Default `#b91c1c` (`#fca5a5` in dark mode).
 * @cssprop --row-error-table-warning-color - Warning messages. Default `#92400e` (`#fcd34d` in dark mode).
 * @cssprop --row-error-table-success-color - The "Invited" result. Default `#166534` (`#86efac` in dark mode).
 * @cssprop --row-error-table-header-background - The column headers' background. Default `#f3f4f6` (`#1f2937` in dark mode).
 * @cssprop --row-error-table-accent-color - Pressed buttons and links. Default `#1d4ed8` (`#93c5fd` in dark mode).
 * @cssprop --row-error-table-button-background - Buttons. Default `#ffffff` (`#1f2937` in dark mode).
 * @cssprop --row-error-table-font-family - Font. Defaults to the surrounding font.
 * @cssprop --row-error-table-max-height - The height past which the table scrolls. Default `32rem`.
 * @cssprop --row-error-table-focus-color - Focus rings. Default `#1d4ed8` (`#93c5fd` in dark mode).
 */
@localized()
export class RowErrorTableElement extends LitElement {
  static override styles = styles;

  /** The report whose rows to show. The element replaces it with the revised report after each change. */
  @property({ attribute: false }) report: ValidationReport | undefined;

  /**
   * Which rows to show: rows with errors, rows with warnings, all rows, or `outcomes` (rows with a
   * send result in `outcomes`). When `code` is set, the rows with that issue code are shown instead
   * of the errors / warnings / all rows.
   */
  @property({ reflect: true }) filter: RowFilter = 'errors';

  /** Send results by spreadsheet row number. When set, a Result column shows them and the `outcomes` filter lists the rows that have one. */
  @property({ attribute: false }) outcomes: ReadonlyMap<number, RowOutcome> | undefined;

  /** When non-empty, only rows having an issue with this code are shown (the "group by code" view). */
  @property() code = '';

  /** Whether rows can be edited, fixed by suggestions and removed. Default true; `editable="false"` turns it off. */
  @property({
    converter: { fromAttribute: (value: string | null) => value !== 'false', toAttribute: (value: boolean) => String(value) },
  })
  editable = true;

  /** Options used when re-validating an edited row (brand, profile, defaultCountry, headerMode, existingLoginIds). */
  @property({ attribute: false }) validateOptions: RowValidateOptions = {};

  /** Re-validates edited rows in the validation worker. Default: the page's shared pool. */
  @property({ attribute: false }) validationClient: RowValidationClient = sharedValidationClient();

  @state() private _scrollTop = 0;
  @state() private _viewport = 480;
  @state() private _rowHeight = 88;
  @state() private _editing: { row: number; values: Record<string, string> } | undefined;
  @state() private _pending: ReadonlySet<number> = new Set();
  @state() private _announcement = '';
  private _active = 0;

  @query('[part="scroller"]') private _scroller!: HTMLElement | null;

  #view: RowReport[] = [];
  #stats: Stats = { errors: 0, warnings: 0, codes: [] };
  #statsFor: ValidationReport | undefined;
  #resize: ResizeObserver | undefined;
  #headerHeight = 0;
  /** Whether `_rowHeight` holds the estimate from the first rows measured (it then stays). */
  #estimated = false;
  /**
   * Measured heights of rows by spreadsheet row number (0: not measured yet, counted as `_rowHeight`).
   * A typed array rather than a Map: the offsets are summed again over every row when a height changes.
   */
  #heights = new Float32Array(0);
  /** `#offsets[i]`: the top of the `i`-th visible row; rebuilt when the view or a height changes. */
  #offsets: Float64Array | undefined;
  #offsetsFor: { view: readonly RowReport[]; estimate: number } | undefined;
  #focusColumn: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(() => this.#measure());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  /** The rows the current filter and code show, in file order. */
  get visibleRows(): readonly RowReport[] {
    return this.#view;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report') && this.report !== this.#statsFor) {
      this.#statsFor = this.report;
      this.#stats = this.#computeStats(this.report);
    }
    if (changed.has('report') || changed.has('filter') || changed.has('code') || changed.has('outcomes')) {
      this.#view = this.#computeView();
      if (this._active >= this.#view.length) this._active = Math.max(0, this.#view.length - 1);
    }
  }

  protected override firstUpdated(): void {
    // The observer reports the first size too, after this update: no update is scheduled during one.
    if (this._scroller) this.#resize?.observe(this._scroller);
    else requestAnimationFrame(() => this.#measure());
  }

  protected override updated(): void {
    if (this._scroller && this.#resize) this.#resize.observe(this._scroller);
    // Rows are as tall as their problems need: measure the rendered ones, and render again (in the
    // next frame, not during this update) when a height differs from what the layout assumed.
    let changed = false;
    let sum = 0;
    let n = 0;
    for (const tr of this.renderRoot.querySelectorAll<HTMLElement>('tbody tr[data-row]')) {
      const h = tr.getBoundingClientRect().height;
      if (h <= 0) continue;
      const row = Number(tr.dataset['row']);
      if (Math.abs((this.#heights[row] || this._rowHeight) - h) > 0.5) changed = true;
      if (row >= this.#heights.length) {
        const grown = new Float32Array(Math.max(row + 1, this.#heights.length * 2, 1024));
        grown.set(this.#heights);
        this.#heights = grown;
      }
      this.#heights[row] = h;
      sum += h;
      n++;
    }
    const estimate = n > 0 ? sum / n : this._rowHeight;
    if (changed) {
      this.#offsets = undefined;
      requestAnimationFrame(() => {
        // Rows not rendered yet are estimated at the average height of the first rows measured. The
        // estimate is not changed after that: a new one would move every row above the view (by the
        // change times thousands of rows, far down a big file), and the browser's scroll anchoring would
        // chase it, frame after frame. The update re-reads the offsets.
        if (!this.#estimated && Math.abs(estimate - this._rowHeight) > 0.5) this._rowHeight = estimate;
        else this.requestUpdate();
        this.#estimated = true;
      });
    }
    const head = this.renderRoot.querySelector<HTMLElement>('thead');
    if (head) this.#headerHeight = head.getBoundingClientRect().height;
  }

  /** The tops of the visible rows (the last entry is the total height). */
  #rowOffsets(): Float64Array {
    const view = this.#view;
    const estimate = this._rowHeight;
    if (this.#offsets && this.#offsetsFor?.view === view && this.#offsetsFor.estimate === estimate) return this.#offsets;
    const offsets = new Float64Array(view.length + 1);
    const heights = this.#heights;
    for (let i = 0; i < view.length; i++) offsets[i + 1] = offsets[i]! + (heights[view[i]!.row] || estimate);
    this.#offsets = offsets;
    this.#offsetsFor = { view, estimate };
    return offsets;
  }

  /** The index of the visible row at `y` pixels from the top of the body. */
  #indexAt(y: number): number {
    const offsets = this.#rowOffsets();
    let lo = 0;
    let hi = offsets.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  #measure(): void {
    const scroller = this._scroller;
    if (!scroller) return;
    const h = scroller.clientHeight;
    if (h > 0 && h !== this._viewport) this._viewport = h;
  }

  #computeStats(report: ValidationReport | undefined): Stats {
    const stats: Stats = { errors: 0, warnings: 0, codes: [] };
    if (!report) return stats;
    const byCode = new Map<string, Stats['codes'][number]>();
    for (const row of report.rows) {
      if (hasError(row)) stats.errors++;
      if (hasWarning(row)) stats.warnings++;
      const seen = new Set<string>();
      for (const issue of row.issues) {
        let entry = byCode.get(issue.code);
        if (!entry) {
          entry = { code: issue.code, severity: issue.severity, rows: 0, suggestions: 0 };
          byCode.set(issue.code, entry);
        }
        if (!seen.has(issue.code)) entry.rows++;
        seen.add(issue.code);
        if (applicable(row, issue)) entry.suggestions++;
      }
    }
    stats.codes = [...byCode.values()].sort(
      (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.rows - a.rows || a.code.localeCompare(b.code),
    );
    return stats;
  }

  #computeView(): RowReport[] {
    const rows = this.report?.rows ?? [];
    const outcomes = this.outcomes;
    const code = this.code;
    if (this.filter === 'outcomes') {
      return rows.filter((r) => outcomes?.has(r.row) && (!code || r.issues.some((i) => i.code === code)));
    }
    if (code) return rows.filter((r) => r.issues.some((i) => i.code === code));
    if (this.filter === 'all') return rows.slice();
    if (this.filter === 'warnings') return rows.filter(hasWarning);
    return rows.filter(hasError);
  }

  #columns(): Array<{ key: string; header: string }> {
    const profile = this.validateOptions.profile ?? DEFAULT_PROFILE;
    const words = headerWords(profile, this.validateOptions.brand);
    const columns = profile.columns.map((c, i) => ({ key: c.key, header: words[i] ?? c.key }));
    const known = new Set(columns.map((c) => c.key));
    for (const key of Object.keys(this.report?.rows[0]?.values ?? {})) if (!known.has(key)) columns.push({ key, header: key });
    return columns;
  }

  // ---- changes ---------------------------------------------------------------------------------

  /** One row through the validation worker, for an in-place change. */
  #validate(row: number, values: Record<string, string>): Promise<RowChange> {
    const { existingLoginIds, ...rest } = this.validateOptions;
    const options = existingLoginIds ? { ...rest, existingLoginIds: [...existingLoginIds] } : rest;
    return this.validationClient.validateRow(values, { ...options, row }).then((report): RowChange => ({ row, report }));
  }

  #reviseOptions() {
    return { profile: this.validateOptions.profile, defaultCountry: this.validateOptions.defaultCountry };
  }

  /**
   * Rows a change left without errors but without the record the worker never made for them (they
   * were duplicates when the file was read) are validated again, so that they can be sent.
   */
  async #restoreRecords(revised: ValidationReport): Promise<ValidationReport> {
    const missing = rowsMissingRecord(revised);
    if (missing.length === 0) return revised;
    const byRow = new Map(revised.rows.map((r) => [r.row, r]));
    const again = await Promise.all(missing.map((row) => this.#validate(row, byRow.get(row)!.values)));
    return reviseReport(revised, again, this.#reviseOptions());
  }

  async #revalidate(rows: Array<{ row: number; values: Record<string, string> }>, kind: RowErrorTableChange['kind']): Promise<void> {
    if (!this.report || rows.length === 0) return;
    const numbers = rows.map((r) => r.row);
    this._pending = new Set([...this._pending, ...numbers]);
    try {
      const changes = await Promise.all(rows.map((r) => this.#validate(r.row, r.values)));
      const base = this.report;
      if (!base) return;
      const revised = await this.#restoreRecords(reviseReport(base, changes, this.#reviseOptions()));
      this.#commit(revised, { kind, rows: numbers });
      this._announcement =
        kind === 'edit'
          ? rows.length === 1
            ? msg(str`Row ${numbers[0]!} checked again.`)
            : msg(str`${count(rows.length)} rows checked again.`)
          : plural(rows.length, { one: msg('1 suggestion applied.'), other: msg(str`${count(rows.length)} suggestions applied.`) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this._announcement = msg(str`The change could not be checked: ${reason}`);
      // Nothing typed is lost: an edit that could not be checked opens again with what was typed.
      if (kind === 'edit' && rows.length === 1 && !this._editing) this._editing = { row: rows[0]!.row, values: { ...rows[0]!.values } };
    } finally {
      const pending = new Set(this._pending);
      for (const n of numbers) pending.delete(n);
      this._pending = pending;
    }
  }

  #commit(report: ValidationReport, change: RowErrorTableChange): void {
    this.report = report;
    this.dispatchEvent(new RowErrorTableChangeEvent({ report, change }));
  }

  /** Puts an issue's suggestion in its cell and re-validates the row. */
  #apply(row: RowReport, issue: Issue): void {
    if (!applicable(row, issue)) return;
    void this.#revalidate([{ row: row.row, values: { ...row.values, [issue.column!]: issue.suggestion! } }], 'suggestion');
  }

  /** Applies every row's suggestion for `code` and re-validates those rows together. */
  #applyAll(code: string): void {
    const rows: Array<{ row: number; values: Record<string, string> }> = [];
    for (const row of this.report?.rows ?? []) {
      const issue = row.issues.find((i) => i.code === code && applicable(row, i));
      if (issue) rows.push({ row: row.row, values: { ...row.values, [issue.column!]: issue.suggestion! } });
    }
    void this.#revalidate(rows, 'suggestion');
  }

  async #remove(row: RowReport): Promise<void> {
    if (!this.report) return;
    if (this._editing?.row === row.row) this._editing = undefined;
    const index = this.#view.indexOf(row);
    this._pending = new Set([...this._pending, row.row]);
    let revised: ValidationReport;
    try {
      revised = await this.#restoreRecords(removeRows(this.report, [row.row], this.#reviseOptions()));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this._announcement = msg(str`The change could not be checked: ${reason}`);
      return;
    } finally {
      const pending = new Set(this._pending);
      pending.delete(row.row);
      this._pending = pending;
    }
    this.#commit(revised, { kind: 'remove', rows: [row.row] });
    this._announcement = msg(str`Row ${row.row} removed.`);
    void this.updateComplete.then(() => {
      if (this.#view.length > 0) void this.focusRow(Math.min(index, this.#view.length - 1));
      else this._scroller?.focus();
    });
  }

  #startEdit(row: RowReport, column?: string): void {
    if (!this.editable || this._pending.has(row.row)) return;
    if (this._editing && this._editing.row !== row.row) this.#saveEdit();
    this._editing = { row: row.row, values: { ...row.values } };
    // Start in the given cell, else in the first cell with a problem.
    this.#focusColumn = column ?? row.issues.find((i) => i.column !== undefined && i.column in row.values)?.column ?? this.#columns()[0]?.key;
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`tr[data-row="${row.row}"] input[data-column="${this.#focusColumn ?? ''}"]`);
      input?.focus();
      input?.select();
    });
  }

  #saveEdit(): void {
    const editing = this._editing;
    if (!editing) return;
    this._editing = undefined;
    const original = this.report?.rows.find((r) => r.row === editing.row);
    if (!original) return;
    const changed = Object.keys(editing.values).some((k) => editing.values[k] !== original.values[k]);
    this.#refocusRow(editing.row);
    if (changed) void this.#revalidate([{ row: editing.row, values: editing.values }], 'edit');
  }

  #cancelEdit(): void {
    const editing = this._editing;
    if (!editing) return;
    this._editing = undefined;
    this.#refocusRow(editing.row);
  }

  #refocusRow(rowNumber: number): void {
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>(`tr[data-row="${rowNumber}"] [part~="row-header"]`)?.focus();
    });
  }

  // ---- navigation ------------------------------------------------------------------------------

  /** Scrolls the row at `index` of {@link visibleRows} into view and focuses it. */
  async focusRow(index: number): Promise<void> {
    const view = this.#view;
    if (view.length === 0) return;
    const i = Math.max(0, Math.min(view.length - 1, index));
    this._active = i;
    const scroller = this._scroller;
    if (scroller) {
      const offsets = this.#rowOffsets();
      const top = offsets[i]!;
      const height = offsets[i + 1]! - top;
      const room = Math.max(height, this._viewport - this.#headerHeight);
      let next = scroller.scrollTop;
      if (top < next) next = top;
      else if (top + height > next + room) next = top + height - room;
      if (next !== scroller.scrollTop) {
        scroller.scrollTop = next;
        this._scrollTop = scroller.scrollTop;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-index="${i}"] [part~="row-header"]`)?.focus();
  }

  #isProblem(row: RowReport): boolean {
    if (this.filter === 'outcomes') {
      const status = this.outcomes?.get(row.row)?.status;
      return status !== undefined && status !== 'invited';
    }
    return row.issues.length > 0;
  }

  /** Focuses the next (`1`) or previous (`-1`) row with a problem, scrolling as needed. Returns whether one was found. */
  async focusProblem(direction: 1 | -1): Promise<boolean> {
    const view = this.#view;
    const focused = this.#focusedIndex();
    const from = focused ?? (direction === 1 ? -1 : view.length);
    for (let i = from + direction; i >= 0 && i < view.length; i += direction) {
      if (this.#isProblem(view[i]!)) {
        await this.focusRow(i);
        return true;
      }
    }
    this._announcement = direction === 1 ? msg('No more problems below.') : msg('No more problems above.');
    return false;
  }

  #focusedIndex(): number | undefined {
    const active = this.shadowRoot?.activeElement;
    const tr = active?.closest<HTMLElement>('tr[data-index]');
    return tr ? Number(tr.dataset['index']) : undefined;
  }

  #onScroll = (event: Event): void => {
    this._scrollTop = (event.currentTarget as HTMLElement).scrollTop;
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (target instanceof HTMLInputElement) return;
    const index = this.#focusedIndex();
    const onRowHeader = target?.getAttribute('part')?.includes('row-header') ?? false;
    const problemKey = !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'n' || event.key === 'p');
    if ((event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) || problemKey) {
      event.preventDefault();
      void this.focusProblem(event.key === 'ArrowDown' || event.key === 'n' ? 1 : -1);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const base = index ?? (event.key === 'ArrowDown' ? -1 : this.#view.length);
        void this.focusRow(base + (event.key === 'ArrowDown' ? 1 : -1));
        return;
      }
      case 'Home':
      case 'End':
        if (index === undefined && target !== this._scroller) return;
        event.preventDefault();
        void this.focusRow(event.key === 'Home' ? 0 : this.#view.length - 1);
        return;
      case 'Enter':
      case 'F2':
        if (onRowHeader && index !== undefined && this.editable) {
          event.preventDefault();
          this.#startEdit(this.#view[index]!);
        }
        return;
    }
  };

  #onEditKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#saveEdit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#cancelEdit();
    }
  };

  #onRowFocusout = (event: FocusEvent): void => {
    const tr = event.currentTarget as HTMLElement;
    if (!this._editing || Number(tr.dataset['row']) !== this._editing.row) return;
    const next = event.relatedTarget as Node | null;
    if (next && tr.contains(next)) return;
    this.#saveEdit();
  };

  // ---- rendering -------------------------------------------------------------------------------

  #filterLabel(filter: RowFilter): string {
    const s = this.#stats;
    switch (filter) {
      case 'errors':
        return msg(str`Errors (${count(s.errors)})`);
      case 'warnings':
        return msg(str`Warnings (${count(s.warnings)})`);
      case 'all':
        return msg(str`All rows (${count(this.report?.rows.length ?? 0)})`);
      case 'outcomes':
        return msg(str`Results (${count(this.outcomes?.size ?? 0)})`);
    }
  }

  #applyAllLabel(code: string, n: number): string {
    const shown = count(n);
    if (code === 'phone.missing_plus') return plural(n, { one: msg('Add + to 1 phone number'), other: msg(str`Add + to ${shown} phone numbers`) });
    if (code === 'email.typo') return plural(n, { one: msg('Correct 1 email address'), other: msg(str`Correct ${shown} email addresses`) });
    return plural(n, { one: msg('Apply 1 suggestion'), other: msg(str`Apply all ${shown} suggestions`) });
  }

  #renderToolbar() {
    const filters: RowFilter[] = this.outcomes && this.outcomes.size > 0 ? ['errors', 'warnings', 'all', 'outcomes'] : ['errors', 'warnings', 'all'];
    const chosen = this.#stats.codes.find((c) => c.code === this.code);
    return html`<div part="toolbar">
      <div part="filters" role="group" aria-label=${msg('Show')}>
        ${filters.map(
          (f) => html`<button
            type="button"
            part="filter-button"
            aria-pressed=${this.filter === f && !this.code ? 'true' : 'false'}
            @click=${() => {
              this.filter = f;
              this.code = '';
              this._active = 0;
            }}
          >
            ${this.#filterLabel(f)}
          </button>`,
        )}
      </div>
      ${this.#stats.codes.length > 0
        ? html`<div part="groups" role="group" aria-label=${msg('Problems by type')}>
            ${this.#stats.codes.map(
              (c) => html`<button
                type="button"
                part="group-button group-${c.severity}"
                aria-pressed=${this.code === c.code ? 'true' : 'false'}
                @click=${() => {
                  this.code = this.code === c.code ? '' : c.code;
                  this._active = 0;
                }}
              >
                ${issueGroupLabel(c.code, c.rows)}
              </button>`,
            )}
          </div>`
        : nothing}
      <div class="actions-bar">
        ${chosen && chosen.suggestions > 0 && this.editable
          ? html`<button type="button" part="apply-all-button" ?disabled=${this._pending.size > 0} @click=${() => this.#applyAll(chosen.code)}>
              ${this.#applyAllLabel(chosen.code, chosen.suggestions)}
            </button>`
          : nothing}
        <button type="button" part="nav-button" data-nav="previous" @click=${() => void this.focusProblem(-1)}>${msg('Previous problem')}</button>
        <button type="button" part="nav-button" data-nav="next" @click=${() => void this.focusProblem(1)}>${msg('Next problem')}</button>
      </div>
    </div>`;
  }

  #renderIssue(row: RowReport, issue: Issue, tab: number) {
    const canApply = this.editable && applicable(row, issue) && !this._pending.has(row.row);
    return html`<li part="issue issue-${issue.severity}" class=${issue.severity}>
      <span class="label">${issueLabel(issue.code)}:</span>
      <span class="message">${issueMessage(issue, row)}</span>
      ${canApply
        ? html`<button
            type="button"
            part="apply-button"
            tabindex=${tab}
            aria-label=${msg(str`Apply ${issue.suggestion!} in row ${row.row}`)}
            @click=${() => this.#apply(row, issue)}
          >
            ${msg('Apply')}
          </button>`
        : nothing}
    </li>`;
  }

  #renderOutcome(row: RowReport) {
    const outcome = this.outcomes?.get(row.row);
    if (!outcome) return html`<td part="outcome"></td>`;
    const status = outcome.status === 'invited' ? msg('Invited') : outcome.status === 'rejected' ? msg('Rejected') : msg('Not confirmed');
    return html`<td part="outcome outcome-${outcome.status}" class="outcome ${outcome.status}">
      <div><strong>${status}</strong>${outcome.message ? html` <span>${outcome.message}</span>` : nothing}</div>
    </td>`;
  }

  #renderRow(row: RowReport, index: number, columns: Array<{ key: string; header: string }>) {
    const editing = this._editing?.row === row.row ? this._editing : undefined;
    const pending = this._pending.has(row.row);
    const severity = hasError(row) ? 'error' : hasWarning(row) ? 'warning' : 'ok';
    // One row at a time is in the Tab order (the active one, moved with the arrow keys), so that Tab
    // leaves a long table in a few presses instead of visiting every row's buttons.
    const tab = index === this._active || editing ? 0 : -1;
    return html`<tr
      part="row row-${severity}${editing ? ' row-editing' : ''}"
      aria-rowindex=${index + 2}
      aria-busy=${pending ? 'true' : 'false'}
      data-index=${index}
      data-row=${row.row}
      @focusin=${() => {
        if (this._active !== index) this._active = index;
      }}
      @focusout=${this.#onRowFocusout}
    >
      <th scope="row" part="row-header" tabindex="-1">
        <div>${row.row}</div>
      </th>
      ${columns.map((c) =>
        editing
          ? html`<td part="cell">
              <input
                part="input"
                data-column=${c.key}
                aria-label=${msg(str`${c.header}, row ${row.row}`)}
                .value=${editing.values[c.key] ?? ''}
                @input=${(e: Event) => {
                  editing.values[c.key] = (e.target as HTMLInputElement).value;
                }}
                @keydown=${this.#onEditKeydown}
              />
            </td>`
          : html`<td part="cell" @dblclick=${() => this.#startEdit(row, c.key)}><div>${row.values[c.key] ?? ''}</div></td>`,
      )}
      <td part="problems">
        ${pending
          ? html`<div>${msg('Checking…')}</div>`
          : row.issues.length > 0
            ? html`<ul>
                ${row.issues.map((issue) => this.#renderIssue(row, issue, tab))}
              </ul>`
            : html`<div class="ok">${msg('No problems')}</div>`}
      </td>
      ${this.outcomes ? this.#renderOutcome(row) : nothing}
      ${this.editable
        ? html`<td part="actions">
            <div class="buttons">
              ${editing
                ? html`<button type="button" part="action-button" @click=${() => this.#saveEdit()}>${msg('Save')}</button>
                    <button type="button" part="action-button" @click=${() => this.#cancelEdit()}>${msg('Cancel')}</button>`
                : html`<button
                      type="button"
                      part="action-button"
                      tabindex=${tab}
                      ?disabled=${pending}
                      aria-label=${msg(str`Edit row ${row.row}`)}
                      @click=${() => this.#startEdit(row)}
                    >
                      ${msg('Edit')}
                    </button>
                    <button
                      type="button"
                      part="action-button"
                      tabindex=${tab}
                      ?disabled=${pending}
                      aria-label=${msg(str`Remove row ${row.row}`)}
                      @click=${() => void this.#remove(row)}
                    >
                      ${msg('Remove')}
                    </button>`}
            </div>
          </td>`
        : nothing}
    </tr>`;
  }

  protected override render() {
    const report = this.report;
    if (!report) return nothing;
    const view = this.#view;
    const columns = this.#columns();
    const offsets = this.#rowOffsets();
    const scrolled = Math.max(0, this._scrollTop - this.#headerHeight);
    let start = Math.max(0, this.#indexAt(scrolled) - OVERSCAN);
    let end = Math.min(view.length, this.#indexAt(scrolled + this._viewport) + 1 + OVERSCAN);
    // Keep the row being edited and the active row rendered (focus stays in the DOM).
    const editIndex = this._editing ? view.findIndex((r) => r.row === this._editing!.row) : -1;
    if (editIndex >= 0 && (editIndex < start || editIndex >= end)) {
      start = Math.min(start, editIndex);
      end = Math.max(end, editIndex + 1);
    }
    const slice = view.slice(start, end);
    const span = columns.length + 2 + (this.outcomes ? 1 : 0) + (this.editable ? 1 : 0);
    const before = offsets[start]!;
    const after = offsets[view.length]! - offsets[end]!;
    const shownLabel = plural(view.length, { one: msg('1 row shown'), other: msg(str`${count(view.length)} rows shown`) });
    return html`<div part="base">
      ${this.#renderToolbar()}
      <div
        part="scroller"
        tabindex="0"
        role="region"
        aria-label=${msg('Rows and their problems')}
        @scroll=${this.#onScroll}
        @keydown=${this.#onKeydown}
      >
        <table part="table" aria-rowcount=${view.length + 1}>
          <caption>
            ${shownLabel}
          </caption>
          <thead>
            <tr part="header-row" aria-rowindex="1">
              <th scope="col" part="header-cell">${msg('Row')}</th>
              ${columns.map((c) => html`<th scope="col" part="header-cell">${c.header}</th>`)}
              <th scope="col" part="header-cell" class="problems-header">${msg('Problems')}</th>
              ${this.outcomes ? html`<th scope="col" part="header-cell" class="result-header">${msg('Result')}</th>` : nothing}
              ${this.editable ? html`<th scope="col" part="header-cell" class="actions-header">${msg('Actions')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${before > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${span} style=${styleMap({ blockSize: `${before}px` })}></td></tr>` : nothing}
            ${repeat(
              slice,
              (row) => row.row,
              (row, i) => this.#renderRow(row, start + i, columns),
            )}
            ${after > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${span} style=${styleMap({ blockSize: `${after}px` })}></td></tr>` : nothing}
          </tbody>
        </table>
        ${view.length === 0 ? html`<p part="empty">${msg('No rows to show.')}</p>` : nothing}
      </div>
      <p part="status" role="status" class="visually-hidden">${this._announcement}</p>
    </div>`;
  }
}
