import type { AcceptResult, EnrollmentAdapter, Invitation, InviteOutcome, InviteRequest } from './adapter.js';
import { AdapterError } from './adapter.js';

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Milliseconds each call waits before answering (a number, or a `[min, max]` range). Default 0. */
  latency?: number | readonly [number, number];
  /** Share of `inviteUsers` calls, 0–1, that fail with a retryable server error. Default 0. */
  failureRate?: number;
  /** Login IDs the backend refuses (`login_id.exists`, as if they already had accounts). */
  rejectLoginIds?: Iterable<string>;
  /** Login IDs reported by `findExistingLoginIds`. Defaults to `rejectLoginIds`. */
  existingLoginIds?: Iterable<string>;
  /** How long an invitation stays valid, in milliseconds. Default 7 days. */
  invitationTtlMs?: number;
  /** The minimum password length the backend enforces. Default 8. */
  minPasswordLength?: number;
  /** Where the invitee goes after accepting. */
  redirectUrl?: string;
  /** A random source for latency and failures (tests pass a seeded one). Default `Math.random`. */
  random?: () => number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/** A message a real backend would send: the invitation by text message or email. */
export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  name: string;
  token: string;
  text: string;
}

/** An invitation stored by the memory adapter. */
export interface StoredInvitation extends Invitation {
  token: string;
  clientRowId: string;
  email: string;
  phone?: string;
  expiresAtMs: number;
}

/** The in-memory backend: an {@link EnrollmentAdapter} that also exposes what it received. */
export interface MemoryAdapter extends EnrollmentAdapter {
  /** Every batch received, in order, with its idempotency key. */
  readonly received: ReadonlyArray<{ idempotencyKey: string; batch: InviteRequest[] }>;
  /** The invitations created, by token. */
  readonly invitations: ReadonlyMap<string, StoredInvitation>;
  /** The text messages and emails a real backend would have sent. */
  readonly outbox: readonly OutboxMessage[];
  /** Notifications for the admin: one per accepted invitation. */
  readonly notifications: ReadonlyArray<{ loginId: string; name: string; acceptedAt: string }>;
  /** The token of the invitation for a login ID, if one was made. */
  tokenFor(loginId: string): string | undefined;
  /** Makes an invitation expire now (for demos and tests of the expired state). */
  expire(token: string): void;
}

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function makeToken(random: () => number): string {
  let token = '';
  for (let i = 0; i < 24; i++) token += 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)];
  return token;
}

const normalizeId = (id: string) => (id.includes('@') ? id.toLowerCase() : id);

/**
 * An in-memory backend for demos, stories and tests. It behaves like the REST contract:
 * one invitation per `clientRowId` however often it is sent, login IDs unique, and the
 * password rules of an acceptance enforced. It can add latency, fail, or reject login IDs.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const ttl = options.invitationTtlMs ?? 7 * 24 * 3600 * 1000;
  const minLength = options.minPasswordLength ?? 8;
  const rejected = new Set([...(options.rejectLoginIds ?? [])].map(normalizeId));
  const existing = new Set([...(options.existingLoginIds ?? rejected)].map(normalizeId));
  const received: Array<{ idempotencyKey: string; batch: InviteRequest[] }> = [];
  const invitations = new Map<string, StoredInvitation>();
  const byClientRowId = new Map<string, InviteOutcome>();
  const byLoginId = new Map<string, string>();
  const outbox: OutboxMessage[] = [];
  const notifications: Array<{ loginId: string; name: string; acceptedAt: string }> = [];

  const wait = (signal: AbortSignal) => {
    const latency = options.latency ?? 0;
    const ms = typeof latency === 'number' ? latency : latency[0] + random() * (latency[1] - latency[0]);
    return abortable(ms, signal);
  };

  const lookup = (token: string): StoredInvitation => {
    const invitation = invitations.get(token);
    if (!invitation) throw new AdapterError('not_found', 'This invitation link is not valid.', { status: 404 });
    if (invitation.status === 'pending' && invitation.expiresAtMs <= now()) invitation.status = 'expired';
    return invitation;
  };

  const invite = (request: InviteRequest): InviteOutcome => {
    const seen = byClientRowId.get(request.clientRowId);
    if (seen) return seen;
    const id = normalizeId(request.loginId);
    let outcome: InviteOutcome;
    if (rejected.has(id) || byLoginId.has(id)) {
      outcome = {
        clientRowId: request.clientRowId,
        status: 'rejected',
        code: 'login_id.exists',
        message: 'This login ID already has an account.',
        column: request.loginType,
      };
    } else {
      const token = makeToken(random);
      const expiresAtMs = now() + ttl;
      invitations.set(token, {
        token,
        clientRowId: request.clientRowId,
        loginType: request.loginType,
        loginId: request.loginId,
        name: request.name,
        email: request.email,
        ...(request.phone ? { phone: request.phone } : {}),
        status: 'pending',
        expiresAt: new Date(expiresAtMs).toISOString(),
        expiresAtMs,
      });
      byLoginId.set(id, token);
      outbox.push({
        channel: request.loginType === 'phone' ? 'sms' : 'email',
        to: request.loginType === 'phone' ? (request.phone ?? request.loginId) : request.email,
        name: request.name,
        token,
        text: `Hi ${request.name}, you have been invited. Open the link to set your password: ?token=${token}`,
      });
      outcome = { clientRowId: request.clientRowId, status: 'invited' };
    }
    byClientRowId.set(request.clientRowId, outcome);
    return outcome;
  };

  return {
    received,
    invitations,
    outbox,
    notifications,
    tokenFor: (loginId) => byLoginId.get(normalizeId(loginId)),
    expire(token) {
      const invitation = invitations.get(token);
      if (invitation) invitation.expiresAtMs = now() - 1;
    },
    async inviteUsers(batch, { signal, idempotencyKey }) {
      await wait(signal);
      received.push({ idempotencyKey, batch: batch.map((r) => ({ ...r })) });
      if (options.failureRate && random() < options.failureRate) {
        throw new AdapterError('server', 'The server could not process the batch.', { status: 503 });
      }
      return batch.map(invite);
    },
    async findExistingLoginIds(loginIds, { signal }) {
      await wait(signal);
      return loginIds.filter((id) => existing.has(normalizeId(id)) || byLoginId.has(normalizeId(id)));
    },
    async getInvitation(token, { signal }) {
      await wait(signal);
      const { loginType, loginId, name, status, expiresAt } = lookup(token);
      return { loginType, loginId, name, status, ...(expiresAt ? { expiresAt } : {}) };
    },
    async acceptInvitation(token, password, { signal }): Promise<AcceptResult> {
      await wait(signal);
      const invitation = lookup(token);
      if (invitation.status === 'accepted') throw new AdapterError('conflict', 'This invitation was already accepted.', { status: 409 });
      if (invitation.status !== 'pending') throw new AdapterError('expired', 'This invitation has expired.', { status: 410 });
      const length = [...password].length;
      if (length < minLength || length > 128 || password.toLowerCase().includes(invitation.loginId.toLowerCase())) {
        throw new AdapterError('weak_password', 'Choose a longer password that does not contain your login ID.', {
          status: 422,
          code: 'password.weak',
        });
      }
      invitation.status = 'accepted';
      notifications.push({ loginId: invitation.loginId, name: invitation.name, acceptedAt: new Date(now()).toISOString() });
      return { status: 'accepted', ...(options.redirectUrl ? { redirectUrl: options.redirectUrl } : {}) };
    },
  };
}
