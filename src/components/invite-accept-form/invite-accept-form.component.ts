import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { AdapterError, type AdapterErrorKind, type EnrollmentAdapter, type Invitation } from '../../core/adapter/adapter.js';
import { createRestAdapter } from '../../core/adapter/rest-adapter.js';
import { plural } from '../../internal/plural.js';
import { InviteAcceptFormAcceptedEvent, InviteAcceptFormErrorEvent } from './invite-accept-form.events.js';
import { checkPassword, codePointLength, MAX_PASSWORD_LENGTH, normalizeMinLength, type PasswordProblem } from '../../core/password/password-rules.js';
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
  const at = loginId.lastIndexOf('@');
  if (at > 0) return `${[...loginId][0]}•••${loginId.slice(at)}`;
  const digits = loginId.replace(/\D/g, '');
  if (digits.length < 8) return `••• ${digits.slice(-2)}`;
  return `+${digits.slice(0, Math.max(1, digits.length - 10))} ••• ••• ${digits.slice(-4)}`;
}

/** Where focus goes after the next render. */
type FocusTarget = 'heading' | 'password' | 'confirmation' | 'submit-error' | undefined;

const ISOLATE_LTR = (text: string) => `\u2066${text}\u2069`;
const ISOLATE = (text: string) => `\u2068${text}\u2069`;
/** How long typing must pause before the password feedback is announced. */
const ANNOUNCE_DELAY_MS = 900;

/**
 * The invitee's page: looks up the invitation from the link's token and lets the invitee set a password.
 *
 * The password lives only in the two password inputs: it is read from them when the form is checked or
 * sent, never kept in a property, an attribute, an event, storage, a log or a URL, and the inputs are
 * emptied once the backend accepted it. Failures of a submission (network, server) keep the form and what
 * was typed, and say so in place; the submit button then tries again.
 *
 * Focus follows the state: it moves to the heading of each new state (unless the page has focus elsewhere),
 * to the password field when the backend refuses the password, and to the message of a failed submission.
 *
 * @tagname invite-accept-form
 * @summary Accept an invitation by setting a password.
 *
 * @fires {InviteAcceptFormAcceptedEvent} invite-accept-form-accepted - The backend accepted the invitation. Bubbles, composed. `detail: { loginId, redirectUrl }` (never the password).
 * @fires {InviteAcceptFormErrorEvent} invite-accept-form-error - Looking up or accepting failed, or the backend refused the password. Bubbles, composed. `detail: { phase: 'lookup' | 'accept', kind, status?, code?, message }`.
 *
 * @csspart base - The wrapper of every state.
 * @csspart heading - The heading of each state (it receives focus when the state changes).
 * @csspart message - The explanation under a heading.
 * @csspart spinner - The busy indicator while loading and submitting (still when the user prefers reduced motion).
 * @csspart invitee - The line naming the invitee and their masked login ID.
 * @csspart login-id - The masked login ID.
 * @csspart form - The password form.
 * @csspart field - A label, its input and its messages.
 * @csspart label - A field's label.
 * @csspart input - Both password inputs.
 * @csspart password-input - The new password input.
 * @csspart confirmation-input - The confirmation input.
 * @csspart hint - The password rules under the password field.
 * @csspart feedback - The password's feedback as the invitee types (not yet long enough, too common, fine…).
 * @csspart error - An error message (a refused password, confirmation that differs, a failed submission).
 * @csspart toggle-button - The button that shows or hides the passwords.
 * @csspart submit-button - The button that sets the password (and tries again after a failure).
 * @csspart link-button - The "Continue" or "Sign in" link.
 * @csspart retry-button - The "Try again" button after a failed look-up.
 *
 * @cssprop --invite-accept-form-accent-color - Buttons, links and focus rings. Default `#1d4ed8` (dark: `#93c5fd`).
 * @cssprop --invite-accept-form-accent-text-color - Text on buttons. Default `#ffffff` (dark: `#0b1220`).
 * @cssprop --invite-accept-form-text-color - Body text. Default `#1f2937` (dark: `#e5e7eb`).
 * @cssprop --invite-accept-form-muted-color - Hints and feedback. Default `#4b5563` (dark: `#9ca3af`).
 * @cssprop --invite-accept-form-surface-color - Background. Default `#ffffff` (dark: `#111827`).
 * @cssprop --invite-accept-form-input-background-color - Input background. Default the surface colour.
 * @cssprop --invite-accept-form-border-color - Input borders. Default `#6b7280` (dark: `#9ca3af`).
 * @cssprop --invite-accept-form-error-color - Error messages and invalid inputs. Default `#b91c1c` (dark: `#fca5a5`).
 * @cssprop --invite-accept-form-success-color - Feedback for a password that can be used. Default `#15803d` (dark: `#86efac`).
 * @cssprop --invite-accept-form-radius - Corner radius. Default `8px`.
 * @cssprop --invite-accept-form-font-family - Font. Default `system-ui, sans-serif`.
 * @cssprop --invite-accept-form-max-width - The widest the element grows. Default `28rem`.
 * @cssprop --invite-accept-form-touch-target - The least height (and width) of buttons, links and inputs. Default `44px`.
 */
