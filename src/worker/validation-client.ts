import type { RowReport, ValidateOptions, ValidationReport } from '../core/types.js';
import { buildReport, countRow } from '../core/validate/report.js';
import { READ_SHARE } from './protocol.js';
import type { WorkerRequest, WorkerResponse, WorkerValidateOptions } from './protocol.js';
import { decodeRows } from './row-codec.js';

/** How many workers a pool gets by default: one per core, at least one, at most four. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(4, cores));
}

interface Run {
  resolve: (report: ValidationReport) => void;
  reject: (reason: unknown) => void;
  onProgress: ValidateOptions['onProgress'];
  /** The file's size, and how much of its reading the workers have told (0 to 1). */
  bytesTotal: number;
  read: number;
  begin?: Extract<WorkerResponse, { type: 'begin' }>;
  rows?: RowReport[];
  received: number;
  /** The summary's counts, kept as rows arrive. */
  valid: number;
  withWarnings: number;
  patch?: Extract<WorkerResponse, { type: 'done' }>['patch'];
}

/** Tells a run's progress in rows: they fill what reading left of `bytesTotal` (READ_SHARE). */
function rowsProgress(run: Run): void {
  const { total, file } = run.begin!;
  const bytesDone = Math.round(file.bytes * (READ_SHARE + ((1 - READ_SHARE) * run.received) / total));
  run.onProgress?.({ rowsDone: run.received, bytesDone, bytesTotal: file.bytes, rowsTotal: total });
}

function serializable(options: ValidateOptions): WorkerValidateOptions {
  const { signal: _signal, onProgress: _onProgress, existingLoginIds, messages: _messages, ...rest } = options;
  return { ...rest, ...(existingLoginIds ? { existingLoginIds: [...existingLoginIds] } : {}) };
}

const defaultWorker = () => new Worker(new URL('./validate.worker.js', import.meta.url), { type: 'module' });

/**
 * Runs validation off the main thread in a small pool of module Web Workers, started on first use
 * and then reused: one worker per core (at most four). The page itself never loads the validation
 * libraries, and receives the report in small chunks so that no message blocks it.
 */
export class ValidationClient {
  readonly #createWorker: () => Worker;
  readonly #size: number;
  #workers: Worker[] = [];
  #nextId = 1;
  readonly #runs = new Map<number, Run>();
  readonly #rows = new Map<number, { resolve: (row: RowReport) => void; reject: (reason: unknown) => void }>();

  /**
   * @param options.poolSize how many workers to run (default: one per core, at most four)
   * @param options.createWorker makes one worker (tests and bundlers may replace it)
   */
  constructor(options: { poolSize?: number; createWorker?: () => Worker } = {}) {
    this.#createWorker = options.createWorker ?? defaultWorker;
    this.#size = Math.max(1, Math.floor(options.poolSize ?? defaultPoolSize()));
  }

  /** How many workers validate in parallel. */
  get poolSize(): number {
    return this.#size;
  }

