/** Fired after the backend accepted the invitation. Bubbles. The password is never part of it. */
export class InviteAcceptFormAcceptedEvent extends Event {
  static readonly eventName = 'invite-accept-form-accepted';
  readonly detail: { loginId: string; redirectUrl?: string };
  constructor(detail: InviteAcceptFormAcceptedEvent['detail']) {
    super(InviteAcceptFormAcceptedEvent.eventName, { bubbles: true });
    this.detail = detail;
  }
}

/** Fired when looking up or accepting the invitation failed. Bubbles. */
export class InviteAcceptFormErrorEvent extends Event {
  static readonly eventName = 'invite-accept-form-error';
  readonly detail: { kind: string; message: string };
  constructor(detail: InviteAcceptFormErrorEvent['detail']) {
    super(InviteAcceptFormErrorEvent.eventName, { bubbles: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'invite-accept-form-accepted': InviteAcceptFormAcceptedEvent;
    'invite-accept-form-error': InviteAcceptFormErrorEvent;
  }
}
