import type { ValidationReport } from '../../core/types.js';

/** Fired when a file has been read and validated. Bubbles. */
export class BulkUploadValidatedEvent extends Event {
  static readonly eventName = 'bulk-upload-validated';
  readonly detail: { report: ValidationReport; fileName: string };
  constructor(detail: BulkUploadValidatedEvent['detail']) {
    super(BulkUploadValidatedEvent.eventName, { bubbles: true });
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

/** Something failed that the admin is told about (a file that cannot be read, a worker that cannot start). Bubbles. */
export class BulkUploadErrorEvent extends Event {
  static readonly eventName = 'bulk-upload-error';
  readonly detail: { message: string; cause?: unknown };
  constructor(detail: BulkUploadErrorEvent['detail']) {
    super(BulkUploadErrorEvent.eventName, { bubbles: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'bulk-upload-validated': BulkUploadValidatedEvent;
    'bulk-upload-progress': BulkUploadProgressEvent;
    'bulk-upload-error': BulkUploadErrorEvent;
  }
}
