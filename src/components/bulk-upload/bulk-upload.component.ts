import { LitElement, html, nothing } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { EnrollmentAdapter } from '../../core/adapter/adapter.js';
import type { Profile, ValidationReport } from '../../core/types.js';
import { templateCsv } from '../../core/csv/template.js';
import { sharedValidationClient, type ValidationClient } from '../../worker/validation-client.js';
import { BulkUploadErrorEvent, BulkUploadProgressEvent, BulkUploadValidatedEvent } from './bulk-upload.events.js';
import { styles } from './bulk-upload.styles.js';

/** The states the element goes through, in order. */
export const bulkUploadStates = ['ready', 'validating', 'review', 'sending', 'done'] as const;
export type BulkUploadState = (typeof bulkUploadStates)[number];

/**
 * Enrolls many users at once from a CSV: the admin downloads the template, fills it, drops it here,
 * sees every problem explained, fixes it, and sends the valid users to the backend.
 *
 * @tagname bulk-upload
 * @summary Bulk enrollment from a CSV file, validated in the browser.
 *
 * @fires {BulkUploadValidatedEvent} bulk-upload-validated - A file was read and validated. `detail: { report, fileName }`.
 * @fires {BulkUploadProgressEvent} bulk-upload-progress - Progress in rows while validating or sending (does not bubble). `detail: { phase, done, total }`.
 * @fires {BulkUploadErrorEvent} bulk-upload-error - A file could not be read or validated. `detail: { message, cause }`.
 *
 * @csspart base - The wrapper of every state.
 * @csspart instructions - The short instructions of the ready state.
 * @csspart template-button - The "Download template" button.
 * @csspart dropzone - The area a file can be dropped on.
 * @csspart browse-button - The button that opens the file picker.
 * @csspart progress - The progress bar while reading and validating.
 * @csspart summary - The summary of a validated file.
 * @csspart errors - The `<row-error-table>` of the review.
 *
 * @cssprop --bulk-upload-accent-color - Buttons, focus rings and the drop highlight. Default `#1d4ed8`.
 * @cssprop --bulk-upload-accent-text-color - Text on accent-coloured buttons. Default `#ffffff`.
 * @cssprop --bulk-upload-text-color - Body text. Default `#1f2937`.
 * @cssprop --bulk-upload-muted-color - Secondary text. Default `#4b5563`.
 * @cssprop --bulk-upload-surface-color - Background. Default `#ffffff`.
 * @cssprop --bulk-upload-border-color - Borders and the drop zone's outline. Default `#6b7280`.
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
  @state() protected errorMessage = '';

  @query('input[type=file]') protected fileInput!: HTMLInputElement;

  #abort: AbortController | undefined;

  /** The validation worker client (replaceable for tests). */
  validationClient: ValidationClient = sharedValidationClient();

  /** The current state of the flow. */
  get state(): BulkUploadState {
    return this.flowState;
  }

  /** Validates a file as if the admin had picked it. */
  async validateFile(file: File | Blob, fileName = (file as File).name ?? 'upload.csv'): Promise<ValidationReport | undefined> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.fileName = fileName;
    this.flowState = 'validating';
    this.rowsDone = 0;
    this.errorMessage = '';
    try {
      const report = await this.validationClient.validate(file, {
        brand: this.brand,
        headerMode: this.headerMode,
        maxRows: this.maxRows,
        ...(this.defaultCountry ? { defaultCountry: this.defaultCountry } : {}),
        ...(this.profile ? { profile: this.profile } : {}),
        signal: abort.signal,
        onProgress: ({ rowsDone }) => {
          this.rowsDone = rowsDone;
          this.dispatchEvent(new BulkUploadProgressEvent({ phase: 'validating', done: rowsDone, total: 0 }));
        },
      });
      this.report = report;
      this.flowState = 'review';
      this.dispatchEvent(new BulkUploadValidatedEvent({ report, fileName }));
      return report;
    } catch (error) {
      if (abort.signal.aborted) {
        this.flowState = 'ready';
        return undefined;
      }
      this.errorMessage = msg('The file could not be read. Try again, or save it as CSV and upload that.');
      this.flowState = 'ready';
      this.dispatchEvent(new BulkUploadErrorEvent({ message: this.errorMessage, cause: error }));
      return undefined;
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /** Stops reading and validating, and returns to the start. */
  cancel(): void {
    this.#abort?.abort();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  #downloadTemplate(): void {
    const blob = new Blob([templateCsv({ brand: this.brand, ...(this.profile ? { profile: this.profile } : {}) })], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'bulk-enroll-template.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
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

  #startOver(): void {
    this.report = undefined;
    this.flowState = 'ready';
  }

  protected override render() {
    return html`<section part="base" aria-labelledby="title">
      ${this.flowState === 'validating' ? this.#renderValidating() : this.report ? this.#renderReview(this.report) : this.#renderReady()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement()}</p>
    </section>`;
  }

  #announcement(): string {
    if (this.flowState === 'validating') return msg(str`Checking ${this.fileName}…`);
    if (this.flowState === 'review' && this.report) {
      const { valid, invalid } = this.report.summary;
      return msg(str`${valid} users ready to invite, ${invalid} rows with problems.`);
    }
    return this.errorMessage;
  }

  #renderReady() {
    return html`<h2 id="title">${msg('Add users in bulk')}</h2>
      <ol part="instructions">
        <li>${msg('Download the template and fill in one user per row.')}</li>
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
      ${this.errorMessage ? html`<p role="alert">${this.errorMessage}</p>` : nothing}`;
  }

  #renderValidating() {
    return html`<h2 id="title">${msg(str`Checking ${this.fileName}`)}</h2>
      <progress part="progress" aria-label=${msg('Rows checked')}></progress>
      <p class="muted">${msg(str`${this.rowsDone} rows checked`)}</p>
      <div class="actions"><button @click=${this.cancel}>${msg('Cancel')}</button></div>`;
  }

  #renderReview(report: ValidationReport) {
    const { summary } = report;
    return html`<h2 id="title">${msg(str`Review ${this.fileName}`)}</h2>
      <p part="summary">
        ${msg(str`${summary.valid} of ${summary.rows} users are ready to invite; ${summary.invalid} rows have problems.`)}
        <span class="muted">${msg(str`Read as ${report.file.encoding}, separated by “${report.file.delimiter === '\t' ? 'Tab' : report.file.delimiter}”.`)}</span>
      </p>
      ${report.fileIssues.length
        ? html`<ul class="problems" role="alert">
            ${report.fileIssues.map((issue) => html`<li>${issue.message}</li>`)}
          </ul>`
        : nothing}
      ${report.rows.length ? html`<row-error-table part="errors" .report=${report}></row-error-table>` : nothing}
      <div class="actions"><button @click=${this.#startOver}>${msg('Upload another file')}</button></div>`;
  }
}