  #primary(): Worker {
    const existing = this.#workers[0];
    if (existing) return existing;
    const workers = Array.from({ length: this.#size }, () => this.#createWorker());
    const channels = workers.slice(1).map(() => new MessageChannel());
    workers[0]!.postMessage({ type: 'init', role: 'primary', helpers: channels.map((c) => c.port1) } satisfies WorkerRequest, channels.map((c) => c.port1));
    channels.forEach((channel, i) => {
      workers[i + 1]!.postMessage({ type: 'init', role: 'helper', primary: channel.port2 } satisfies WorkerRequest, [channel.port2]);
    });
    for (const worker of workers) {
      worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.#onMessage(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.#failAll(new Error(`The validation worker failed: ${event.message || 'it could not start'}`));
      });
    }
    this.#workers = workers;
    return workers[0]!;
  }

  #failAll(error: Error): void {
    for (const run of this.#runs.values()) run.reject(error);
    for (const row of this.#rows.values()) row.reject(error);
    this.#runs.clear();
    this.#rows.clear();
    for (const worker of this.#workers) worker.terminate();
    this.#workers = [];
  }

  #onMessage(message: WorkerResponse): void {
    if (message.type === 'row' || (message.type === 'error' && this.#rows.has(message.id))) {
      const pending = this.#rows.get(message.id);
      this.#rows.delete(message.id);
      if (message.type === 'row') pending?.resolve(message.row);
      else pending?.reject(Object.assign(new Error(message.message), { name: message.name }));
      return;
    }
    const run = this.#runs.get(message.id);
    if (!run) return;
    switch (message.type) {
      case 'progress':
        run.onProgress?.(message.progress);
        return;
      case 'read': {
        run.bytesTotal = message.bytesTotal ?? run.bytesTotal;
        run.read += message.share;
        const { bytesTotal } = run;
        if (!run.begin) run.onProgress?.({ rowsDone: 0, bytesDone: Math.round(bytesTotal * READ_SHARE * Math.min(1, run.read)), bytesTotal });
        return;
      }
      case 'begin':
        run.begin = message;
        run.rows = new Array<RowReport>(message.total);
        // The rows are counted: the page can say "0 of N rows" before the first ones come.
        rowsProgress(run);
        return;
      case 'rows': {
        const rows = run.rows!;
        const reports = decodeRows(message.encoded);
        for (let i = 0; i < reports.length; i++) {
          rows[message.start + i] = reports[i]!;
          countRow(run, reports[i]!);
        }
        run.received += reports.length;
        rowsProgress(run);
        break;
      }
      case 'done':
        run.patch = message.patch;
        break;
      case 'report':
        this.#runs.delete(message.id);
        run.resolve(message.report);
        return;
      case 'error':
        this.#runs.delete(message.id);
        run.reject(Object.assign(new Error(message.message), { name: message.name }));
        return;
    }
    // Rows and the patch come from different workers: finish when both are in.
    if (run.patch && run.begin && run.received === run.begin.total) {
      this.#runs.delete(message.id);
      const rows = run.rows!;
      for (const { index, issues } of run.patch) {
        const row = rows[index]!;
        countRow(run, row, -1);
        row.issues.push(...issues);
        delete row.record;
        countRow(run, row);
      }
      run.resolve(buildReport(run.begin.file, run.begin.fileIssues, rows, run.begin.blankSkipped, run));
    }
  }

  /**
   * `validateCsv` in the pool, with the same result. `onProgress` is called as rows arrive;
   * aborting the signal stops every worker's share and rejects with the signal's reason.
   * `messages` (functions) cannot cross into a worker: the report carries the default English
   * messages, and the elements localize by issue code.
   */
  validate(input: string | Blob | ArrayBuffer | Uint8Array, options: ValidateOptions = {}): Promise<ValidationReport> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.#nextId++;
    const primary = this.#primary();
    const result = new Promise<ValidationReport>((resolve, reject) => {
      this.#runs.set(id, { resolve, reject, onProgress: options.onProgress, bytesTotal: 0, read: 0, received: 0, valid: 0, withWarnings: 0 });
    });
    primary.postMessage({ id, type: 'validate', input, options: serializable(options) } satisfies WorkerRequest);
    if (!signal) return result;
    const onAbort = () => {
      for (const worker of this.#workers) worker.postMessage({ id, type: 'abort' } satisfies WorkerRequest);
      const run = this.#runs.get(id);
      this.#runs.delete(id);
      run?.reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return result.finally(() => signal.removeEventListener('abort', onAbort));
  }

  /** `validateRow` in the primary worker, for in-place fixes. */
  validateRow(values: Record<string, string>, options: ValidateOptions & { row?: number } = {}): Promise<RowReport> {
    const id = this.#nextId++;
    const primary = this.#primary();
    return new Promise<RowReport>((resolve, reject) => {
      this.#rows.set(id, { resolve, reject });
      primary.postMessage({ id, type: 'validate-row', values, options: serializable(options) } satisfies WorkerRequest);
    });
  }

  /** Stops the workers; the next call starts new ones. */
  terminate(): void {
    this.#failAll(new DOMException('The validation workers were stopped.', 'AbortError'));
  }
}

let shared: ValidationClient | undefined;

/** The page's one validation pool. */
export function sharedValidationClient(): ValidationClient {
  shared ??= new ValidationClient();
  return shared;
}
