/**
 * The validation worker: holds papaparse, libphonenumber-js and zod so that the page loads none
 * of them until the admin picks a file. One script, two roles (see protocol.ts): the primary reads
 * the file, shares out the rows and runs the cross-row checks; helpers validate the share they get.
 */
import { createRowValidator, crossRowPatch, readCsv, validateRow } from '../core/index.js';
import type { ColumnMapping, CsvRow, RowReport } from '../core/index.js';
import type { PeerMessage, WorkerRequest, WorkerResponse, WorkerValidateOptions } from './protocol.js';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** Rows are posted to the page at least this often, and in chunks of at most CHUNK_ROWS. */
const POST_EVERY_MS = 40;
const CHUNK_ROWS = 2048;
/** Below this many rows the primary validates alone: sharing out would cost more than it saves. */
const SHARE_FROM_ROWS = 4000;

const aborted = new Set<number>();
let helpers: MessagePort[] = [];

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const fail = (id: number, error: unknown): WorkerResponse => {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { id, type: 'error', name, message };
};

class Aborted extends Error {}

/**
 * Validates `rows` (indexes `start…` of the run), posting the reports to the page in chunks and
 * returning the rows' login keys. Yields between chunks so that an abort can arrive.
 */
async function validateShare(
  id: number,
  start: number,
  rows: readonly CsvRow[],
  columns: ColumnMapping,
  options: WorkerValidateOptions,
): Promise<Array<string | undefined>> {
  const validator = createRowValidator(options, columns);
  const keys = new Array<string | undefined>(rows.length);
  let chunk: RowReport[] = [];
  let chunkStart = 0;
  let last = performance.now();
  for (let i = 0; i < rows.length; i++) {
    const report = validator.validateCells(rows[i]!);
    keys[i] = report.loginKey;
    chunk.push(report);
    if (chunk.length >= CHUNK_ROWS || i === rows.length - 1 || performance.now() - last >= POST_EVERY_MS) {
      scope.postMessage({ id, type: 'rows', start: start + chunkStart, reports: chunk });
      chunk = [];
      chunkStart = i + 1;
      if (i < rows.length - 1) {
        await yieldToEvents();
        if (aborted.has(id)) throw new Aborted();
        last = performance.now();
      }
    }
  }
  return keys;
}

/** Primary: read, share out, validate its own share, gather the keys, post the cross-row patch. */
async function validate(id: number, input: WorkerRequest & { type: 'validate' }): Promise<void> {
  const { options } = input;
  const read = await readCsv(input.input, options);
  if (aborted.has(id)) throw new Aborted();
  const bytesTotal = read.file.bytes;
  if (read.columns === null || read.rows.length === 0) {
    scope.postMessage({ id, type: 'progress', progress: { rowsDone: 0, bytesDone: bytesTotal, bytesTotal } });
    scope.postMessage({
      id,
      type: 'report',
      report: {
        ok: false,
        file: read.file,
        fileIssues: read.fileIssues,
        rows: [],
        summary: { rows: 0, valid: 0, invalid: 0, withWarnings: 0, blankSkipped: read.blankSkipped },
      },
    });
    return;
  }
  const { rows, columns } = read;
  const n = rows.length;
  scope.postMessage({ id, type: 'begin', file: read.file, fileIssues: read.fileIssues, blankSkipped: read.blankSkipped, total: n });

  const peers = n >= SHARE_FROM_ROWS ? helpers : [];
  const shareSize = Math.ceil(n / (peers.length + 1));
  const keys = new Array<string | undefined>(n);
  const gathered = peers.map(
    (port, p) =>
      new Promise<void>((resolve, reject) => {
        const start = (p + 1) * shareSize;
        const onMessage = (event: MessageEvent<PeerMessage>) => {
          const message = event.data;
          if (message.id !== id) return;
          port.removeEventListener('message', onMessage);
          if (message.type === 'keys') {
            for (let i = 0; i < message.keys.length; i++) keys[message.start + i] = message.keys[i];
            resolve();
          } else if (message.type === 'error') {
            reject(Object.assign(new Error(message.message), { name: message.name }));
          }
        };
        port.addEventListener('message', onMessage);
        const end = Math.min(n, start + shareSize);
        // In slices, so that the helper starts before the whole share is copied.
        for (let from = start; from < end || from === start; from += 16384) {
          const to = Math.min(end, from + 16384);
          port.postMessage({ id, type: 'share', start: from, rows: rows.slice(from, to), last: to >= end, columns, options } satisfies PeerMessage);
          if (to >= end) break;
        }
      }),
  );
  const own = await validateShare(id, 0, rows.slice(0, shareSize), columns, options);
  for (let i = 0; i < own.length; i++) keys[i] = own[i];
  await Promise.all(gathered);
  if (aborted.has(id)) throw new Aborted();
  const patch = crossRowPatch(
    keys,
    rows.map((row) => row.row),
    options,
  );
  scope.postMessage({ id, type: 'done', patch });
}

/** Helper: validate the slices of a share as they arrive; send the keys back when the share is done. */
function serveAsHelper(primary: MessagePort): void {
  const pending = new Map<number, { start: number; keys: Array<string | undefined>; queue: Promise<void> }>();
  primary.addEventListener('message', (event: MessageEvent<PeerMessage>) => {
    const message = event.data;
    if (message.type !== 'share') return;
    const { id } = message;
    let share = pending.get(id);
    if (!share) {
      share = { start: message.start, keys: [], queue: Promise.resolve() };
      pending.set(id, share);
    }
    const current = share;
    current.queue = current.queue
      .then(async () => {
        if (aborted.has(id)) throw new Aborted();
        const keys = await validateShare(id, message.start, message.rows, message.columns, message.options);
        for (const key of keys) current.keys.push(key);
        if (message.last) {
          pending.delete(id);
          primary.postMessage({ id, type: 'keys', start: current.start, keys: current.keys } satisfies PeerMessage);
        }
      })
      .catch((error: unknown) => {
        pending.delete(id);
        if (!(error instanceof Aborted)) {
          const { name, message: text } = error instanceof Error ? error : new Error(String(error));
          primary.postMessage({ id, type: 'error', name, message: text } satisfies PeerMessage);
        }
      });
  });
  primary.start();
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  switch (request.type) {
    case 'init':
      if (request.role === 'primary') {
        helpers = request.helpers;
        for (const port of helpers) port.start();
      } else {
        serveAsHelper(request.primary);
      }
      return;
    case 'abort':
      aborted.add(request.id);
      return;
    case 'validate-row':
      try {
        scope.postMessage({ id: request.id, type: 'row', row: validateRow(request.values, request.options) });
      } catch (error) {
        scope.postMessage(fail(request.id, error));
      }
      return;
    case 'validate':
      validate(request.id, request)
        .catch((error: unknown) => {
          if (!(error instanceof Aborted)) scope.postMessage(fail(request.id, error));
        })
        .finally(() => aborted.delete(request.id));
      return;
  }
});
