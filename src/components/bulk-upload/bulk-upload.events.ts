import type { SendReport } from '../../core/send/send-invitations.js';
import type { RowReport, ValidationReport } from '../../core/types.js';

/** Fired when a file has been read and validated. Bubbles. */
export class BulkUploadValidatedEvent extends Event {
  static readonly eventName = 'bulk-upload-validated';
  readonly detail: { report: ValidationReport; fileName: string };
  constructor(detail: BulkUploadValidatedEvent['detail']) {
    super(BulkUploadValidatedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The admin asked to send. Cancelable: `preventDefault()` stops the element from sending (e.g. to send yourself). Bubbles. */
export class BulkUploadSubmitEvent extends Event {
  static readonly eventName = 'bulk-upload-submit';
  readonly detail: { rows: RowReport[]; report: ValidationReport };
  constructor(detail: BulkUploadSubmitEvent['detail']) {
    super(BulkUploadSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** Progress while reading and validating, or while sending. Does not bubble. */
export class BulkUploadProgressEvent extends Event {
  static readonly eventName = 'bulk-upload-progress';
  readonly detail: { phase: 'validating' | 'sending'; done: number; total: number };
  constructor(detail: BulkUploadProgressEvent['detail']) {
    super(BulkUploadProgressEvent.eventName, { bubbles: false });
    this.detail = detail;
  }
}

/** Sending ended (finished or cancelled): every row sent is invited, rejected or unconfirmed. Bubbles. */
export class BulkUploadSubmittedEvent extends Event {
  static readonly eventName = 'bulk-upload-submitted';
  readonly detail: { sendReport: SendReport; report: ValidationReport };
  constructor(detail: BulkUploadSubmittedEvent['detail']) {
    super(BulkUploadSubmittedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Something failed that the admin is told about (a file that cannot be read, no backend configured). Bubbles. */
export class BulkUploadErrorEvent extends Event {
  static readonly eventName = 'bulk-upload-error';
  readonly detail: { message: string; cause?: unknown };
  constructor(detail: BulkUploadErrorEvent['detail']) {
    super(BulkUploadErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'bulk-upload-validated': BulkUploadValidatedEvent;
    'bulk-upload-submit': BulkUploadSubmitEvent;
    'bulk-upload-progress': BulkUploadProgressEvent;
    'bulk-upload-submitted': BulkUploadSubmittedEvent;
    'bulk-upload-error': BulkUploadErrorEvent;
  }
}
