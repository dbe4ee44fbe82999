/**
 * The REST adapter: speaks the REST contract of CONTRACT §5 (see docs/backend.md) over `fetch`.
 * @module
 */
import type { AcceptResult, EnrollmentAdapter, Invitation, InviteOutcome, InviteRequest } from './adapter.js';
import { AdapterError, type AdapterErrorKind } from './adapter.js';
import { parseRetryAfter } from '../send/retry.js';

/** Request headers: a plain object, or a (possibly async) function called before every request, e.g. to refresh a token. */
export type RestHeaders = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** Options of {@link createRestAdapter}. */
export interface RestAdapterOptions {
  /** The base URL of the backend, e.g. `https://portal.example/api/enroll`; routes are appended (`/invitations/batch`, …). */
  endpoint: string;
  /** Extra headers (e.g. `Authorization`), or a function giving them per request so that the host can refresh a token. */
  headers?: RestHeaders;
  /** `fetch`'s `credentials` (`include` to send the portal's cookies to another origin). Default: `fetch`'s own, `same-origin`. */
  credentials?: RequestCredentials;
  /** A `fetch` to use instead of the global one (an instrumented or polyfilled one). */
  fetch?: typeof fetch;
  /** How long one request may take, answer body included, before it fails with kind `timeout`. Default 30 000 ms. */
  timeoutMs?: number;
}