@localized()
export class InviteAcceptFormElement extends LitElement {
  static override styles = styles;

  /** The invitation token; when empty, the page URL's `token` query parameter is used. */
  @property() token = '';

  /** The REST endpoint of the backend; with it alone the element builds the REST adapter itself. */
  @property() endpoint = '';

  /** The fewest characters (code points) a password may have, 1 to 128. Default 8. */
  @property({ attribute: 'min-password-length', type: Number }) minPasswordLength = 8;

  /** Where to sign in: the link after accepting (unless the backend gives a `redirectUrl`) and when the invitation was already accepted. */
  @property({ attribute: 'login-url' }) loginUrl = '';

  /** The backend. Takes precedence over `endpoint`. */
  @property({ attribute: false }) adapter: EnrollmentAdapter | undefined;

  @state() protected formState: InviteAcceptFormState = 'loading';
  @state() protected invitation: Invitation | undefined;
  /** The lookup's failure kind, for the error state's wording. */
  @state() protected failure: AdapterErrorKind | undefined;
  @state() protected passwordError = '';
  @state() protected confirmationError = '';
  @state() protected submitError = '';
  /** What the password breaks as typed (`ok` when nothing; `''` while empty). Never the password itself. */
  @state() protected passwordCheck: PasswordProblem | 'ok' | '' = '';
  @state() protected passwordLength = 0;
  @state() protected confirmationState: 'match' | 'differs' | '' = '';
  @state() protected revealed = false;
  @state() protected announcement = '';
  @state() protected redirectUrl = '';

  private _request: AbortController | undefined;
  private _rest: { endpoint: string; adapter: EnrollmentAdapter } | undefined;
  private _focus: FocusTarget;
  private _announceTimer: ReturnType<typeof setTimeout> | undefined;
  private _warned = false;
  private _loadedOnce = false;

  /** The current state of the form. */
  get state(): InviteAcceptFormState {
    return this.formState;
  }

  private _token(): string {
    return this.token || new URLSearchParams(location.search).get('token') || '';
  }

