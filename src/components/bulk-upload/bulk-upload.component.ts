import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { EnrollmentAdapter } from '../../core/adapter/adapter.js';
import { createRestAdapter } from '../../core/adapter/rest-adapter.js';
import { errorRowsCsv, templateCsv } from '../../core/csv/template.js';
import { resultsCsv, type RowResult } from '../../core/csv/results.js';
import { sendInvitations } from '../../core/send/send-invitations.js';
import type { Profile, ValidateOptions, ValidationReport } from '../../core/types.js';
import { sharedValidationClient, type ValidationClient } from '../../worker/validation-client.js';
import { count, plural } from '../../internal/plural.js';
import { issueMessage } from '../shared/issue-message.js';
import type { RowValidateOptions } from '../row-error-table/row-error-table.component.js';
import {
  BulkUploadErrorEvent,
  BulkUploadProgressEvent,
  BulkUploadSubmitEvent,
  BulkUploadSubmittedEvent,
  BulkUploadValidatedEvent,
} from './bulk-upload.events.js';
import { SessionStore, type SavedSession } from './session-store.js';
import { styles } from './bulk-upload.styles.js';

/** The states the element goes through, in order. */
export const bulkUploadStates = ['ready', 'validating', 'review', 'sending', 'done'] as const;
export type BulkUploadState = (typeof bulkUploadStates)[number];

type Encoding = NonNullable<ValidateOptions['encoding']>;
const ENCODINGS: Encoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

/** What `<row-error-table>` announces after an edit, a suggestion applied or a row removed. */
type TableChangeEvent = Event & { detail: { report: ValidationReport } };

