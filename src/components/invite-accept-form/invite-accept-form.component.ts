import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { AdapterError, type EnrollmentAdapter, type Invitation } from '../../core/adapter/adapter.js';
import { InviteAcceptFormAcceptedEvent, InviteAcceptFormErrorEvent } from './invite-accept-form.events.js';
import { styles } from './invite-accept-form.styles.js';

/** The states of the form. */
export const inviteAcceptFormStates = [
  'loading',
  'ready',
  'submitting',
  'accepted',
  'invalid',
  'expired',
  'already-accepted',
  'error',
] as const;
export type InviteAcceptFormState = (typeof inviteAcceptFormStates)[number];

/** Shows a phone or email login ID with most of it hidden: `+1 ••• ••• 0142`, `a•••@example.com`. */
export function maskLoginId(loginId: string): string {
  const at = loginId.indexOf('@');
  if (at > 0) return `${loginId.slice(0, 1)}•••${loginId.slice(at)}`;
  const digits = loginId.replace(/^\+/, '');
  return `+${digits.slice(0, Math.max(1, digits.length - 10))} ••• ••• ${digits.slice(-4)}`;
}

/**
 * The invitee's page: looks up the invitation from the link's token and lets the invitee set a password.
 *
 * @tagname invite-accept-form
 * @summary Accept an invitation by setting a password.
 *
 * @fires {InviteAcceptFormAcceptedEvent} invite-accept-form-accepted - The backend accepted the invitation. `detail: { loginId, redirectUrl }`.
 * @fires {InviteAcceptFormErrorEvent} invite-accept-form-error - Looking up or accepting failed. `detail: { kind, message }`.
 *
 * @csspart base - The wrapper of every state.
 * @csspart form - The password form.
 * @csspart field - A label with its input.
 * @csspart error - An error message.
 * @csspart submit-button - The button that sets the password.
 *
 * @cssprop --invite-accept-form-accent-color - Buttons and focus rings. Default `#1d4ed8`.
 * @cssprop --invite-accept-form-accent-text-color - Text on buttons. Default `#ffffff`.
 * @cssprop --invite-accept-form-text-color - Body text. Default `#1f2937`.
 * @cssprop --invite-accept-form-surface-color - Background. Default `#ffffff`.
 * @cssprop --invite-accept-form-border-color - Input borders. Default `#6b7280`.
 * @cssprop --invite-accept-form-error-color - Error messages. Default `#b91c1c`.
 * @cssprop --invite-accept-form-radius - Corner radius. Default `8px`.
 * @cssprop --invite-accept-form-font-family - Font. Default `system-ui, sans-serif`.
 */
@localized()
export class InviteAcceptFormElement extends LitElement {
  static override styles = styles;

  /** The invitation token; when empty, the page URL's `token` query parameter is used. */
  @property() token = '';

  /** The REST endpoint of the backend; with it alone the element builds the REST adapter itself. */
  @property() endpoint = '';

  /** The fewest characters (code points) a password may have. */
  @property({ attribute: 'min-password-length', type: Number }) minPasswordLength = 8;

  /** Where to sign in, after accepting or when the invitation was already accepted. */
  @property({ attribute: 'login-url' }) loginUrl = '';

  /** The backend. */
  @property({ attribute: false }) adapter: EnrollmentAdapter | undefined;

  @state() protected formState: InviteAcceptFormState = 'loading';
  @state() protected invitation: Invitation | undefined;
  @state() protected passwordError = '';
  @state() protected redirectUrl = '';

  #lookup: AbortController | undefined;

  /** The current state of the form. */
  get state(): InviteAcceptFormState {
    return this.formState;
  }