  private _adapter(): EnrollmentAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this._rest?.endpoint !== this.endpoint) this._rest = { endpoint: this.endpoint, adapter: createRestAdapter({ endpoint: this.endpoint }) };
    return this._rest.adapter;
  }

  private _minLength(): number {
    const min = normalizeMinLength(this.minPasswordLength);
    if (min !== this.minPasswordLength && !this._warned) {
      this._warned = true;
      console.warn(`<invite-accept-form>: min-password-length must be a whole number from 1 to 128; using ${min}.`);
    }
    return min;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect that aborted a request: look it up again.
    if (this._loadedOnce && (this.formState === 'loading' || this.formState === 'submitting')) void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._request?.abort();
    clearTimeout(this._announceTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this._loadedOnce || changed.has('token') || changed.has('adapter') || changed.has('endpoint')) {
      this._loadedOnce = true;
      void this._load();
    }
    const target = this._focus;
    this._focus = undefined;
    if (!target) return;
    // Never take focus from elsewhere on the page: only from inside the element or from nowhere.
    const active = document.activeElement;
    if (active && active !== document.body && active !== this && !this.contains(active)) return;
    const selector = { heading: '[part~=heading]', password: '#password', confirmation: '#confirmation', 'submit-error': '#submit-error' }[target];
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  private _go(next: InviteAcceptFormState, focus: FocusTarget = 'heading'): void {
    if (next !== this.formState) this._focus = focus;
    this.formState = next;
  }

  private async _load(): Promise<void> {
    this._request?.abort();
    const token = this._token();
    if (!token) {
      this._go('invalid');
      return;
    }
    const adapter = this._adapter();
    if (!adapter) return;
    const request = (this._request = new AbortController());
    this._go('loading');
    try {
      const invitation = await adapter.getInvitation(token, { signal: request.signal });
      if (request.signal.aborted) return;
      this.invitation = invitation;
      const { status } = invitation;
      this._go(status === 'pending' ? 'ready' : status === 'accepted' ? 'already-accepted' : status === 'expired' ? 'expired' : 'invalid');
    } catch (error) {
      if (request.signal.aborted) return;
      const kind = (this.failure = this._fail(error, 'lookup'));
      this._go(kind === 'not_found' ? 'invalid' : kind === 'expired' ? 'expired' : kind === 'conflict' ? 'already-accepted' : 'error');
    }
  }

  private _fail(error: unknown, phase: 'lookup' | 'accept'): AdapterErrorKind {
    const known = error instanceof AdapterError ? error : undefined;
    const kind = known?.kind ?? 'network';
    this.dispatchEvent(
      new InviteAcceptFormErrorEvent({
        phase,
        kind,
        message: error instanceof Error ? error.message : String(error),
        ...(known?.status ? { status: known.status } : {}),
        ...(known?.code ? { code: known.code } : {}),
      }),
    );
    return kind;
  }

  private _input(name: 'password' | 'confirmation'): HTMLInputElement | null {
    return this.renderRoot.querySelector(`#${name}`);
  }

  /** "Use at least 8 characters." */
  private _useAtLeast(): string {
    const min = this._minLength();
    return plural(min, { one: msg(str`Use at least ${min} character.`), other: msg(str`Use at least ${min} characters.`) });
  }

  /** What a problem is called: as feedback while typing, or as the error of a submission (`final`). */
  private _problemText(problem: PasswordProblem | 'ok', length: number, final = false): string {
    switch (problem) {
      case 'too-short': {
        if (final) return this._useAtLeast();
        const more = this._minLength() - length;
        return plural(more, { one: msg(str`${more} more character needed.`), other: msg(str`${more} more characters needed.`) });
      }
      case 'too-long':
        return msg(str`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
      case 'contains-login-id':
        return msg('Do not use your login ID in your password.');
      case 'common':
        return msg('This password is too common.');
      default:
        return msg('Good password.');
    }
  }

  /** Re-checks what is typed, without keeping it; the live announcement waits for a pause in typing. */
  private _onInput(): void {
    const password = this._input('password')?.value ?? '';
    const confirmation = this._input('confirmation')?.value ?? '';
    this.passwordLength = codePointLength(password);
    this.passwordCheck = password ? (checkPassword(password, { loginId: this.invitation?.loginId ?? '', minLength: this._minLength() }) ?? 'ok') : '';
    this.confirmationState = !confirmation ? '' : password === confirmation ? 'match' : password.startsWith(confirmation) ? '' : 'differs';
    if (this.passwordError && this.passwordCheck === 'ok') this.passwordError = '';
    if (this.confirmationError && this.confirmationState !== 'differs') this.confirmationError = '';
    this.submitError = '';
    clearTimeout(this._announceTimer);
    this._announceTimer = setTimeout(() => {
      const parts = [this.passwordCheck ? this._problemText(this.passwordCheck, this.passwordLength) : '', this._confirmationText()];
      this.announcement = parts.filter(Boolean).join(' ');
    }, ANNOUNCE_DELAY_MS);
  }

  private _confirmationText(): string {
    return this.confirmationState === 'match'
      ? msg('The passwords match.')
      : this.confirmationState === 'differs'
        ? msg('The passwords do not match.')
        : '';
  }

  private async _submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.formState !== 'ready') return;
    const adapter = this._adapter();
    const passwordInput = this._input('password');
    const confirmationInput = this._input('confirmation');
    if (!adapter || !passwordInput || !confirmationInput) return;
    this._onInput();
    clearTimeout(this._announceTimer);
    const password = passwordInput.value;
    const problem = checkPassword(password, { loginId: this.invitation?.loginId ?? '', minLength: this._minLength() });
    this.passwordError = problem ? this._problemText(problem, 0, true) : '';
    this.confirmationError = !problem && password !== confirmationInput.value ? msg('The passwords do not match.') : '';
    this.submitError = '';
    if (this.passwordError || this.confirmationError) {
      this._focus = this.passwordError ? 'password' : 'confirmation';
      this.requestUpdate();
      return;
    }
    this._go('submitting', undefined);
    const request = (this._request = new AbortController());
    try {
      const result = await adapter.acceptInvitation(this._token(), password, { signal: request.signal });
      passwordInput.value = '';
      confirmationInput.value = '';
      this.passwordCheck = '';
      this.confirmationState = '';
      this.announcement = '';
      this.revealed = false;
      this.redirectUrl = result.redirectUrl || this.loginUrl;
      this._go('accepted');
      this.dispatchEvent(new InviteAcceptFormAcceptedEvent({ loginId: this.invitation?.loginId ?? '', redirectUrl: this.redirectUrl }));
    } catch (error) {
      if (request.signal.aborted) return;
      const kind = this._fail(error, 'accept');
      if (kind === 'weak_password') {
        this.passwordError = (error as AdapterError).message || msg('Choose a stronger password.');
        this._go('ready', 'password');
      } else if (kind === 'not_found') this._go('invalid');
      else if (kind === 'expired') this._go('expired');
      else if (kind === 'conflict') this._go('already-accepted');
      else {
        this.submitError =
          kind === 'rejected'
            ? msg('The server refused the request. Your password was not set.')
            : msg('Your password was not set: we could not reach the server. Try again.');
        this._go('ready', 'submit-error');
      }
    }
  }

  protected override render() {
    return html`<section part="base">${this._renderState()}</section>`;
  }

  private _heading(text: string) {
    return html`<h2 part="heading" tabindex="-1">${text}</h2>`;
  }

  private _link(href: string, text: string) {
    return href ? html`<a part="link-button" class="button" href=${href}>${text}</a>` : nothing;
  }

  private _renderState() {
    switch (this.formState) {
      case 'loading':
        return html`${this._heading(msg('Loading your invitation…'))}<span part="spinner" class="spinner" aria-hidden="true"></span>`;
      case 'invalid':
        return html`${this._heading(msg('This link does not work'))}
          <p part="message">${msg('Check that you opened the whole link from your message, or ask your administrator for a new invitation.')}</p>`;
      case 'expired':
        return html`${this._heading(msg('This invitation has expired'))}
          <p part="message">${msg('Ask your administrator to send you a new invitation.')}</p>`;
      case 'already-accepted':
        return html`${this._heading(msg('You already accepted this invitation'))}
          ${this._link(this.loginUrl, msg('Sign in'))}`;
      case 'accepted':
        return html`${this._heading(msg('Your password is set'))}
          <p part="message">${msg(str`You can now sign in as ${ISOLATE_LTR(maskLoginId(this.invitation?.loginId ?? ''))}.`)}</p>
          ${this._link(this.redirectUrl, msg('Continue'))}`;
      case 'error':
        return html`${this._heading(msg('Something went wrong'))}
          <p part="message">
            ${this.failure === 'server'
              ? msg('The server had a problem. Try again in a moment.')
              : msg('We could not reach the server. Check your connection and try again.')}
          </p>
          <button part="retry-button" type="button" @click=${() => void this._load()}>${msg('Try again')}</button>`;
      default:
        return this._renderForm();
    }
  }

  private _renderForm() {
    const invitation = this.invitation;
    const loginId = invitation?.loginId ?? '';
    const busy = this.formState === 'submitting';
    const feedback = this.passwordCheck ? this._problemText(this.passwordCheck, this.passwordLength) : '';
    const type = this.revealed ? 'text' : 'password';
    return html`<form part="form" method="post" novalidate aria-labelledby="heading" @submit=${this._submit}>
      <h2 id="heading" part="heading" tabindex="-1">${msg(str`Welcome, ${ISOLATE(invitation?.name ?? '')}`)}</h2>
      <p part="invitee">${msg(html`Set a password for ${html`<span part="login-id" dir="ltr">${maskLoginId(loginId)}</span>`}.`)}</p>
      <input type="text" name="username" autocomplete="username" .value=${loginId} readonly hidden />
      <div part="field">
        <label part="label" for="password">${msg('New password')}</label>
        <input id="password" part="input password-input" name="password" type=${type} autocomplete="new-password" autocapitalize="off" spellcheck="false"
          .enterKeyHint=${'next'} aria-describedby="password-hint password-feedback password-error" aria-invalid=${this.passwordError ? 'true' : 'false'}
          ?readonly=${busy} @input=${this._onInput} />
        <p id="password-hint" part="hint">${this._useAtLeast()} ${msg('Spaces and emoji are fine. Avoid common passwords and your login ID.')}</p>
        <p id="password-feedback" part="feedback" class=${this.passwordCheck === 'ok' ? 'ok' : ''}>${this.passwordError ? '' : feedback}</p>
        <p id="password-error" part="error">${this.passwordError}</p>
      </div>
      <div part="field">
        <label part="label" for="confirmation">${msg('Type it again')}</label>
        <input id="confirmation" part="input confirmation-input" name="confirmation" type=${type} autocomplete="new-password" autocapitalize="off" spellcheck="false"
          .enterKeyHint=${'done'} aria-describedby="confirmation-feedback confirmation-error" aria-invalid=${this.confirmationError ? 'true' : 'false'}
          ?readonly=${busy} @input=${this._onInput} />
        <p id="confirmation-feedback" part="feedback" class=${this.confirmationState === 'match' ? 'ok' : ''}>${this.confirmationError ? '' : this._confirmationText()}</p>
        <p id="confirmation-error" part="error">${this.confirmationError}</p>
      </div>
      <button part="toggle-button" class="secondary" type="button" aria-pressed=${this.revealed ? 'true' : 'false'} aria-controls="password confirmation"
        @click=${() => (this.revealed = !this.revealed)}>${msg('Show passwords')}</button>
      <p id="submit-error" part="error" tabindex="-1" role="alert">${this.submitError}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <button part="submit-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>${msg('Setting your password…')}` : msg('Set password')}
      </button>
    </form>`;
  }
}
