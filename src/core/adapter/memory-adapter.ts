/**
 * The in-memory backend: the rules of the REST contract (CONTRACT §5) as one synchronous store,
 * used both by {@link createMemoryAdapter} (demos, stories, tests) and by the reference HTTP server
 * (`src/server/reference-server.ts`), so that the two can never disagree.
 * @module
 */
import type { AcceptResult, EnrollmentAdapter, Invitation, InviteOutcome, InviteRequest } from './adapter.js';
import { AdapterError } from './adapter.js';
import { MAX_PASSWORD_LENGTH, codePointLength, normalizeMinLength, passwordProblemsOf } from '../password/password-rules.js';

/**
 * The faults a test backend can inject, on purpose, to prove the sender loses nobody:
 * `status500`, `status503` and `status429` answer with that status before processing (429 with `Retry-After`);
 * `drop` drops the connection before processing; `delay` answers after the client's time-out (the batch is
 * processed late); `lost_answer` processes the batch and then drops the connection, so the answer is lost.
 */
export const FAULT_KINDS = ['status500', 'status503', 'status429', 'drop', 'delay', 'lost_answer'] as const;
/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A message a real backend would send: the invitation by text message or email, with its link. */
export interface OutboxMessage {
  /** `sms` for phone logins, `email` for email logins. */
  channel: 'sms' | 'email';
  /** The phone number (E.164) or the email address. */
  to: string;
  /** The invitee's name. */
  name: string;
  /** The invitation's token (also inside `link`). */
  token: string;
  /** The invite link the message carries. */
  link: string;
  /** The message's text. */
  text: string;
}

/** The admin's notice that an invitation was accepted. */
export interface AdminNotification {
  /** Always `email` here. */
  channel: 'email';
  /** The admin's address. */
  to: string;
  /** The login ID of the user who accepted. */
  loginId: string;
  /** The user's name. */
  name: string;
  /** ISO 8601 time of acceptance. */
  acceptedAt: string;
  /** The message's text. */
  text: string;
}

/** An invitation as the store keeps it. */
export interface StoredInvitation extends Invitation {
  /** The secret in the invite link. */
  token: string;
  /** The `clientRowId` it was made for. */
  clientRowId: string;
  /** The invitee's email. */
  email: string;
  /** The invitee's E.164 phone, when given. */
  phone?: string;
  /** Expiry as epoch milliseconds (`expiresAt` as a number). */
  expiresAtMs: number;
}

