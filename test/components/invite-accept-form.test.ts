import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/invite-accept-form.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import type { InviteAcceptFormElement } from '../../src/invite-accept-form.js';
import { maskLoginId } from '../../src/invite-accept-form.js';

async function invited(loginId = 'maria.lopez@acme.example'): Promise<{ adapter: MemoryAdapter; token: string }> {
  const adapter = createMemoryAdapter();
  const loginType = loginId.includes('@') ? 'email' : 'phone';
  await adapter.inviteUsers(
    [{ clientRowId: 'r1', loginType, loginId, email: 'maria.lopez@acme.example', name: 'María López', ...(loginType === 'phone' ? { phone: loginId } : {}) }],
    { signal: new AbortController().signal, idempotencyKey: 'k1' },
  );
  return { adapter, token: adapter.tokenFor(loginId)! };
}

async function form(adapter: MemoryAdapter, token: string): Promise<InviteAcceptFormElement> {
  const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter} token=${token} login-url="/login"></invite-accept-form>`);
  await waitUntil(() => el.state !== 'loading', 'the invitation never loaded');
  return el;
}

function fill(el: InviteAcceptFormElement, password: string, confirmation = password): void {
  const root = el.shadowRoot!;
  (root.querySelector('input[name=password]') as HTMLInputElement).value = password;
  (root.querySelector('input[name=confirmation]') as HTMLInputElement).value = confirmation;
  (root.querySelector('button[type=submit]') as HTMLButtonElement).click();
}

describe('<invite-accept-form>', () => {
  it('masks login IDs', () => {
    expect(maskLoginId('+14085550142')).to.equal('+1 ••• ••• 0142');
    expect(maskLoginId('a.person@example.com')).to.equal('a•••@example.com');
  });

  it('shows who is invited, with the login ID masked, and is accessible', async () => {
    const { adapter, token } = await invited('+14085550142');
    const el = await form(adapter, token);
    expect(el.state).to.equal('ready');
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).to.contain('María López');
    expect(text).to.contain('+1 ••• ••• 0142');
    expect(text).not.to.contain('4085550142');
    const username = el.shadowRoot!.querySelector('input[autocomplete=username]') as HTMLInputElement;
    expect(username.value).to.equal('+14085550142');
    expect(el.shadowRoot!.querySelectorAll('input[autocomplete=new-password]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('refuses a short password in place and keeps the form', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    fill(el, 'short');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('at least 8 characters');
    expect(el.state).to.equal('ready');
    expect(adapter.notifications).to.have.length(0);
  });

  it('accepts a good password, fires the event without the password, and clears the fields', async () => {
    const { adapter, token } = await invited();
    const el = await form(adapter, token);
    const accepted = oneEvent(el, 'invite-accept-form-accepted');
    fill(el, 'correct horse battery staple');
    const event = await accepted;
    expect(event.detail.loginId).to.equal('maria.lopez@acme.example');
    expect(JSON.stringify(event.detail)).not.to.contain('horse');
    await el.updateComplete;
    expect(el.state).to.equal('accepted');
    expect(adapter.notifications).to.have.length(1);
    expect(el.shadowRoot!.innerHTML).not.to.contain('horse');
    await expect(el).to.be.accessible();
  });

  it('says a link is invalid, expired or already used', async () => {
    const { adapter, token } = await invited();
    const invalid = await form(adapter, 'no-such-token');
    expect(invalid.state).to.equal('invalid');
    await expect(invalid).to.be.accessible();

    adapter.expire(token);
    const expired = await form(adapter, token);
    expect(expired.state).to.equal('expired');
    expect(expired.shadowRoot!.textContent).to.contain('Ask your administrator');
  });
});
