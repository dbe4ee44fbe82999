import type { AdapterErrorKind } from '../../core/adapter/adapter.js';

/** The detail of {@link InviteAcceptFormAcceptedEvent}. The password is never part of it. */
export interface InviteAcceptFormAcceptedDetail {
  /** The login ID the password was set for. */
  loginId: string;
  /** Where the invitee goes next: the backend's `redirectUrl`, else the element's `login-url` (may be empty). */
  redirectUrl: string;
}

/** The detail of {@link InviteAcceptFormErrorEvent}. The password is never part of it. */
export interface InviteAcceptFormErrorDetail {
  /** What failed: looking the invitation up, or accepting it. */
  phase: 'lookup' | 'accept';
  /** The adapter's error kind (`network` for anything that was not an `AdapterError`). */
  kind: AdapterErrorKind;
  /** The HTTP status, when there was one. */
  status?: number;
  /** The backend's error code (`password.weak`, …), when there was one. */
  code?: string;
  /** The error's message, for logs. */
  message: string;
}

/** Fired after the backend accepted the invitation. Bubbles and is composed. */
export class InviteAcceptFormAcceptedEvent extends Event {
  static readonly eventName = 'invite-accept-form-accepted';
  readonly detail: InviteAcceptFormAcceptedDetail;
  constructor(detail: InviteAcceptFormAcceptedDetail) {
    super(InviteAcceptFormAcceptedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired when looking up or accepting the invitation failed (including a password the backend refused). Bubbles and is composed. */
export class InviteAcceptFormErrorEvent extends Event {
  static readonly eventName = 'invite-accept-form-error';
  readonly detail: InviteAcceptFormErrorDetail;
  constructor(detail: InviteAcceptFormErrorDetail) {
    super(InviteAcceptFormErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'invite-accept-form-accepted': InviteAcceptFormAcceptedEvent;
    'invite-accept-form-error': InviteAcceptFormErrorEvent;
  }
}
