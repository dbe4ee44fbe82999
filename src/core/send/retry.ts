/**
 * Retry policy of the sender: exponential back-off with jitter, `Retry-After`, and an abortable sleep.
 * @module
 */

/** The back-off of {@link retryDelay}. */
export interface BackoffOptions {
  /** The first retry waits between `baseMs / 2` and `baseMs`. Default 500. */
  baseMs?: number;
  /** The cap of the exponential part. Default 30 000. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** The most a server's `Retry-After` may make the client wait. Default 120 000. */
  maxRetryAfterMs?: number;
}

/** A sleep that rejects with the signal's reason when aborted. Injected in tests so that no real time passes. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The default {@link Sleep}: `setTimeout`, cut short by the signal. */
export const sleep: Sleep = (ms, signal) => {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
};

/**
 * The wait before retry number `attempt + 1` (attempt 0 is the first retry): exponential back-off with
 * "equal jitter", so that the wait grows for sure while clients that failed together spread out:
 * `cap = min(maxMs, baseMs · factor^attempt)`, wait = `cap/2 + random · cap/2`. When the server asked for a
 * wait (`Retry-After`), the client waits at least that long (capped at `maxRetryAfterMs`).
 */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const factor = options.factor ?? 2;
  const cap = Math.min(max, base * factor ** Math.max(0, attempt));
  const jittered = cap / 2 + random() * (cap / 2);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(options.maxRetryAfterMs ?? 120_000, Math.max(retryAfterMs, jittered));
}

/**
 * Reads an HTTP `Retry-After` value (RFC 9110 §10.2.3): delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). Returns milliseconds from `now`, never negative, or `undefined`
 * when the value is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
