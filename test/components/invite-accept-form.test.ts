import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invite-accept-form.js';
import { AdapterError, type EnrollmentAdapter } from '../../src/core/adapter/adapter.js';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/core/adapter/memory-adapter.js';
import type { InviteAcceptFormElement, InviteAcceptFormErrorEvent } from '../../src/invite-accept-form.js';
import { maskLoginId } from '../../src/invite-accept-form.js';

const GOOD = 'correct horse battery staple';

async function invited(loginId = 'maria.lopez@acme.example', options: MemoryAdapterOptions = {}): Promise<{ adapter: MemoryAdapter; token: string }> {
  const adapter = createMemoryAdapter(options);
  const loginType = loginId.includes('@') ? 'email' : 'phone';
  await adapter.inviteUsers(
    [{ clientRowId: 'r1', loginType, loginId, email: 'maria.lopez@acme.example', name: 'María López', ...(loginType === 'phone' ? { phone: loginId } : {}) }],
    { signal: new AbortController().signal, idempotencyKey: 'k1' },
  );
  return { adapter, token: adapter.tokenFor(loginId)! };
}

async function form(adapter: EnrollmentAdapter, token: string, loginUrl = '/login'): Promise<InviteAcceptFormElement> {
  const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter} token=${token} login-url=${loginUrl}></invite-accept-form>`);
  await waitUntil(() => el.state !== 'loading', 'the invitation never loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: InviteAcceptFormElement, selector: string) => el.shadowRoot!.querySelector(selector) as T;
const password = (el: InviteAcceptFormElement) => $<HTMLInputElement>(el, '#password');
const confirmation = (el: InviteAcceptFormElement) => $<HTMLInputElement>(el, '#confirmation');

/** Types as a paste or an input method would: sets the value and fires `input`. */
async function type(el: InviteAcceptFormElement, which: 'password' | 'confirmation', value: string): Promise<void> {
  const input = which === 'password' ? password(el) : confirmation(el);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fill(el: InviteAcceptFormElement, value: string, again = value): Promise<void> {
  await type(el, 'password', value);
  await type(el, 'confirmation', again);
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
}

/** An adapter whose calls fail once with the given error before reaching the memory backend. */
function failingOnce(inner: MemoryAdapter, method: 'getInvitation' | 'acceptInvitation', error: Error): EnrollmentAdapter & { calls: number } {
  let failed = false;
  const wrapped = {
    calls: 0,
    inviteUsers: inner.inviteUsers.bind(inner),
    getInvitation: (token: string, ctx: { signal: AbortSignal }) => {
      if (method === 'getInvitation' && !failed) {
        failed = true;
        return Promise.reject(error);
      }
      return inner.getInvitation(token, ctx);
    },
    acceptInvitation: (token: string, pw: string, ctx: { signal: AbortSignal }) => {
      wrapped.calls++;
      if (method === 'acceptInvitation' && !failed) {
        failed = true;
        return Promise.reject(error);
      }
      return inner.acceptInvitation(token, pw, ctx);
    },
  };
  return wrapped;
}

const focused = (el: InviteAcceptFormElement) => el.shadowRoot!.activeElement;

describe('<invite-accept-form>', () => {
  it('masks login IDs', () => {
    expect(maskLoginId('+14085550142')).to.equal('+1 ••• ••• 0142');
    expect(maskLoginId('+447911123456')).to.equal('+44 ••• ••• 3456');
    expect(maskLoginId('a.person@example.com')).to.equal('a•••@example.com');
  });

  it('shows a loading state, then who is invited with the login ID masked, moving focus to the heading; accessible', async () => {
    const { adapter, token } = await invited('+14085550142', { latency: 150 });
    const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter} token=${token}></invite-accept-form>`);
    expect(el.state).to.equal('loading');
    expect($(el, '[part~=heading]').textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready', 'never ready');
    await el.updateComplete;
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).to.contain('María López');
    expect(text).to.contain('+1 ••• ••• 0142');
    expect(text).not.to.contain('4085550142');
    expect(focused(el)).to.equal($(el, 'h2[part~=heading]'));
    await expect(el).to.be.accessible();
  });

  it('gives password managers a username field with the login ID and new-password fields', async () => {
    const { adapter, token } = await invited('+14085550142');
    const el = await form(adapter, token);
    const username = $<HTMLInputElement>(el, 'input[autocomplete=username]');
    expect(username.value).to.equal('+14085550142');
    expect(username.form).to.equal(password(el).form);
    expect(el.shadowRoot!.querySelectorAll('input[autocomplete=new-password]').length).to.equal(2);
    expect(password(el).type).to.equal('password');
    expect(password(el).hasAttribute('maxlength'), 'no length cap on what can be typed or pasted').to.equal(false);
  });

  it('reads the token from the page URL when the attribute is empty', async () => {
    const { adapter, token } = await invited();
    const before = location.href;
    history.replaceState(null, '', `?token=${token}`);
    try {
      const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter}></invite-accept-form>`);
      await waitUntil(() => el.state === 'ready', 'the URL token was not used');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says a link without a token does not work', async () => {
    const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${createMemoryAdapter()}></invite-accept-form>`);
    await waitUntil(() => el.state === 'invalid');
    expect($(el, '[part~=heading]').textContent).to.contain('does not work');
  });

  it('gives feedback while typing, announced politely after a pause, counting code points', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    const status = $(el, '[role=status]');
    expect(status.textContent!.trim()).to.equal('');
    await type(el, 'password', '🔑🔑🔑🔑🔑');
    expect($(el, '#password-feedback').textContent).to.contain('3 more characters needed');
    expect(status.textContent!.trim(), 'not announced at every keystroke').to.equal('');
    await waitUntil(() => status.textContent!.includes('3 more characters needed'), 'never announced');
    await type(el, 'password', '🔑🔑🔑🔑🔑🔑🔑');
    expect($(el, '#password-feedback').textContent).to.contain('1 more character needed');
    await type(el, 'password', '🔑 🔑 🔑 🔑🔑');
    expect($(el, '#password-feedback').textContent, 'spaces and emoji count, 8 code points').to.contain('Good password');
    await type(el, 'confirmation', '🔑 🔑');
    expect($(el, '#confirmation-feedback').textContent!.trim(), 'a prefix is not yet a mismatch').to.equal('');
    await type(el, 'confirmation', '🔑 X');
    expect($(el, '#confirmation-feedback').textContent).to.contain('do not match');
    await type(el, 'confirmation', '🔑 🔑 🔑 🔑🔑');
    expect($(el, '#confirmation-feedback').textContent).to.contain('match');
    await waitUntil(() => status.textContent!.includes('The passwords match'), 'the match was not announced');
    await expect(el).to.be.accessible();
  });

  it('refuses a short password in place, focusing the field, without asking the backend', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    await fill(el, 'short');
    await el.updateComplete;
    expect($(el, '#password-error').textContent).to.contain('Use at least 8 characters');
    expect(password(el).getAttribute('aria-invalid')).to.equal('true');
    expect(password(el).getAttribute('aria-describedby')).to.contain('password-error');
    expect(focused(el)).to.equal(password(el));
    expect(el.state).to.equal('ready');
    expect(adapter.notifications).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('follows min-password-length', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    el.minPasswordLength = 12;
    await el.updateComplete;
    expect($(el, '#password-hint').textContent).to.contain('at least 12 characters');
    await fill(el, 'eleven char');
    expect($(el, '#password-error').textContent).to.contain('Use at least 12 characters');
  });

  it('refuses the login ID and common passwords, case-insensitively', async () => {
    const { adapter, token } = await invited('+14085550142');
    const el = await form(adapter, token);
    await fill(el, 'my 14085550142 pw');
    expect($(el, '#password-error').textContent).to.contain('login ID');
    await fill(el, 'Sunshine');
    expect($(el, '#password-error').textContent).to.contain('too common');
    await fill(el, 'PASSWORD1');
    expect($(el, '#password-error').textContent).to.contain('too common');
    expect(adapter.notifications).to.have.length(0);
    await type(el, 'password', 'a much less common phrase');
    expect($(el, '#password-error').textContent, 'the error clears once the password is fine').to.equal('');
  });

  it('refuses a confirmation that differs, focusing it', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    await fill(el, GOOD, 'correct horse battery stapel');
    expect($(el, '#confirmation-error').textContent).to.contain('do not match');
    expect(confirmation(el).getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(confirmation(el));
    expect(adapter.notifications).to.have.length(0);
  });

  it('shows and hides the passwords with a toggle button, and lets the invitee paste', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    const toggle = $<HTMLButtonElement>(el, '[part~=toggle-button]');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(password(el).type).to.equal('text');
    expect(confirmation(el).type).to.equal('text');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(password(el).type).to.equal('password');
    const paste = new Event('paste', { bubbles: true, composed: true, cancelable: true });
    password(el).dispatchEvent(paste);
    expect(paste.defaultPrevented, 'pasting is allowed').to.equal(false);
  });

  it('accepts a good password: submitting, then accepted, with the event, the link, focus and cleared fields', async () => {
    const { adapter, token } = await invited('maria.lopez@acme.example', { latency: 100 });
    const el = await form(adapter, token);
    let bubbledTo: EventTarget | null = null;
    document.addEventListener('invite-accept-form-accepted', (e) => (bubbledTo = e.currentTarget), { once: true });
    const accepted = oneEvent(el, 'invite-accept-form-accepted');
    await fill(el, GOOD);
    expect(el.state).to.equal('submitting');
    expect($(el, 'button[type=submit]').getAttribute('aria-disabled')).to.equal('true');
    expect(password(el).readOnly).to.equal(true);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await expect(el).to.be.accessible();
    const event = await accepted;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(bubbledTo).to.equal(document);
    expect(event.detail).to.deep.equal({ loginId: 'maria.lopez@acme.example', redirectUrl: '/login' });
    await el.updateComplete;
    expect(el.state).to.equal('accepted');
    expect(adapter.notifications, 'sent once despite the second click').to.have.length(1);
    expect($(el, '[part~=link-button]').getAttribute('href')).to.equal('/login');
    expect(focused(el)).to.equal($(el, '[part~=heading]'));
    expect(el.shadowRoot!.querySelectorAll('input[type=password], #password').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('continues to the backend’s redirectUrl when it gives one', async () => {
    const { adapter, token } = await invited('maria.lopez@acme.example', { redirectUrl: 'https://portal.example/welcome' });
    const el = await form(adapter, token);
    const accepted = oneEvent(el, 'invite-accept-form-accepted');
    await fill(el, GOOD);
    expect((await accepted).detail.redirectUrl).to.equal('https://portal.example/welcome');
    await el.updateComplete;
    expect($(el, '[part~=link-button]').getAttribute('href')).to.equal('https://portal.example/welcome');
  });

  it('shows the backend’s password.weak in place and keeps the form', async () => {
    const { adapter, token } = await invited('maria.lopez@acme.example', { minPasswordLength: 40 });
    const el = await form(adapter, token);
    const failed = oneEvent(el, 'invite-accept-form-error');
    await fill(el, GOOD);
    const event = (await failed) as InviteAcceptFormErrorEvent;
    expect(event.detail).to.include({ phase: 'accept', kind: 'weak_password', code: 'password.weak', status: 422 });
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect($(el, '#password-error').textContent).to.contain('Use at least 40 characters');
    expect(password(el).getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(password(el));
    expect(password(el).value, 'what was typed is kept to edit').to.equal(GOOD);
    await expect(el).to.be.accessible();
  });

  it('says a link is invalid, expired or already used, each accessible', async () => {
    const { adapter, token } = await invited();
    const invalid = await form(adapter, 'no-such-token');
    expect(invalid.state).to.equal('invalid');
    expect(focused(invalid)).to.equal($(invalid, '[part~=heading]'));
    await expect(invalid).to.be.accessible();

    adapter.expire(token);
    const expired = await form(adapter, token);
    expect(expired.state).to.equal('expired');
    expect(expired.shadowRoot!.textContent).to.contain('Ask your administrator to send you a new invitation');
    await expect(expired).to.be.accessible();

    const second = await invited();
    await second.adapter.acceptInvitation(second.token, GOOD, { signal: new AbortController().signal });
    const already = await form(second.adapter, second.token);
    expect(already.state).to.equal('already-accepted');
    expect($(already, 'a[part~=link-button]').getAttribute('href')).to.equal('/login');
    expect($(already, 'a[part~=link-button]').textContent).to.contain('Sign in');
    await expect(already).to.be.accessible();
  });

  it('goes to the right state when the invitation changed before submitting', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    adapter.expire(token);
    await fill(el, GOOD);
    await waitUntil(() => el.state === 'expired');
  });

  it('offers a retry after a failed look-up, moving focus along', async () => {
    const { adapter, token } = await invited();
    const flaky = failingOnce(adapter, 'getInvitation', new AdapterError('network', 'Failed to fetch'));
    const errors: InviteAcceptFormErrorEvent[] = [];
    const el = await fixture<InviteAcceptFormElement>(
      html`<invite-accept-form .adapter=${flaky} token=${token} @invite-accept-form-error=${(e: InviteAcceptFormErrorEvent) => errors.push(e)}></invite-accept-form>`,
    );
    await waitUntil(() => el.state === 'error', 'the failed look-up did not show');
    await el.updateComplete;
    expect(errors.map((e) => e.detail)).to.deep.equal([{ phase: 'lookup', kind: 'network', message: 'Failed to fetch' }]);
    expect($(el, '[part~=heading]').textContent).to.contain('Something went wrong');
    expect(focused(el)).to.equal($(el, '[part~=heading]'));
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await waitUntil(() => el.state === 'ready', 'the retry did not load the invitation');
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '[part~=heading]'));
  });

  it('keeps the form after a failed submission and tries again from the submit button', async () => {
    const { adapter, token } = await invited();
    const flaky = failingOnce(adapter, 'acceptInvitation', new AdapterError('server', 'The server is unavailable.', { status: 503 }));
    const el = await form(flaky, token);
    const failed = oneEvent(el, 'invite-accept-form-error');
    await fill(el, GOOD);
    expect(((await failed) as InviteAcceptFormErrorEvent).detail).to.include({ phase: 'accept', kind: 'server', status: 503 });
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect($(el, '#submit-error').textContent).to.contain('password was not set');
    expect($(el, '#submit-error').getAttribute('role')).to.equal('alert');
    expect(focused(el)).to.equal($(el, '#submit-error'));
    expect(password(el).value).to.equal(GOOD);
    await expect(el).to.be.accessible();
    const accepted = oneEvent(el, 'invite-accept-form-accepted');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await accepted;
    expect(flaky.calls).to.equal(2);
    expect(adapter.notifications).to.have.length(1);
  });

  it('can be used by keyboard alone', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    expect(focused(el)).to.equal($(el, '[part~=heading]'));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(password(el));
    await sendKeys({ type: 'tiny violet kettle' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(confirmation(el));
    await sendKeys({ type: 'tiny violet kettle' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part~=toggle-button]'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(password(el).type).to.equal('text');
    const accepted = oneEvent(el, 'invite-accept-form-accepted');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, 'button[type=submit]'));
    await sendKeys({ press: 'Enter' });
    await accepted;
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '[part~=heading]'));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part~=link-button]'));
  });
});
