/** One user to invite, as sent to the backend (CONTRACT §5). */
export interface InviteRequest {
  /** Stable for a row across retries and re-uploads of the same user; the backend invites a given id at most once. */
  clientRowId: string;
  loginType: 'phone' | 'email';
  loginId: string;
  phone?: string;
  email: string;
  name: string;
}

/** The backend's definite answer for one user. */
export interface InviteOutcome {
  clientRowId: string;
  status: 'invited' | 'rejected';
  code?: string;
  message?: string;
  column?: string;
}

/** An invitation as the invitee's page sees it. */
export interface Invitation {
  loginType: 'phone' | 'email';
  loginId: string;
  name: string;
  status: 'pending' | 'accepted' | 'expired' | 'revoked';
  expiresAt?: string;
}

/** The answer to a successful acceptance. */
export interface AcceptResult {
  status: 'accepted';
  redirectUrl?: string;
}

/** The seam between the elements and any backend. Built in: the REST and in-memory adapters. */
export interface EnrollmentAdapter {
  inviteUsers(batch: InviteRequest[], ctx: { signal: AbortSignal; idempotencyKey: string }): Promise<InviteOutcome[]>;
  findExistingLoginIds?(loginIds: string[], ctx: { signal: AbortSignal }): Promise<string[]>;
  getInvitation(token: string, ctx: { signal: AbortSignal }): Promise<Invitation>;
  acceptInvitation(token: string, password: string, ctx: { signal: AbortSignal }): Promise<AcceptResult>;
}

/** What went wrong talking to the backend, so that the UI can say the right thing (see {@link AdapterError}). */
export const adapterErrorKinds = [
  'network',
  'timeout',
  'server',
  'rejected',
  'not_found',
  'expired',
  'conflict',
  'weak_password',
] as const;
/** One of {@link adapterErrorKinds}. */
export type AdapterErrorKind = (typeof adapterErrorKinds)[number];

/** Options of the {@link AdapterError} constructor. */
export interface AdapterErrorOptions {
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** The backend's stable error code (`password.weak`, `invitation.not_found`, …), when it gave one. */
  code?: string;
  /** How long the backend asked the client to wait before trying again (from `Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** The underlying error (e.g. the `TypeError` of a failed `fetch`). */
  cause?: unknown;
}

/**
 * A typed adapter failure, so that the UI can say the right thing and the sender knows whether to retry.
 *
 * | kind | when | retryable |
 * |---|---|---|
 * | `network` | no answer: connection refused or dropped, DNS, CORS | yes |
 * | `timeout` | no answer within the adapter's time-out (or HTTP 408) | yes |
 * | `server` | HTTP 5xx, HTTP 429 (with `retryAfterMs`), or an answer that could not be read | yes |
 * | `rejected` | any other HTTP 4xx: the request was refused as a whole | no |
 * | `not_found` | HTTP 404: unknown invitation token | no |
 * | `expired` | HTTP 410: the invitation expired or was revoked | no |
 * | `conflict` | HTTP 409: the invitation was already accepted | no |
 * | `weak_password` | HTTP 422 `password.weak` | no |
 */
export class AdapterError extends Error {
  /** What went wrong, in the terms the UI needs. */
  readonly kind: AdapterErrorKind;
  /** The HTTP status when there was an answer. */
  readonly status: number | undefined;
  /** The backend's error code from the `{ code, message }` body, when there was one. */
  readonly code: string | undefined;
  /** The wait the backend asked for before a retry (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: AdapterErrorKind, message: string, options: AdapterErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AdapterError';
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Whether sending the same request again may succeed (network, time-out, 5xx, 429). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.status === 429;
  }
}
