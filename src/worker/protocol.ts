/**
 * Messages between the page, the primary validation worker and its helpers.
 *
 * The page starts a small pool: one primary worker and, on machines with more than one core,
 * helpers connected to it by MessagePorts. The primary reads, decodes and parses the file, keeps
 * a share of the rows and hands each helper a share; every worker posts its row reports straight
 * to the page in small chunks (so no single message blocks the page), and sends the rows' login
 * keys to the primary, which runs the cross-row checks (duplicates across all shares, existing
 * login IDs) and posts them to the page as a patch.
 */
import type { FileInfo, Issue, RowReport, ValidateOptions, ValidateProgress, ValidationReport } from '../core/types.js';
import type { ColumnMapping, CrossRowPatch, CsvRow } from '../core/validate/stages.js';

/** The options that cross into a worker: everything but the callbacks, the signal and the message functions. */
export type WorkerValidateOptions = Omit<ValidateOptions, 'signal' | 'onProgress' | 'existingLoginIds' | 'messages'> & {
  existingLoginIds?: string[];
};

/** Page → worker. */
export type WorkerRequest =
  | { type: 'init'; role: 'primary'; helpers: MessagePort[] }
  | { type: 'init'; role: 'helper'; primary: MessagePort }
  | { id: number; type: 'validate'; input: string | Blob | ArrayBuffer | Uint8Array; options: WorkerValidateOptions }
  | { id: number; type: 'validate-row'; values: Record<string, string>; options: WorkerValidateOptions & { row?: number } }
  | { id: number; type: 'abort' };

/** Worker → page. */
export type WorkerResponse =
  | { id: number; type: 'progress'; progress: ValidateProgress }
  | { id: number; type: 'begin'; file: FileInfo; fileIssues: Issue[]; blankSkipped: number; total: number }
  | { id: number; type: 'rows'; start: number; reports: RowReport[] }
  | { id: number; type: 'done'; patch: CrossRowPatch[] }
  | { id: number; type: 'report'; report: ValidationReport }
  | { id: number; type: 'row'; row: RowReport }
  | { id: number; type: 'error'; name: string; message: string };

/** Primary → helper, and back. */
export type PeerMessage =
  | { id: number; type: 'share'; start: number; rows: CsvRow[]; last: boolean; columns: ColumnMapping; options: WorkerValidateOptions }
  | { id: number; type: 'keys'; start: number; keys: Array<string | undefined> }
  | { id: number; type: 'error'; name: string; message: string };