const download = (text: string, fileName: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

const baseName = (fileName: string) => fileName.replace(/\.[^.]*$/, '') || 'users';

/**
 * Enrolls many users at once from a CSV: the admin downloads the template, fills it, drops it here,
 * sees every problem explained, fixes it in place, and sends the valid users to the backend; then sees
 * what happened to each user. The review, the fixes and any sending in progress survive a page reload.
 *
 * @tagname bulk-upload
 * @summary Bulk enrollment from a CSV file, validated in the browser.
 *
 * @fires {BulkUploadValidatedEvent} bulk-upload-validated - A file was read and validated. `detail: { report, fileName }`.
 * @fires {BulkUploadSubmitEvent} bulk-upload-submit - The admin asked to send; cancelable. `detail: { rows, report }`.
 * @fires {BulkUploadProgressEvent} bulk-upload-progress - Progress in rows while validating or sending (does not bubble). `detail: { phase, done, total }`; while validating, `total` is 0 until the rows are counted.
 * @fires {BulkUploadSubmittedEvent} bulk-upload-submitted - Sending ended; every row sent is invited, rejected or unconfirmed. `detail: { sendReport, report }`.
 * @fires {BulkUploadErrorEvent} bulk-upload-error - A file could not be read, or there is no backend to send to. `detail: { message, cause }`.
 *
 * @csspart base - The wrapper of every state.
 * @csspart heading - The heading of the current state (focused when the state changes).
 * @csspart instructions - The short instructions of the ready state.
 * @csspart template-button - The "Download template" button.
 * @csspart dropzone - The area a file can be dropped on.
 * @csspart browse-button - The button that opens the file picker.
 * @csspart resume - The offer to resume saved work.
 * @csspart progress - The progress bar while reading, validating or sending.
 * @csspart cancel-button - The button that cancels reading or sending.
 * @csspart summary - The summary of a validated file or of a send.
 * @csspart file-info - How the file was read (encoding, separator), with the encoding picker.
 * @csspart file-problems - The problems with the file as a whole.
 * @csspart errors - The `<row-error-table>` of the review and of the results.
 * @csspart send-button - The button that sends the valid users.
 * @csspart error-rows-button - The button that downloads the rows with problems.
 * @csspart retry-button - The button that sends the unconfirmed users again.
 * @csspart results-button - The button that downloads the results.
 * @csspart next-steps - What happens next, after sending.
 * @csspart restart-button - The button that starts over with another file.
 *
 * @cssprop --bulk-upload-accent-color - Buttons, focus rings and the drop highlight. Default `#1d4ed8` (dark: `#93c5fd`).
 * @cssprop --bulk-upload-accent-text-color - Text on accent-coloured buttons. Default `#ffffff` (dark: `#0b1220`).
 * @cssprop --bulk-upload-text-color - Body text. Default `#1f2937` (dark: `#e5e7eb`).
 * @cssprop --bulk-upload-muted-color - Secondary text. Default `#4b5563` (dark: `#9ca3af`).
 * @cssprop --bulk-upload-surface-color - Background. Default `#ffffff` (dark: `#111827`).
 * @cssprop --bulk-upload-border-color - Borders and the drop zone's outline. Default `#6b7280`.
 * @cssprop --bulk-upload-error-color - File problems and rejected counts. Default `#b91c1c` (dark: `#fca5a5`).
 * @cssprop --bulk-upload-success-color - Invited counts. Default `#166534` (dark: `#86efac`).
 * @cssprop --bulk-upload-radius - Corner radius. Default `8px`.
 * @cssprop --bulk-upload-font-family - Font. Default `system-ui, sans-serif`.
 */
@localized()
export class BulkUploadElement extends LitElement {
  static override styles = styles;

  /** The REST endpoint of the backend; with it alone the element builds the REST adapter itself. */
  @property() endpoint = '';

  /** The brand in the first header (`{brand} ID (phone/email)`), for white-labelling. */
  @property() brand = 'iPlum';

  /** ISO 3166-1 alpha-2 country whose national phone numbers are accepted without a country code. */
  @property({ attribute: 'default-country' }) defaultCountry = '';

  /** `strict`: header words exactly as in the template; `lenient`: case, order and common synonyms forgiven. */
  @property({ attribute: 'header-mode' }) headerMode: 'strict' | 'lenient' = 'strict';

  /** The most user rows one file may hold. */
  @property({ attribute: 'max-rows', type: Number }) maxRows = 50000;

  /** How many users go to the backend in one request. */
  @property({ attribute: 'batch-size', type: Number }) batchSize = 100;

  /**
   * Where the review and sending progress are kept across page reloads: `indexeddb` (default) or `none`.
   * The saved data holds the users' names, phones and emails, never a password.
   */
  @property() persist: 'indexeddb' | 'none' = 'indexeddb';

  /** The name the saved work is kept under; give each uploader on one origin its own. Default `bulk-upload`. */
  @property({ attribute: 'storage-key' }) storageKey = 'bulk-upload';

  /** The backend. Takes precedence over `endpoint`. */
  @property({ attribute: false }) adapter: EnrollmentAdapter | undefined;

  /** The columns and their rules; defaults to the four template columns. */
  @property({ attribute: false }) profile: Profile | undefined;

  /** Whether a file is being dragged over the drop zone (for styling). */
  @property({ type: Boolean, reflect: true }) dragover = false;

  /** Where the element is in the flow. */
  @state() protected flowState: BulkUploadState = 'ready';
  @state() protected report: ValidationReport | undefined;
  @state() protected fileName = '';
  @state() protected rowsDone = 0;
  @state() protected progressValue = 0;
  @state() protected progressMax = 0;
  @state() protected errorMessage = '';
  @state() protected results = new Map<number, RowResult>();
  @state() protected saved: SavedSession | undefined;
  @state() protected announcement = '';

  #abort: AbortController | undefined;
  #file: Blob | undefined;
  #store: SessionStore | undefined;
  #restAdapter: { endpoint: string; adapter: EnrollmentAdapter } | undefined;
  #focusHeading = false;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  /** The validation worker client (replaceable for tests). */
  validationClient: ValidationClient = sharedValidationClient();

  /** The current state of the flow. */
  get state(): BulkUploadState {
    return this.flowState;
  }

  /** The report of the review, with the fixes made in place; `undefined` before a file is read. */
  get currentReport(): ValidationReport | undefined {
    return this.report;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.#flushSave);
    void this.#offerResume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    window.removeEventListener('pagehide', this.#flushSave);
    this.#flushSave();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('flowState') && changed.get('flowState') !== undefined) this.#focusHeading = true;
  }

  protected override updated(): void {
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('[part=heading]')?.focus();
  }

  get #sessionStore(): SessionStore | undefined {
    if (this.persist === 'none') return undefined;
    if (this.#store?.key !== this.storageKey) this.#store = new SessionStore(this.storageKey);
    return this.#store;
  }

  /** The options of a validation run, which `<row-error-table>` also uses to re-validate a fixed row. */
  #validateOptions(): ValidateOptions & RowValidateOptions {
    return {
      brand: this.brand,
      headerMode: this.headerMode,
      maxRows: this.maxRows,
      ...(this.defaultCountry ? { defaultCountry: this.defaultCountry } : {}),
      ...(this.profile ? { profile: this.profile } : {}),
    };
  }

  /** The adapter property, or the REST adapter built from `endpoint`. */
  #backend(): EnrollmentAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this.#restAdapter?.endpoint !== this.endpoint) {
      this.#restAdapter = { endpoint: this.endpoint, adapter: createRestAdapter({ endpoint: this.endpoint }) };
    }
    return this.#restAdapter.adapter;
  }

  #fail(message: string, cause?: unknown): void {
    this.errorMessage = message;
    this.announcement = message;
    this.dispatchEvent(new BulkUploadErrorEvent({ message, cause }));
  }

  #save(phase: SavedSession['phase']): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (!this.report || !this.report.rows.length) return;
    void this.#sessionStore?.save({ fileName: this.fileName, report: this.report, results: [...this.results], phase });
  }

  /**
   * Saves after a pause in the admin's fixes: writing a big report to IndexedDB copies it on the main
   * thread, so a run of quick edits is saved once.
   */
  #saveSoon(phase: SavedSession['phase']): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(phase), 300);
  }

  /** Saves at once what is waiting to be saved (the page is going away). */
  readonly #flushSave = (): void => {
    if (this.#saveTimer !== undefined) this.#save(this.results.size ? 'done' : 'review');
  };

  async #offerResume(): Promise<void> {
    const saved = await this.#sessionStore?.load();
    if (saved && this.flowState === 'ready' && !this.report) this.saved = saved;
  }

  /** Restores the saved review and results, as offered in the ready state after a reload. */
  resume(): void {
    const saved = this.saved;
    if (!saved) return;
    this.saved = undefined;
    this.#file = undefined;
    this.report = saved.report;
    this.fileName = saved.fileName;
    this.results = new Map(saved.results);
    this.flowState = saved.phase === 'review' ? 'review' : 'done';
    this.announcement = msg(str`Restored ${saved.fileName}.`);
  }

  /** Forgets the saved work and offers a fresh start. */
  discardSaved(): void {
    this.saved = undefined;
    void this.#sessionStore?.clear();
  }

  /** Validates a file as if the admin had picked it. Resolves with the report, or `undefined` when cancelled or unreadable. */
  async validateFile(file: File | Blob, fileName = (file as File).name ?? 'upload.csv', encoding?: Encoding): Promise<ValidationReport | undefined> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#file = file;
    this.saved = undefined;
    this.fileName = fileName;
    this.flowState = 'validating';
    this.rowsDone = 0;
    this.progressValue = 0;
    this.progressMax = file.size;
    this.errorMessage = '';
    this.results = new Map();
    this.announcement = msg(str`Checking ${fileName}…`);
    try {
      const report = await this.validationClient.validate(file, {
        ...this.#validateOptions(),
        ...(encoding ? { encoding } : {}),
        signal: abort.signal,
        onProgress: ({ rowsDone, bytesDone, bytesTotal, rowsTotal }) => {
          this.rowsDone = rowsDone;
          this.progressValue = bytesDone;
          this.progressMax = bytesTotal;
          this.dispatchEvent(new BulkUploadProgressEvent({ phase: 'validating', done: rowsDone, total: rowsTotal ?? 0 }));
        },
      });
      this.report = report;
      this.flowState = 'review';
      this.announcement = this.#reviewSummary(report);
      this.#save('review');
      this.dispatchEvent(new BulkUploadValidatedEvent({ report, fileName }));
      return report;
    } catch (error) {
      if (abort.signal.aborted) {
        this.flowState = 'ready';
        this.announcement = msg('Cancelled. No file was read.');
        return undefined;
      }
      this.flowState = 'ready';
      this.#fail(msg('The file could not be read. Try again, or save it as CSV and upload that.'), error);
      return undefined;
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /** Stops reading and validating (back to the start) or sending (the rest ends not confirmed, safe to send again). */
  cancel(): void {
    this.#abort?.abort();
  }

  /**
   * Sends the valid users of the review (or, after a send, those not yet confirmed) to the backend.
   * Resolves when sending ends; cancelled or failed users end `unconfirmed` and can be sent again.
   */
  async send(): Promise<void> {
    const report = this.report;
    if (!report || this.flowState === 'sending') return;
    const rows = report.rows.filter((row) => row.record && !this.#settled(row.row));
    if (!rows.length) return;
    const adapter = this.#backend();
    if (!adapter) {
      this.#fail(msg('There is no backend to send to: set the endpoint attribute or the adapter property of <bulk-upload>.'));
      return;
    }
    if (!this.dispatchEvent(new BulkUploadSubmitEvent({ rows, report }))) return;
    const abort = (this.#abort = new AbortController());
    this.errorMessage = '';
    this.progressValue = 0;
    this.progressMax = rows.length;
    this.flowState = 'sending';
    this.announcement = plural(rows.length, {
      one: msg(str`Sending ${count(rows.length)} invitation…`),
      other: msg(str`Sending ${count(rows.length)} invitations…`),
    });
    this.#save('sending');
    const results = new Map(this.results);
    const sendReport = await sendInvitations(rows, adapter, {
      batchSize: this.batchSize,
      signal: abort.signal,
      checkExisting: typeof adapter.findExistingLoginIds === 'function',
      onProgress: ({ sent }) => {
        this.progressValue = sent;
        this.dispatchEvent(new BulkUploadProgressEvent({ phase: 'sending', done: sent, total: rows.length }));
      },
    });
    for (const outcome of sendReport.outcomes) {
      if (outcome.row === undefined) continue;
      results.set(outcome.row, outcome.message === undefined ? { status: outcome.status } : { status: outcome.status, message: outcome.message });
    }
    if (this.#abort === abort) this.#abort = undefined;
    this.results = results;
    this.flowState = 'done';
    const { invited, rejected, unconfirmed } = sendReport.summary;
    this.announcement = this.#doneSummary(invited, rejected, unconfirmed);
    this.#save('done');
    this.dispatchEvent(new BulkUploadSubmittedEvent({ sendReport, report }));
  }

  #settled(row: number): boolean {
    const status = this.results.get(row)?.status;
    return status === 'invited' || status === 'rejected';
  }

  /** Back to the start with another file; the saved work is forgotten. */
  startOver(): void {
    this.#abort?.abort();
    this.report = undefined;
    this.#file = undefined;
    this.results = new Map();
    this.errorMessage = '';
    this.flowState = 'ready';
    void this.#sessionStore?.clear();
  }

  #downloadTemplate(): void {
    download(templateCsv({ brand: this.brand, ...(this.profile ? { profile: this.profile } : {}) }), 'bulk-enroll-template.csv');
  }

  #downloadErrorRows(): void {
    if (!this.report) return;
    download(errorRowsCsv(this.report, { brand: this.brand, ...(this.profile ? { profile: this.profile } : {}) }), `${baseName(this.fileName)}-to-fix.csv`);
  }

  #downloadResults(): void {
    if (!this.report) return;
    const labels = {
      result: msg('Result'),
      details: msg('Details'),
      invited: msg('Invited'),
      rejected: msg('Rejected by the server'),
      unconfirmed: msg('Not confirmed: safe to send again'),
      heldBack: msg('Held back: fix the problems and upload again'),
      notSent: msg('Not sent'),
    };
    download(
      resultsCsv(this.report, this.results, { brand: this.brand, labels, ...(this.profile ? { profile: this.profile } : {}) }),
      `${baseName(this.fileName)}-results.csv`,
    );
  }

  #onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.validateFile(file);
  }

  #onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragover = true;
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragover = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.validateFile(file);
  }

  #onEncodingChosen(event: Event): void {
    const encoding = (event.target as HTMLSelectElement).value as Encoding;
    if (this.#file) void this.validateFile(this.#file, this.fileName, encoding);
  }

  #onTableChange(event: TableChangeEvent): void {
    this.report = event.detail.report;
    this.announcement = this.#reviewSummary(this.report);
    this.#saveSoon(this.results.size ? 'done' : 'review');
  }

  #reviewSummary(report: ValidationReport): string {
    if (report.fileIssues.some((issue) => issue.severity === 'error')) return msg('The file cannot be used as it is. See what to do below.');
    const { valid, invalid } = report.summary;
    const ready = plural(valid, { one: msg(str`${count(valid)} user ready to invite`), other: msg(str`${count(valid)} users ready to invite`) });
    const held = plural(invalid, { one: msg(str`${count(invalid)} row with problems`), other: msg(str`${count(invalid)} rows with problems`) });
    return msg(str`${ready}; ${held}.`);
  }

  #doneSummary(invited: number, rejected: number, unconfirmed: number): string {
    const a = plural(invited, { one: msg(str`${count(invited)} user invited`), other: msg(str`${count(invited)} users invited`) });
    const b = plural(rejected, { one: msg(str`${count(rejected)} rejected`), other: msg(str`${count(rejected)} rejected`) });
    const c = plural(unconfirmed, { one: msg(str`${count(unconfirmed)} not confirmed`), other: msg(str`${count(unconfirmed)} not confirmed`) });
    return msg(str`${a}, ${b}, ${c}.`);
  }

  protected override render() {
    return html`<section part="base" aria-labelledby="title">
      ${this.#renderState()}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  #renderState() {
    switch (this.flowState) {
      case 'validating':
        return this.#renderValidating();
      case 'sending':
        return this.#renderSending();
      case 'done':
        return this.report ? this.#renderDone(this.report) : this.#renderReady();
      case 'review':
        return this.report ? this.#renderReview(this.report) : this.#renderReady();
      default:
        return this.#renderReady();
    }
  }

  #heading(text: string) {
    return html`<h2 id="title" part="heading" tabindex="-1">${text}</h2>`;
  }

  #renderReady() {
    const saved = this.saved;
    return html`${this.#heading(msg('Add users in bulk'))}
      ${saved
        ? html`<div part="resume" class="notice" role="group" aria-labelledby="resume-text">
            <p id="resume-text">
              ${msg(str`You have unfinished work from ${new Date(saved.savedAt).toLocaleString()}: ${saved.fileName}.`)}
            </p>
            <div class="actions">
              <button class="primary" @click=${this.resume}>${msg('Resume')}</button>
              <button @click=${this.discardSaved}>${msg('Discard it')}</button>
            </div>
          </div>`
        : nothing}
      <ol part="instructions">
        <li>${msg('Download the template and fill in one user per row: how they sign in (phone or email), their phone number, email and name.')}</li>
        <li>
          ${msg(
            'Type phone numbers with the country code, starting with + (for example +14085550142). In Excel, format the phone column as Text first, so the + and the digits are kept.',
          )}
        </li>
        <li>${msg('Save the file as CSV and drop it below. You will see every problem before anything is sent.')}</li>
      </ol>
      <div class="actions">
        <button part="template-button" @click=${this.#downloadTemplate}>${msg('Download template')}</button>
      </div>
      <div part="dropzone" @dragover=${this.#onDragOver} @dragleave=${() => (this.dragover = false)} @drop=${this.#onDrop}>
        <span>${msg('Drop your CSV file here, or')}</span>
        <input id="file" type="file" accept=".csv,.txt,text/csv,text/plain" @change=${this.#onFileChosen} />
        <label for="file" part="browse-button" class="file-button">${msg('Choose a file')}</label>
      </div>
      ${this.errorMessage ? html`<p class="error" role="alert">${this.errorMessage}</p>` : nothing}`;
  }

  #renderValidating() {
    return html`${this.#heading(msg(str`Checking ${this.fileName}`))}
      <progress part="progress" aria-label=${msg('Rows checked')} max=${this.progressMax || 1} value=${this.progressValue}></progress>
      <p class="muted">${plural(this.rowsDone, { one: msg(str`${count(this.rowsDone)} row checked`), other: msg(str`${count(this.rowsDone)} rows checked`) })}</p>
      <div class="actions"><button part="cancel-button" @click=${this.cancel}>${msg('Cancel')}</button></div>`;
  }

  #renderFileInfo(report: ValidationReport) {
    const delimiter = report.file.delimiter;
    const separator = delimiter === '\t' ? msg('tabs') : delimiter === ';' ? msg('semicolons') : delimiter === ',' ? msg('commas') : '';
    const detected = report.file.encoding;
    return html`<div part="file-info" class="file-info muted">
      ${separator ? html`<span>${msg(str`Columns separated by ${separator}.`)}</span>` : nothing}
      ${this.#file && detected
        ? html`<label
            >${msg('Characters read as')}
            <select @change=${this.#onEncodingChosen}>
              ${ENCODINGS.map((encoding) => html`<option value=${encoding} ?selected=${encoding === detected}>${encodingName(encoding)}</option>`)}
            </select></label
          >
          <span>${msg('If names show odd characters such as Ã© or �, choose another.')}</span>`
        : detected
          ? html`<span>${msg(str`Characters read as ${encodingName(detected as Encoding)}.`)}</span>`
          : nothing}
    </div>`;
  }

  #renderReview(report: ValidationReport) {
    const { summary } = report;
    const toSend = report.rows.filter((row) => row.record && !this.#settled(row.row)).length;
    const held = summary.invalid;
    const fileError = report.fileIssues.some((issue) => issue.severity === 'error');
    const sendLabel =
      held > 0
        ? msg(
            str`${plural(toSend, { one: msg(str`Send ${count(toSend)} invitation`), other: msg(str`Send ${count(toSend)} invitations`) })}; ${plural(held, {
              one: msg(str`${count(held)} row held back`),
              other: msg(str`${count(held)} rows held back`),
            })}`,
          )
        : plural(toSend, { one: msg(str`Send ${count(toSend)} invitation`), other: msg(str`Send ${count(toSend)} invitations`) });
    return html`${this.#heading(msg(str`Review ${this.fileName}`))}
      <p part="summary">
        ${fileError ? msg('This file cannot be used as it is.') : this.#reviewSummary(report)}
        ${summary.withWarnings
          ? plural(summary.withWarnings, {
              one: msg(str`${count(summary.withWarnings)} row has a warning worth a look; it can still be sent.`),
              other: msg(str`${count(summary.withWarnings)} rows have a warning worth a look; they can still be sent.`),
            })
          : nothing}
        ${summary.blankSkipped
          ? plural(summary.blankSkipped, {
              one: msg(str`${count(summary.blankSkipped)} blank row was skipped.`),
              other: msg(str`${count(summary.blankSkipped)} blank rows were skipped.`),
            })
          : nothing}
      </p>
      ${this.#renderFileInfo(report)}
      ${report.fileIssues.length
        ? html`<ul part="file-problems" class="problems" role="alert">
            ${report.fileIssues.map((issue) => html`<li class=${issue.severity}>${issueMessage(issue)}</li>`)}
          </ul>`
        : nothing}
      ${report.rows.length
        ? html`<row-error-table
            part="errors"
            .report=${report}
            .validateOptions=${this.#validateOptions()}
            .validationClient=${this.validationClient}
            filter=${held > 0 ? 'errors' : 'all'}
            @row-error-table-change=${this.#onTableChange}
          ></row-error-table>`
        : nothing}
      ${this.errorMessage ? html`<p class="error" role="alert">${this.errorMessage}</p>` : nothing}
      <div class="actions">
        ${!fileError
          ? html`<button part="send-button" class="primary" ?disabled=${toSend === 0} @click=${this.send}>${sendLabel}</button>`
          : nothing}
        ${held > 0 ? html`<button part="error-rows-button" @click=${this.#downloadErrorRows}>${msg('Download the rows with problems')}</button>` : nothing}
        <button part="restart-button" @click=${this.startOver}>${msg('Upload another file')}</button>
      </div>`;
  }

  #renderSending() {
    return html`${this.#heading(msg('Sending invitations'))}
      <progress part="progress" aria-label=${msg('Invitations sent')} max=${this.progressMax || 1} value=${this.progressValue}></progress>
      <p class="muted">${msg(str`${count(this.progressValue)} of ${count(this.progressMax)} sent`)}</p>
      <div class="actions"><button part="cancel-button" @click=${this.cancel}>${msg('Cancel sending')}</button></div>`;
  }

  #renderDone(report: ValidationReport) {
    let invited = 0;
    let rejected = 0;
    let unconfirmed = 0;
    for (const result of this.results.values()) {
      if (result.status === 'invited') invited++;
      else if (result.status === 'rejected') rejected++;
      else unconfirmed++;
    }
    const notSent = report.rows.filter((row) => row.record && !this.results.has(row.row)).length;
    return html`${this.#heading(msg('Invitations sent'))}
      <p part="summary">
        <span class="success">${plural(invited, { one: msg(str`${count(invited)} user invited.`), other: msg(str`${count(invited)} users invited.`) })}</span>
        ${rejected
          ? html`<span class="error"
              >${plural(rejected, {
                one: msg(str`${count(rejected)} user rejected by the server; the reason is shown below.`),
                other: msg(str`${count(rejected)} users rejected by the server; the reasons are shown below.`),
              })}</span
            >`
          : nothing}
        ${unconfirmed
          ? html`<span
              >${plural(unconfirmed, {
                one: msg(str`${count(unconfirmed)} user not confirmed: the server did not answer for them. Sending again is safe; nobody is invited twice.`),
                other: msg(str`${count(unconfirmed)} users not confirmed: the server did not answer for them. Sending again is safe; nobody is invited twice.`),
              })}</span
            >`
          : nothing}
      </p>
      <row-error-table
        part="errors"
        .report=${report}
        .outcomes=${this.results}
        .validateOptions=${this.#validateOptions()}
        filter="outcomes"
        .editable=${false}
      ></row-error-table>
      ${this.errorMessage ? html`<p class="error" role="alert">${this.errorMessage}</p>` : nothing}
      <div class="actions">
        ${unconfirmed + notSent > 0
          ? html`<button part="retry-button" class="primary" @click=${this.send}>
              ${plural(unconfirmed + notSent, {
                one: msg(str`Send again to ${count(unconfirmed + notSent)} user not confirmed`),
                other: msg(str`Send again to ${count(unconfirmed + notSent)} users not confirmed`),
              })}
            </button>`
          : nothing}
        <button part="results-button" @click=${this.#downloadResults}>${msg('Download the results (CSV)')}</button>
        <button part="restart-button" @click=${this.startOver}>${msg('Enroll more users')}</button>
      </div>
      <div part="next-steps">
        <h3>${msg('What happens next')}</h3>
        <ul>
          <li>${msg('Each invited user receives a link by text message (phone logins) or by email (email logins), and sets a password.')}</li>
          <li>${msg('You are notified when a user accepts the invitation.')}</li>
          <li>${msg('Then you can assign phone numbers to the new users, or port their existing numbers.')}</li>
          ${report.summary.invalid
            ? html`<li>${msg('Users held back because of problems were not invited: download the results, fix those rows and upload them again.')}</li>`
            : nothing}
        </ul>
      </div>`;
  }
}

function encodingName(encoding: Encoding): string {
  switch (encoding) {
    case 'utf-8':
      return msg('UTF-8 (Unicode)');
    case 'windows-1252':
      return msg('Windows-1252 (Western European)');
    case 'utf-16le':
      return msg('UTF-16 little-endian (Excel “Unicode Text”)');
    case 'utf-16be':
      return msg('UTF-16 big-endian');
  }
}
