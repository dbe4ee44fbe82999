import type { RowReport, ValidateOptions, ValidationReport } from '../core/types.js';
import type { WorkerRequest, WorkerResponse, WorkerValidateOptions } from './protocol.js';

type Pending = {
  resolve: (value: never) => void;
  reject: (reason: unknown) => void;
  onProgress?: ValidateOptions['onProgress'];
};

function serializable(options: ValidateOptions): WorkerValidateOptions {
  const { signal: _signal, onProgress: _onProgress, existingLoginIds, messages: _messages, ...rest } = options;
  return { ...rest, ...(existingLoginIds ? { existingLoginIds: [...existingLoginIds] } : {}) };
}

/**
 * Runs validation in a module Web Worker that is started on first use and then reused.
 * The page itself never loads the validation libraries.
 */
export class ValidationClient {
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #createWorker: () => Worker;

  constructor(createWorker: () => Worker = () => new Worker(new URL('./validate.worker.js', import.meta.url), { type: 'module' })) {
    this.#createWorker = createWorker;
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(`The validation worker failed to start: ${event.message || 'unknown error'}`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      this.#worker = undefined;
    });
    this.#worker = worker;
    return worker;
  }

  #onMessage(message: WorkerResponse): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.#pending.delete(message.id);
    if (message.type === 'error') {
      pending.reject(Object.assign(new Error(message.message), { name: message.name }));
    } else {
      pending.resolve((message.type === 'report' ? message.report : message.row) as never);
    }
  }

  #send<T>(request: WorkerRequest, onProgress?: ValidateOptions['onProgress']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(request.id, { resolve: resolve as (value: never) => void, reject, ...(onProgress ? { onProgress } : {}) });
      this.#ensureWorker().postMessage(request);
    });
  }

  /** `validateCsv` in the worker. Aborting the signal stops the worker's run and rejects with the signal's reason. */
  validate(input: string | Blob | ArrayBuffer | Uint8Array, options: ValidateOptions = {}): Promise<ValidationReport> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.#nextId++;
    const result = this.#send<ValidationReport>({ id, type: 'validate', input, options: serializable(options) }, options.onProgress);
    if (!signal) return result;
    const onAbort = () => {
      this.#worker?.postMessage({ id, type: 'abort' } satisfies WorkerRequest);
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      pending?.reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return result.finally(() => signal.removeEventListener('abort', onAbort));
  }

  /** `validateRow` in the worker, for in-place fixes. */
  validateRow(values: Record<string, string>, options: ValidateOptions = {}): Promise<RowReport> {
    return this.#send<RowReport>({ id: this.#nextId++, type: 'validate-row', values, options: serializable(options) });
  }

  /** Stops the worker; the next call starts a new one. */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(new DOMException('The validation worker was stopped.', 'AbortError'));
    this.#pending.clear();
  }
}

let shared: ValidationClient | undefined;

/** The page's one validation worker client. */
export function sharedValidationClient(): ValidationClient {
  shared ??= new ValidationClient();
  return shared;
}
