/**
 * `sendInvitations`: sends the valid users to the backend in batches, with bounded concurrency, retries
 * with back-off, idempotency and cancellation, and accounts for every row (CONTRACT §5).
 * @module
 */
import { AdapterError, type EnrollmentAdapter, type InviteOutcome, type InviteRequest } from '../adapter/adapter.js';
import type { RowReport } from '../types.js';
import { batchIdempotencyKey, chunk, toSendItems, type SendItem } from './batch.js';
import { retryDelay, sleep as defaultSleep, type BackoffOptions, type Sleep } from './retry.js';

/** The codes of an `unconfirmed` outcome: why no definite answer came. */
export const UNCONFIRMED_CODES = ['send.network', 'send.timeout', 'send.server', 'send.rate_limited', 'send.failed', 'send.cancelled'] as const;
/** One of {@link UNCONFIRMED_CODES}. */
export type UnconfirmedCode = (typeof UNCONFIRMED_CODES)[number];

/** A row whose batch never got a definite answer: it may or may not have been invited; sending it again is safe. */
export interface UnconfirmedOutcome {
  clientRowId: string;
  status: 'unconfirmed';
  /** Why: network, time-out, server errors until retries ran out, or cancelled. */
  code: UnconfirmedCode;
  /** Plain-language English. */
  message: string;
}

/** The final state of one row: `invited`, `rejected` (with the backend's reason) or `unconfirmed`. */
export type SendOutcome = (InviteOutcome | UnconfirmedOutcome) & {
  /** The spreadsheet row, when the input was `RowReport[]`. */
  row?: number;
};

/** Progress of {@link sendInvitations}, reported after every batch settles. `sent` counts rows with a final outcome. */
export interface SendProgress {
  sent: number;
  invited: number;
  rejected: number;
  unconfirmed: number;
  total: number;
}

/** The result of {@link sendInvitations}. `summary.invited + rejected + unconfirmed` always equals `outcomes.length`. */
export interface SendReport {
  /** One per row sent, in input order. */
  outcomes: SendOutcome[];
  summary: { invited: number; rejected: number; unconfirmed: number };
  /** What it took: batches, requests made (first tries and retries), retries, look-up requests, wall time. */
  stats: { batches: number; requests: number; retries: number; lookups: number; elapsedMs: number };
}

/** Options of {@link sendInvitations}. */
export interface SendOptions {
  /** Users per request. Default 100. */
  batchSize?: number;
  /** Batches in flight at once. Default 2. */
  concurrency?: number;
  /** Retries per batch for retryable failures (network, time-out, 5xx, 429). Default 5. */
  retries?: number;
  /** Cancels: requests in flight are aborted and every row not yet answered ends `unconfirmed` (`send.cancelled`). */
  signal?: AbortSignal;
  /** Called once at the start and after every batch (and the look-up) settles. */
  onProgress?: (progress: SendProgress) => void;
  /** Before sending, ask the adapter's `findExistingLoginIds` and reject those users with `login_id.exists`. Default false. */
  checkExisting?: boolean;
  /** The back-off between retries. */
  backoff?: BackoffOptions;
  /** The sleep used for back-off (tests inject one so that no real time passes). */
  sleep?: Sleep;
  /** Random source for jitter. Default `Math.random`. */
  random?: () => number;
}

const MESSAGES: Record<UnconfirmedCode, string> = {
  'send.network': 'The server could not be reached, so it is not known whether this user was invited. Sending again is safe.',
  'send.timeout': 'The server did not answer in time, so it is not known whether this user was invited. Sending again is safe.',
  'send.server': 'The server kept failing, so it is not known whether this user was invited. Sending again is safe.',
  'send.rate_limited': 'The server asked to slow down and retries ran out. Sending again later is safe.',
  'send.failed': 'Sending failed, so it is not known whether this user was invited. Sending again is safe.',
  'send.cancelled': 'Sending was cancelled before the server confirmed this user. Sending again is safe.',
};

function unconfirmedCode(error: unknown): UnconfirmedCode {
  if (!(error instanceof AdapterError)) return 'send.failed';
  if (error.status === 429) return 'send.rate_limited';
  if (error.kind === 'network') return 'send.network';
  if (error.kind === 'timeout') return 'send.timeout';
  if (error.kind === 'server') return 'send.server';
  return 'send.failed';
}

/** Unknown errors (a custom adapter's own) may have happened after the backend acted: they are treated as retryable. */
const isRetryable = (error: unknown) => !(error instanceof AdapterError) || error.retryable;

/**
 * Sends users to the backend and accounts for every one of them.
 *
 * Given `RowReport[]`, only rows with a `record` are sent (rows with errors are held back and are not in
 * the report); each gets a `clientRowId` derived from the user ({@link clientRowIdFor}), the same across
 * retries and re-uploads. Given `InviteRequest[]`, they are sent as they are.
 *
 * Rows go in batches of `batchSize`, `concurrency` batches at a time. Each batch has one `Idempotency-Key`
 * ({@link batchIdempotencyKey}), kept across its retries. A retryable failure (network, time-out, 5xx, 429)
 * is retried up to `retries` times after an exponentially growing, jittered wait (at least `Retry-After`
 * when the server sent one). Any other 4xx is the backend's definite refusal of the whole batch: its rows
 * end `rejected` with the backend's code (or `batch.<kind>`) and message, without retry. A batch whose
 * answer omits some rows is settled for the rows answered and retried for the others.
 *
 * Every row ends `invited`, `rejected` or `unconfirmed` (no definite answer: retries spent, or cancelled):
 * the promise resolves with the report even when cancelled, and rejects only for invalid arguments.
 */
