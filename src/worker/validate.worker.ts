/// <reference lib="webworker" />
/**
 * The validation worker: holds papaparse, libphonenumber-js and zod so that the page loads none
 * of them until the admin picks a file. Started once per page and reused (see validation-client.ts).
 */
import { validateCsv, validateRow } from '../core/index.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};
const running = new Map<number, AbortController>();

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'abort') {
    running.get(request.id)?.abort();
    return;
  }
  if (request.type === 'validate-row') {
    try {
      scope.postMessage({ id: request.id, type: 'row', row: validateRow(request.values, request.options) });
    } catch (error) {
      scope.postMessage({ id: request.id, type: 'error', name: (error as Error).name, message: (error as Error).message });
    }
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  validateCsv(request.input, {
    ...request.options,
    signal: controller.signal,
    onProgress: (progress) => scope.postMessage({ id: request.id, type: 'progress', progress }),
  })
    .then((report) => scope.postMessage({ id: request.id, type: 'report', report }))
    .catch((error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      scope.postMessage({ id: request.id, type: 'error', name, message });
    })
    .finally(() => running.delete(request.id));
});