/** The REST adapter: an {@link EnrollmentAdapter} whose login-ID look-up is always present (it finds nothing on a 404). */
export interface RestAdapter extends EnrollmentAdapter {
  /** The endpoint, without a trailing slash. */
  readonly endpoint: string;
  /** `POST {endpoint}/login-ids/lookup`; a backend answering 404 does not offer look-ups: the answer is then `[]`. */
  findExistingLoginIds(loginIds: string[], ctx: { signal: AbortSignal }): Promise<string[]>;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

const INVITE_STATUSES = ['invited', 'rejected'] as const;
const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;
const optionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

const DEFAULT_MESSAGES: Partial<Record<AdapterErrorKind, string>> = {
  not_found: 'This invitation link is not valid.',
  expired: 'This invitation has expired.',
  conflict: 'This invitation was already accepted.',
  weak_password: 'Choose a stronger password.',
  rejected: 'The server refused the request.',
  server: 'The server could not process the request. Try again later.',
  timeout: 'The server did not answer in time.',
};

/** The typed error for an HTTP error answer (CONTRACT §5). */
function errorFor(answer: Answer): AdapterError {
  const { status } = answer;
  const body = isObject(answer.body) ? answer.body : {};
  const code = typeof body['code'] === 'string' ? body['code'] : undefined;
  let kind: AdapterErrorKind;
  if (status === 404) kind = 'not_found';
  else if (status === 408) kind = 'timeout';
  else if (status === 409) kind = 'conflict';
  else if (status === 410) kind = 'expired';
  else if (status === 422 && code === 'password.weak') kind = 'weak_password';
  else if (status === 429 || status >= 500) kind = 'server';
  else kind = 'rejected';
  const message = typeof body['message'] === 'string' && body['message'] ? body['message'] : (DEFAULT_MESSAGES[kind] ?? `HTTP ${status}`);
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(answer.headers.get('retry-after')) : undefined;
  return new AdapterError(kind, message, {
    status,
    ...(code ? { code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

const unreadable = (status: number, what: string) =>
  new AdapterError('server', `The server's answer could not be read (${what}).`, { status, code: 'response.invalid' });

function readOutcomes(answer: Answer): InviteOutcome[] {
  const results = isObject(answer.body) ? answer.body['results'] : undefined;
  if (!Array.isArray(results)) throw unreadable(answer.status, 'no results');
  return results.map((item: unknown) => {
    if (
      !isObject(item) ||
      typeof item['clientRowId'] !== 'string' ||
      !INVITE_STATUSES.includes(item['status'] as (typeof INVITE_STATUSES)[number]) ||
      !optionalString(item['code']) ||
      !optionalString(item['message']) ||
      !optionalString(item['column'])
    )
      throw unreadable(answer.status, 'a result is malformed');
    const { clientRowId, status, code, message, column } = item as unknown as InviteOutcome;
    return { clientRowId, status, ...(code ? { code } : {}), ...(message ? { message } : {}), ...(column ? { column } : {}) };
  });
}

function readInvitation(answer: Answer): Invitation {
  const body = answer.body;
  if (
    !isObject(body) ||
    (body['loginType'] !== 'phone' && body['loginType'] !== 'email') ||
    typeof body['loginId'] !== 'string' ||
    typeof body['name'] !== 'string' ||
    !INVITATION_STATUSES.includes(body['status'] as (typeof INVITATION_STATUSES)[number]) ||
    !optionalString(body['expiresAt'])
  )
    throw unreadable(answer.status, 'not an invitation');
  const { loginType, loginId, name, status, expiresAt } = body as unknown as Invitation;
  return { loginType, loginId, name, status, ...(expiresAt ? { expiresAt } : {}) };
}

/**
 * Creates the adapter that speaks the REST contract (CONTRACT §5, docs/backend.md):
 *
 * - `inviteUsers` → `POST {endpoint}/invitations/batch` with `Idempotency-Key` and `{ invitations }`;
 * - `findExistingLoginIds` → `POST {endpoint}/login-ids/lookup` (a 404 means "not offered": `[]`);
 * - `getInvitation` → `GET {endpoint}/invitations/{token}`;
 * - `acceptInvitation` → `POST {endpoint}/invitations/{token}/accept` with `{ password }`.
 *
 * Failures are {@link AdapterError}s: `network` (no answer), `timeout` (over `timeoutMs`, or 408), `server`
 * (5xx, 429 with `retryAfterMs`, unreadable answer), `not_found` (404), `conflict` (409), `expired` (410),
 * `weak_password` (422 `password.weak`) and `rejected` (any other 4xx). When the caller's signal aborts,
 * the promise rejects with the signal's reason, not an `AdapterError`. The adapter never retries by
 * itself: {@link sendInvitations} does, with back-off.
 */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal, extra: Record<string, string> = {}): Promise<Answer> {
    signal.throwIfAborted();
    const custom = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    signal.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new AdapterError('timeout', DEFAULT_MESSAGES.timeout!));
    }, timeoutMs);
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const fetchImpl = options.fetch ?? fetch;
      const response = await fetchImpl(`${endpoint}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...custom, ...extra },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        signal: controller.signal,
      });
      const text = await response.text();
      let parsed: unknown = undefined;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          if (response.ok) throw unreadable(response.status, 'not JSON');
        }
      }
      return { status: response.status, body: parsed, headers: response.headers };
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (timedOut) throw new AdapterError('timeout', DEFAULT_MESSAGES.timeout!, { cause: error });
      if (error instanceof AdapterError) throw error;
      throw new AdapterError('network', 'The server could not be reached. Check the connection and try again.', { cause: error });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  const tokenPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

  return {
    endpoint,
    async inviteUsers(batch: InviteRequest[], { signal, idempotencyKey }): Promise<InviteOutcome[]> {
      const answer = await request('POST', '/invitations/batch', { invitations: batch }, signal, { 'idempotency-key': idempotencyKey });
      if (!ok(answer)) throw errorFor(answer);
      return readOutcomes(answer);
    },
    async findExistingLoginIds(loginIds: string[], { signal }): Promise<string[]> {
      const answer = await request('POST', '/login-ids/lookup', { loginIds }, signal);
      if (answer.status === 404) return [];
      if (!ok(answer)) throw errorFor(answer);
      const existing = isObject(answer.body) ? answer.body['existing'] : undefined;
      if (!Array.isArray(existing) || !existing.every((id) => typeof id === 'string')) throw unreadable(answer.status, 'no existing list');
      return existing as string[];
    },
    async getInvitation(token: string, { signal }): Promise<Invitation> {
      const answer = await request('GET', tokenPath(token), undefined, signal);
      if (!ok(answer)) throw errorFor(answer);
      return readInvitation(answer);
    },
    async acceptInvitation(token: string, password: string, { signal }): Promise<AcceptResult> {
      const answer = await request('POST', `${tokenPath(token)}/accept`, { password }, signal);
      if (!ok(answer)) throw errorFor(answer);
      const body = answer.body;
      if (!isObject(body) || body['status'] !== 'accepted' || !optionalString(body['redirectUrl'])) throw unreadable(answer.status, 'not an acceptance');
      return { status: 'accepted', ...(body['redirectUrl'] ? { redirectUrl: body['redirectUrl'] as string } : {}) };
    },
  };
}