export async function sendInvitations(
  rows: ReadonlyArray<RowReport | InviteRequest>,
  adapter: EnrollmentAdapter,
  options: SendOptions = {},
): Promise<SendReport> {
  const started = Date.now();
  const signal = options.signal ?? new AbortController().signal;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const retries = Math.max(0, Math.floor(options.retries ?? 5));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 100));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const items: SendItem[] = toSendItems(rows);
  const outcomes: Array<SendOutcome | undefined> = new Array(items.length);
  const counts = { invited: 0, rejected: 0, unconfirmed: 0 };
  const stats = { batches: 0, requests: 0, retries: 0, lookups: 0, elapsedMs: 0 };

  const settle = (index: number, outcome: InviteOutcome | UnconfirmedOutcome) => {
    if (outcomes[index]) return;
    const row = items[index]?.row;
    outcomes[index] = row === undefined ? outcome : { ...outcome, row };
    counts[outcome.status]++;
  };
  const progress = () =>
    options.onProgress?.({ sent: counts.invited + counts.rejected + counts.unconfirmed, ...counts, total: items.length });
  const unconfirmed = (index: number, code: UnconfirmedCode) =>
    settle(index, { clientRowId: items[index]!.request.clientRowId, status: 'unconfirmed', code, message: MESSAGES[code] });

  /** Runs `call` with retries; returns its value, or the last error when retries ran out or it was not retryable. */
  async function withRetries<T>(call: () => Promise<T>, count: (first: boolean) => void): Promise<{ value: T } | { error: unknown }> {
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) return { error: signal.reason };
      count(attempt === 0);
      try {
        return { value: await call() };
      } catch (error) {
        if (signal.aborted || !isRetryable(error) || attempt >= retries) return { error };
        const retryAfter = error instanceof AdapterError ? error.retryAfterMs : undefined;
        try {
          await sleep(retryDelay(attempt, retryAfter, options.backoff, random), signal);
        } catch {
          return { error: signal.reason };
        }
      }
    }
  }

  progress();

  // 1. Optionally, the look-up: users who already have accounts are rejected before sending.
  if (options.checkExisting && adapter.findExistingLoginIds && items.length) {
    const find = adapter.findExistingLoginIds.bind(adapter);
    const byId = new Map<string, number[]>();
    for (const [index, item] of items.entries()) {
      const key = item.request.loginId.includes('@') ? item.request.loginId.toLowerCase() : item.request.loginId;
      byId.set(key, [...(byId.get(key) ?? []), index]);
    }
    for (const ids of chunk([...byId.keys()], 1000)) {
      const result = await withRetries(
        () => find(ids, { signal }),
        () => stats.lookups++,
      );
      // A look-up that keeps failing is skipped: the backend refuses existing login IDs on invite anyway.
      if (!('value' in result)) continue;
      for (const found of result.value) {
        const key = found.includes('@') ? found.toLowerCase() : found;
        for (const index of byId.get(key) ?? []) {
          const request = items[index]!.request;
          settle(index, {
            clientRowId: request.clientRowId,
            status: 'rejected',
            code: 'login_id.exists',
            message: 'This login ID already has an account.',
            column: request.loginType,
          });
        }
      }
    }
    progress();
  }

  // 2. The batches, `concurrency` at a time.
  const queue = chunk(
    items.map((_, index) => index).filter((index) => !outcomes[index]),
    batchSize,
  );
  stats.batches = queue.length;

  async function sendBatch(indices: number[]): Promise<void> {
    let pending = indices;
    let first = true;
    while (pending.length) {
      const batch = pending.map((index) => items[index]!.request);
      const idempotencyKey = batchIdempotencyKey(batch);
      const result = await withRetries(
        () => adapter.inviteUsers(batch, { signal, idempotencyKey }),
        (isFirst) => {
          stats.requests++;
          if (!isFirst || !first) stats.retries++;
        },
      );
      first = false;
      if ('error' in result) {
        const { error } = result;
        if (signal.aborted) for (const index of pending) unconfirmed(index, 'send.cancelled');
        else if (error instanceof AdapterError && !error.retryable) {
          for (const index of pending) {
            settle(index, {
              clientRowId: items[index]!.request.clientRowId,
              status: 'rejected',
              code: error.code ?? `batch.${error.kind}`,
              message: error.message,
            });
          }
        } else for (const index of pending) unconfirmed(index, unconfirmedCode(error));
        return;
      }
      const answered = new Map<string, InviteOutcome>();
      for (const outcome of Array.isArray(result.value) ? result.value : []) {
        if (outcome && (outcome.status === 'invited' || outcome.status === 'rejected')) answered.set(outcome.clientRowId, outcome);
      }
      const rest: number[] = [];
      for (const index of pending) {
        const outcome = answered.get(items[index]!.request.clientRowId);
        if (outcome) settle(index, { ...outcome });
        else rest.push(index);
      }
      // Rows the answer left out go again as a smaller batch (a new body, hence a new key).
      if (rest.length === pending.length) {
        for (const index of rest) unconfirmed(index, 'send.server');
        return;
      }
      pending = rest;
    }
  }

  let next = 0;
  async function worker(): Promise<void> {
    while (next < queue.length) {
      const indices = queue[next++]!;
      if (signal.aborted) {
        for (const index of indices) unconfirmed(index, 'send.cancelled');
      } else {
        try {
          await sendBatch(indices);
        } catch (error) {
          // A bug in an adapter or a callback must not lose rows.
          for (const index of indices) unconfirmed(index, unconfirmedCode(error));
        }
      }
      progress();
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));

  // Nothing is ever dropped: anything left (it should not happen) is unconfirmed.
  for (let index = 0; index < items.length; index++) if (!outcomes[index]) unconfirmed(index, 'send.failed');
  stats.elapsedMs = Date.now() - started;
  return { outcomes: outcomes as SendOutcome[], summary: { ...counts }, stats };
}