/** Options of {@link createInvitationStore}: the backend's rules. */
export interface InvitationStoreOptions {
  /** Login IDs the backend refuses (`login_id.exists`, as if they already had accounts). */
  rejectLoginIds?: Iterable<string>;
  /** Login IDs that have accounts, reported by the look-up and refused on invite. Defaults to `rejectLoginIds`. */
  existingLoginIds?: Iterable<string>;
  /** Whether the login-ID look-up is offered (`POST /login-ids/lookup`; 404 when not). Default true. */
  loginIdLookup?: boolean;
  /** How long an invitation stays valid, in milliseconds. Default 7 days. */
  invitationTtlMs?: number;
  /** The minimum password length in code points. Default 8 (the maximum is always 128). */
  minPasswordLength?: number;
  /** Where the invitee goes after accepting (`redirectUrl` of the acceptance). */
  redirectUrl?: string;
  /** The invite link for a token. Default `https://portal.example/invite?token=…`. */
  inviteUrl?: (token: string) => string;
  /** Who is told when an invitation is accepted. Default `admin@portal.example`. */
  adminEmail?: string;
  /** The most invitations one batch may hold (more: HTTP 400 `batch.too_large`). Default 1000. */
  maxBatchSize?: number;
  /** Random source for tokens. Default: `crypto.getRandomValues` (tokens must be unguessable). */
  random?: () => number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/** Counters of what the store did. */
export interface InvitationStoreStats {
  /** Batches processed (not counting replays by `Idempotency-Key`). */
  batches: number;
  /** Batches answered from the `Idempotency-Key` cache. */
  replayedByKey: number;
  /** Invitations answered from an earlier outcome of the same `clientRowId`. */
  replayedByClientRowId: number;
  /** Invitations created (one message each in the outbox). */
  invited: number;
  /** Invitations refused, per row. */
  rejected: number;
}

/**
 * The backend's state and rules, synchronous and transport-free. Methods throw {@link AdapterError}s
 * carrying the HTTP `status` and `code` a REST backend answers with.
 */
export interface InvitationStore {
  /** Every batch processed (replays by key excluded), in order, with its idempotency key. */
  readonly received: ReadonlyArray<{ idempotencyKey: string; batch: InviteRequest[] }>;
  /** The invitations created, by token. */
  readonly invitations: ReadonlyMap<string, StoredInvitation>;
  /** The text messages and emails a real backend would have sent, one per invitation. */
  readonly outbox: readonly OutboxMessage[];
  /** Notifications for the admin: one per accepted invitation. */
  readonly notifications: readonly AdminNotification[];
  /** What the store did. */
  readonly stats: Readonly<InvitationStoreStats>;
  /** The token of the invitation for a login ID, if one was made. */
  tokenFor(loginId: string): string | undefined;
  /** Makes an invitation expire now. */
  expire(token: string): void;
  /** `POST /invitations/batch`: validates `body` (`{ invitations }`), invites, answers one outcome per request. */
  inviteBatch(body: unknown, idempotencyKey: string | undefined): InviteOutcome[];
  /** `POST /login-ids/lookup`: the given login IDs (`{ loginIds }`) that have accounts or invitations. */
  lookupLoginIds(body: unknown): string[];
  /** `GET /invitations/{token}`. */
  getInvitation(token: string): Invitation;
  /** `POST /invitations/{token}/accept` with `{ password }`. */
  acceptInvitation(token: string, body: unknown): AcceptResult;
}

/** A login ID as compared: emails case-insensitively, phones as written (E.164). */
export const normalizeLoginId = (id: string): string => (id.includes('@') ? id.trim().toLowerCase() : id.trim());

const E164 = /^\+[1-9]\d{6,14}$/;
// The HTML standard's valid e-mail address (input type=email).
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function makeToken(random: (() => number) | undefined): string {
  const bytes = new Uint8Array(24);
  if (random) for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  else crypto.getRandomValues(bytes);
  let token = '';
  for (const byte of bytes) token += TOKEN_ALPHABET[byte % 32];
  return token;
}

const invalid = (message: string, code = 'request.invalid') => new AdapterError('rejected', message, { status: 400, code });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Why a password breaks the rules of CONTRACT §6 (after NIST SP 800-63B), or `undefined` when it is fine:
 * at least `minLength` code points (any characters, spaces and emoji included), at most 128, not containing
 * the login ID (case-insensitively; for phones also without the `+`), and not a very common password.
 * No composition rules.
 */
export function passwordProblem(password: string, loginId: string, minLength = 8): string | undefined {
  // The same rules as <invite-accept-form> checks as the invitee types (core/password), in the order a
  // backend reports them; the messages are the backend's, in English.
  const problems = passwordProblemsOf(password, { loginId, minLength });
  if (problems.includes('too-short')) return `Use at least ${normalizeMinLength(minLength)} characters.`;
  if (problems.includes('too-long')) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (problems.includes('contains-login-id')) return 'Do not use your login ID in your password.';
  if (problems.includes('common')) return 'This password is too common. Choose one that is harder to guess.';
  return undefined;
}

/** The per-row rules of the backend: the reason a request is refused, or `undefined`. */
function rowProblem(request: Record<string, unknown>): Omit<InviteOutcome, 'clientRowId' | 'status'> | undefined {
  const { loginType, loginId, phone, email, name } = request;
  if (loginType !== 'phone' && loginType !== 'email') return { code: 'login_type.invalid', column: 'loginType', message: 'The login type must be phone or email.' };
  if (typeof email !== 'string' || email.trim() === '') return { code: 'email.required', column: 'email', message: 'An email address is required.' };
  if (email.length > 254 || !EMAIL.test(email.trim())) return { code: 'email.invalid', column: 'email', message: 'This is not a valid email address.' };
  if (typeof name !== 'string' || name.trim() === '') return { code: 'name.required', column: 'name', message: 'A name is required.' };
  if (codePointLength(name.trim()) > 100) return { code: 'name.too_long', column: 'name', message: 'The name is longer than 100 characters.' };
  if (phone !== undefined && phone !== null && phone !== '' && (typeof phone !== 'string' || !E164.test(phone)))
    return { code: 'phone.invalid', column: 'phone', message: 'The phone number must be in international format, like +14085550142.' };
  if (loginType === 'phone' && (typeof phone !== 'string' || phone === '')) return { code: 'phone.required', column: 'phone', message: 'A phone number is required for phone logins.' };
  const expected = loginType === 'phone' ? (phone as string) : (email as string);
  if (typeof loginId !== 'string' || normalizeLoginId(loginId) !== normalizeLoginId(expected))
    return { code: 'login_id.mismatch', column: loginType, message: `The login ID must be the user's ${loginType === 'phone' ? 'phone number' : 'email address'}.` };
  return undefined;
}

/**
 * Creates the in-memory backend store that {@link createMemoryAdapter} and the reference server share.
 *
 * Idempotency, twice over: a batch whose `Idempotency-Key` was seen with the same body is answered from the
 * stored answer (a different body under a used key is HTTP 422 `idempotency.key_reused`); and a `clientRowId`
 * already seen gets its first outcome again, so nobody is invited twice. A login ID is invited at most once:
 * a second `clientRowId` with the same login ID is rejected with `login_id.exists`.
 */
export function createInvitationStore(options: InvitationStoreOptions = {}): InvitationStore {
  const now = options.now ?? Date.now;
  const ttl = options.invitationTtlMs ?? 7 * 24 * 3600 * 1000;
  const minLength = options.minPasswordLength ?? 8;
  const maxBatch = options.maxBatchSize ?? 1000;
  const inviteUrl = options.inviteUrl ?? ((token: string) => `https://portal.example/invite?token=${encodeURIComponent(token)}`);
  const adminEmail = options.adminEmail ?? 'admin@portal.example';
  const refused = new Set([...(options.rejectLoginIds ?? [])].map(normalizeLoginId));
  const existing = new Set([...(options.existingLoginIds ?? refused)].map(normalizeLoginId));
  for (const id of existing) refused.add(id);
  const received: Array<{ idempotencyKey: string; batch: InviteRequest[] }> = [];
  const invitations = new Map<string, StoredInvitation>();
  const byClientRowId = new Map<string, InviteOutcome>();
  const byLoginId = new Map<string, string>();
  const byKey = new Map<string, { fingerprint: string; results: InviteOutcome[] }>();
  const outbox: OutboxMessage[] = [];
  const notifications: AdminNotification[] = [];
  const stats: InvitationStoreStats = { batches: 0, replayedByKey: 0, replayedByClientRowId: 0, invited: 0, rejected: 0 };

  const find = (token: string): StoredInvitation => {
    const invitation = invitations.get(token);
    if (!invitation) throw new AdapterError('not_found', 'This invitation link is not valid.', { status: 404, code: 'invitation.not_found' });
    if (invitation.status === 'pending' && invitation.expiresAtMs <= now()) invitation.status = 'expired';
    return invitation;
  };

  const inviteOne = (request: Record<string, unknown>, clientRowId: string): InviteOutcome => {
    const seen = byClientRowId.get(clientRowId);
    if (seen) {
      stats.replayedByClientRowId++;
      return { ...seen };
    }
    let outcome: InviteOutcome;
    const problem = rowProblem(request);
    const loginId = normalizeLoginId(String(request['loginId'] ?? ''));
    if (problem) {
      outcome = { clientRowId, status: 'rejected', ...problem };
    } else if (refused.has(loginId) || byLoginId.has(loginId)) {
      outcome = {
        clientRowId,
        status: 'rejected',
        code: 'login_id.exists',
        message: 'This login ID already has an account or a pending invitation.',
        column: String(request['loginType']),
      };
    } else {
      const r = request as unknown as InviteRequest;
      const token = makeToken(options.random);
      const expiresAtMs = now() + ttl;
      const phone = typeof r.phone === 'string' && r.phone !== '' ? r.phone : undefined;
      invitations.set(token, {
        token,
        clientRowId,
        loginType: r.loginType,
        loginId: r.loginId.trim(),
        name: r.name.trim(),
        email: r.email.trim(),
        ...(phone ? { phone } : {}),
        status: 'pending',
        expiresAt: new Date(expiresAtMs).toISOString(),
        expiresAtMs,
      });
      byLoginId.set(loginId, token);
      const link = inviteUrl(token);
      const channel = r.loginType === 'phone' ? 'sms' : 'email';
      outbox.push({
        channel,
        to: r.loginType === 'phone' ? (phone ?? r.loginId) : r.email.trim(),
        name: r.name.trim(),
        token,
        link,
        text:
          channel === 'sms'
            ? `${r.name.trim()}, you are invited. Set your password: ${link}`
            : `Hello ${r.name.trim()},\n\nYou have been invited. Open this link to set your password:\n${link}\n\nThe link expires on ${new Date(expiresAtMs).toUTCString()}.`,
      });
      outcome = { clientRowId, status: 'invited' };
    }
    if (outcome.status === 'invited') stats.invited++;
    else stats.rejected++;
    byClientRowId.set(clientRowId, outcome);
    return { ...outcome };
  };

  return {
    received,
    invitations,
    outbox,
    notifications,
    stats,
    tokenFor: (loginId) => byLoginId.get(normalizeLoginId(loginId)),
    expire(token) {
      const invitation = invitations.get(token);
      if (invitation) invitation.expiresAtMs = now() - 1;
    },
    inviteBatch(body, idempotencyKey) {
      if (!idempotencyKey) throw invalid('The Idempotency-Key header is required.', 'idempotency.key_required');
      if (idempotencyKey.length > 255) throw invalid('The Idempotency-Key header is longer than 255 characters.', 'idempotency.key_invalid');
      if (!isObject(body) || !Array.isArray(body['invitations'])) throw invalid('The body must be { "invitations": [...] }.');
      const list = body['invitations'] as unknown[];
      if (list.length === 0) throw invalid('The batch is empty.', 'batch.empty');
      if (list.length > maxBatch) throw invalid(`A batch holds at most ${maxBatch} invitations.`, 'batch.too_large');
      for (const item of list) {
        if (!isObject(item) || typeof item['clientRowId'] !== 'string' || item['clientRowId'] === '' || item['clientRowId'].length > 200)
          throw invalid('Every invitation needs a clientRowId: a string of 1 to 200 characters.');
      }
      const fingerprint = JSON.stringify(list);
      const cached = byKey.get(idempotencyKey);
      if (cached) {
        if (cached.fingerprint !== fingerprint)
          throw new AdapterError('rejected', 'This Idempotency-Key was already used for a different batch.', { status: 422, code: 'idempotency.key_reused' });
        stats.replayedByKey++;
        return cached.results.map((o) => ({ ...o }));
      }
      stats.batches++;
      received.push({ idempotencyKey, batch: structuredClone(list) as InviteRequest[] });
      const results = (list as Array<Record<string, unknown>>).map((item) => inviteOne(item, item['clientRowId'] as string));
      byKey.set(idempotencyKey, { fingerprint, results: results.map((o) => ({ ...o })) });
      return results;
    },
    lookupLoginIds(body) {
      if (options.loginIdLookup === false) throw new AdapterError('not_found', 'Login-ID look-ups are not offered.', { status: 404, code: 'route.not_found' });
      if (!isObject(body) || !Array.isArray(body['loginIds']) || !body['loginIds'].every((id) => typeof id === 'string'))
        throw invalid('The body must be { "loginIds": string[] }.');
      const ids = body['loginIds'] as string[];
      if (ids.length > 10000) throw invalid('Look up at most 10000 login IDs at once.', 'lookup.too_large');
      return ids.filter((id) => existing.has(normalizeLoginId(id)) || byLoginId.has(normalizeLoginId(id)));
    },
    getInvitation(token) {
      const { loginType, loginId, name, status, expiresAt } = find(token);
      return { loginType, loginId, name, status, ...(expiresAt ? { expiresAt } : {}) };
    },
    acceptInvitation(token, body) {
      const invitation = find(token);
      if (invitation.status === 'accepted')
        throw new AdapterError('conflict', 'This invitation was already accepted.', { status: 409, code: 'invitation.accepted' });
      if (invitation.status !== 'pending')
        throw new AdapterError('expired', 'This invitation has expired.', { status: 410, code: 'invitation.expired' });
      if (!isObject(body) || typeof body['password'] !== 'string') throw invalid('The body must be { "password": string }.');
      const problem = passwordProblem(body['password'], invitation.loginId, minLength);
      if (problem) throw new AdapterError('weak_password', problem, { status: 422, code: 'password.weak' });
      invitation.status = 'accepted';
      const acceptedAt = new Date(now()).toISOString();
      notifications.push({
        channel: 'email',
        to: adminEmail,
        loginId: invitation.loginId,
        name: invitation.name,
        acceptedAt,
        text: `${invitation.name} (${invitation.loginId}) accepted the invitation on ${new Date(now()).toUTCString()}.`,
      });
      return { status: 'accepted', ...(options.redirectUrl ? { redirectUrl: options.redirectUrl } : {}) };
    },
  };
}

/** Options of {@link createMemoryAdapter}: the store's rules plus latency and injected failures. */
export interface MemoryAdapterOptions extends InvitationStoreOptions {
  /** Milliseconds each call waits before answering (a number, or a `[min, max]` range). Default 0. */
  latency?: number | readonly [number, number];
  /** Share of `inviteUsers` and `findExistingLoginIds` calls, 0–1, that fail. Default 0. */
  failureRate?: number;
  /** How they fail, picked at random among these; see {@link FAULT_KINDS}. Default `['status503']`. */
  failureKinds?: readonly FaultKind[];
  /** The `Retry-After` of `status429` failures, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** A random source for latency, failures and tokens (tests pass a seeded one). Default `Math.random` (tokens: crypto). */
  random?: () => number;
}

/** The in-memory backend: an {@link EnrollmentAdapter} that also exposes what it received, like a test backend. */
export interface MemoryAdapter extends EnrollmentAdapter {
  /** The look-up is always there; with `loginIdLookup: false` it finds nothing, like a REST backend without it. */
  findExistingLoginIds(loginIds: string[], ctx: { signal: AbortSignal }): Promise<string[]>;
  /** Every batch processed, in order, with its idempotency key. */
  readonly received: ReadonlyArray<{ idempotencyKey: string; batch: InviteRequest[] }>;
  /** The invitations created, by token. */
  readonly invitations: ReadonlyMap<string, StoredInvitation>;
  /** The text messages and emails a real backend would have sent. */
  readonly outbox: readonly OutboxMessage[];
  /** Notifications for the admin: one per accepted invitation. */
  readonly notifications: readonly AdminNotification[];
  /** The store behind the adapter (its counters, and the same methods the reference server serves). */
  readonly store: InvitationStore;
  /** Failures injected so far, by kind. */
  readonly faults: Readonly<Record<FaultKind, number>>;
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

/**
 * An in-memory backend for demos, stories and tests. It follows the REST contract exactly (the same store
 * as the reference server): one invitation per `clientRowId` and per login ID however often it is sent,
 * replays by `Idempotency-Key`, tokens that expire, and the password rules of an acceptance. It can add
 * latency, fail in every way a network can ({@link FAULT_KINDS}), or reject given login IDs. Data crosses
 * the adapter as copies, as it would over the network.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const random = options.random ?? Math.random;
  const store = createInvitationStore(options);
  const kinds = options.failureKinds?.length ? options.failureKinds : (['status503'] as const);
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  const wait = (signal: AbortSignal) => {
    const latency = options.latency ?? 0;
    const ms = typeof latency === 'number' ? latency : latency[0] + random() * (latency[1] - latency[0]);
    return abortable(ms, signal);
  };
  const pickFault = (): FaultKind | undefined => {
    if (!options.failureRate || random() >= options.failureRate) return undefined;
    const kind = kinds[Math.floor(random() * kinds.length)] ?? 'status503';
    faults[kind]++;
    return kind;
  };
  /** Throws the error the client would see for a fault, before (`early`) or after processing. */
  const failBefore = (fault: FaultKind | undefined) => {
    if (fault === 'status500') throw new AdapterError('server', 'The server had an internal error.', { status: 500, code: 'server.error' });
    if (fault === 'status503') throw new AdapterError('server', 'The server is unavailable.', { status: 503, code: 'server.unavailable' });
    if (fault === 'status429')
      throw new AdapterError('server', 'Too many requests.', { status: 429, code: 'rate_limited', retryAfterMs: (options.retryAfterSeconds ?? 1) * 1000 });
    if (fault === 'drop') throw new AdapterError('network', 'The connection was lost.');
  };
  const failAfter = (fault: FaultKind | undefined) => {
    if (fault === 'delay') throw new AdapterError('timeout', 'The server did not answer in time.');
    if (fault === 'lost_answer') throw new AdapterError('network', 'The connection was lost.');
  };

  return {
    get received() {
      return store.received;
    },
    invitations: store.invitations,
    outbox: store.outbox,
    notifications: store.notifications,
    store,
    faults,
    tokenFor: (loginId) => store.tokenFor(loginId),
    expire: (token) => store.expire(token),
    async inviteUsers(batch, { signal, idempotencyKey }) {
      await wait(signal);
      const fault = pickFault();
      failBefore(fault);
      const results = store.inviteBatch(structuredClone({ invitations: batch }), idempotencyKey);
      failAfter(fault);
      return results;
    },
    async findExistingLoginIds(loginIds, { signal }) {
      await wait(signal);
      const fault = pickFault();
      failBefore(fault);
      if (options.loginIdLookup === false) return [];
      const found = store.lookupLoginIds({ loginIds: [...loginIds] });
      failAfter(fault);
      return found;
    },
    async getInvitation(token, { signal }) {
      await wait(signal);
      return store.getInvitation(token);
    },
    async acceptInvitation(token, password, { signal }): Promise<AcceptResult> {
      await wait(signal);
      return store.acceptInvitation(token, { password });
    },
  };
}
