/**
 * Sending invitations: the adapters and `sendInvitations`, DOM-free (browsers, Web Workers, Node ≥ 20).
 * @module
 */
export { sendInvitations, UNCONFIRMED_CODES } from './send-invitations.js';
export type { SendOptions, SendReport, SendOutcome, SendProgress, UnconfirmedOutcome, UnconfirmedCode } from './send-invitations.js';
export { toSendItems, chunk, batchIdempotencyKey, type SendItem } from './batch.js';
export { clientRowIdFor, stableHash, type ClientRowIdSource } from './client-row-id.js';
export { retryDelay, parseRetryAfter, sleep, type BackoffOptions, type Sleep } from './retry.js';
export { createRestAdapter, type RestAdapter, type RestAdapterOptions, type RestHeaders } from '../adapter/rest-adapter.js';
export {
  createMemoryAdapter,
  createInvitationStore,
  passwordProblem,
  normalizeLoginId,
  FAULT_KINDS,
} from '../adapter/memory-adapter.js';
export type {
  MemoryAdapter,
  MemoryAdapterOptions,
  InvitationStore,
  InvitationStoreOptions,
  InvitationStoreStats,
  StoredInvitation,
  OutboxMessage,
  AdminNotification,
  FaultKind,
} from '../adapter/memory-adapter.js';
export { AdapterError, adapterErrorKinds } from '../adapter/adapter.js';
export { checkPassword, isCommonPassword, passwordProblemsOf, MAX_PASSWORD_LENGTH, type PasswordProblem, type PasswordRuleOptions } from '../password/password-rules.js';
export type {
  EnrollmentAdapter,
  InviteRequest,
  InviteOutcome,
  Invitation,
  AcceptResult,
  AdapterErrorKind,
  AdapterErrorOptions,
} from '../adapter/adapter.js';