  #effectiveToken(): string {
    return this.token || new URLSearchParams(location.search).get('token') || '';
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('token') || changed.has('adapter')) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#lookup?.abort();
  }

  async #load(): Promise<void> {
    this.#lookup?.abort();
    const token = this.#effectiveToken();
    if (!token) {
      this.formState = 'invalid';
      return;
    }
    if (!this.adapter) return;
    const lookup = (this.#lookup = new AbortController());
    this.formState = 'loading';
    try {
      const invitation = await this.adapter.getInvitation(token, { signal: lookup.signal });
      if (lookup.signal.aborted) return;
      this.invitation = invitation;
      this.formState =
        invitation.status === 'pending' ? 'ready' : invitation.status === 'accepted' ? 'already-accepted' : invitation.status === 'expired' ? 'expired' : 'invalid';
    } catch (error) {
      if (lookup.signal.aborted) return;
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const kind = error instanceof AdapterError ? error.kind : 'network';
    this.formState = kind === 'not_found' ? 'invalid' : kind === 'expired' ? 'expired' : kind === 'conflict' ? 'already-accepted' : 'error';
    this.dispatchEvent(new InviteAcceptFormErrorEvent({ kind, message: error instanceof Error ? error.message : String(error) }));
  }

  #passwordProblem(password: string, confirmation: string): string {
    const length = [...password].length;
    if (length < this.minPasswordLength) return msg(str`Use at least ${this.minPasswordLength} characters.`);
    if (length > 128) return msg('Use at most 128 characters.');
    const loginId = this.invitation?.loginId.toLowerCase() ?? '';
    if (loginId && password.toLowerCase().includes(loginId)) return msg('Do not use your login ID in your password.');
    if (password !== confirmation) return msg('The two passwords are not the same.');
    return '';
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    const problem = this.#passwordProblem(password, String(data.get('confirmation') ?? ''));
    this.passwordError = problem;
    if (problem || !this.adapter) return;
    this.formState = 'submitting';
    try {
      const result = await this.adapter.acceptInvitation(this.#effectiveToken(), password, { signal: new AbortController().signal });
      form.reset();
      this.redirectUrl = result.redirectUrl ?? this.loginUrl;
      this.formState = 'accepted';
      this.dispatchEvent(
        new InviteAcceptFormAcceptedEvent({ loginId: this.invitation?.loginId ?? '', ...(result.redirectUrl ? { redirectUrl: result.redirectUrl } : {}) }),
      );
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'weak_password') {
        this.passwordError = error.message;
        this.formState = 'ready';
        return;
      }
      this.#fail(error);
    }
  }

  protected override render() {
    return html`<section part="base" aria-live="polite">${this.#renderState()}</section>`;
  }

  #renderState() {
    switch (this.formState) {
      case 'loading':
        return html`<p>${msg('Loading your invitation…')}</p>`;
      case 'invalid':
        return html`<h2>${msg('This link does not work')}</h2>
          <p>${msg('Check that you opened the whole link from your message, or ask your administrator for a new invitation.')}</p>`;
      case 'expired':
        return html`<h2>${msg('This invitation has expired')}</h2>
          <p>${msg('Ask your administrator to send you a new invitation.')}</p>`;
      case 'already-accepted':
        return html`<h2>${msg('You already accepted this invitation')}</h2>
          ${this.loginUrl ? html`<a class="button" href=${this.loginUrl}>${msg('Sign in')}</a>` : nothing}`;
      case 'accepted':
        return html`<h2>${msg('Your password is set')}</h2>
          ${this.redirectUrl ? html`<a class="button" href=${this.redirectUrl}>${msg('Continue')}</a>` : nothing}`;
      case 'error':
        return html`<h2>${msg('Something went wrong')}</h2>
          <p>${msg('We could not reach the server. Check your connection and try again.')}</p>
          <button @click=${() => void this.#load()}>${msg('Try again')}</button>`;
      default:
        return this.#renderForm();
    }
  }

  #renderForm() {
    const invitation = this.invitation;
    const busy = this.formState === 'submitting';
    return html`<form part="form" @submit=${this.#submit} aria-busy=${busy ? 'true' : 'false'}>
      <h2>${msg(str`Welcome, ${invitation?.name ?? ''}`)}</h2>
      <p>${msg(str`Set a password for ${maskLoginId(invitation?.loginId ?? '')}.`)}</p>
      <input type="text" name="username" autocomplete="username" .value=${invitation?.loginId ?? ''} hidden readonly />
      <label part="field">
        ${msg('New password')}
        <input name="password" type="password" autocomplete="new-password" required maxlength="512" aria-describedby="password-error" />
      </label>
      <label part="field">
        ${msg('Type it again')}
        <input name="confirmation" type="password" autocomplete="new-password" required aria-describedby="password-error" />
      </label>
      <p id="password-error" part="error" role="alert">${this.passwordError}</p>
      <button part="submit-button" type="submit" ?disabled=${busy}>${busy ? msg('Setting your password…') : msg('Set password')}</button>
    </form>`;
  }
}
