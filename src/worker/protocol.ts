import type { ValidateOptions, ValidationReport, RowReport } from '../core/types.js';

/** The options that cross into the worker: everything but the callbacks and the signal. */
export type WorkerValidateOptions = Omit<ValidateOptions, 'signal' | 'onProgress' | 'existingLoginIds' | 'messages'> & {
  existingLoginIds?: string[];
};

export type WorkerRequest =
  | { id: number; type: 'validate'; input: string | Blob | ArrayBuffer | Uint8Array; options: WorkerValidateOptions }
  | { id: number; type: 'validate-row'; values: Record<string, string>; options: WorkerValidateOptions }
  | { id: number; type: 'abort' };

export type WorkerResponse =
  | { id: number; type: 'progress'; progress: { rowsDone: number; bytesDone: number; bytesTotal: number } }
  | { id: number; type: 'report'; report: ValidationReport }
  | { id: number; type: 'row'; row: RowReport }
  | { id: number; type: 'error'; name: string; message: string };
