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

/** What went wrong talking to the backend, so that the UI can say the right thing. */
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
export type AdapterErrorKind = (typeof adapterErrorKinds)[number];

/** A typed adapter failure. `status` is the HTTP status when there was one. */
export class AdapterError extends Error {
  readonly kind: AdapterErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;

  constructor(kind: AdapterErrorKind, message: string, options: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AdapterError';
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
  }

  /** Whether sending the same request again may succeed (network, time-out, 5xx, 429). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.status === 429;
  }
}
