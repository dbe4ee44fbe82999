// <invite-accept-form> on a phone: touch targets, no horizontal scroll at 320 px, right-to-left,
// the dark colour scheme and reduced motion.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/invite-accept-form.js';
import { AdapterError, type EnrollmentAdapter } from '../../src/core/adapter/adapter.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/core/adapter/memory-adapter.js';
import type { InviteAcceptFormElement, InviteAcceptFormState } from '../../src/invite-accept-form.js';

async function invited(options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter(options);
  const loginId = 'maximiliana.wolfeschlegelsteinhausen@a-very-long-company-domain.example';
  await adapter.inviteUsers(
    [{ clientRowId: 'r1', loginType: 'email', loginId, email: loginId, name: 'Maximiliana Wolfeschlegelsteinhausenbergerdorff' }],
    { signal: new AbortController().signal, idempotencyKey: 'k1' },
  );
  return { adapter, token: adapter.tokenFor(loginId)! };
}

const failing: EnrollmentAdapter = {
  inviteUsers: () => Promise.resolve([]),
  getInvitation: () => Promise.reject(new AdapterError('network', 'Failed to fetch')),
  acceptInvitation: () => Promise.reject(new AdapterError('network', 'Failed to fetch')),
};

async function at(state: InviteAcceptFormState, dir: 'ltr' | 'rtl' = 'ltr'): Promise<InviteAcceptFormElement> {
  const { adapter, token } = await invited();
  if (state === 'expired') adapter.expire(token);
  if (state === 'already-accepted') await adapter.acceptInvitation(token, 'a long enough phrase', { signal: new AbortController().signal });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div dir=${dir}><invite-accept-form .adapter=${state === 'error' ? failing : adapter} token=${token} login-url="/login"></invite-accept-form></div>`,
  );
  const el = wrapper.querySelector('invite-accept-form')!;
  await waitUntil(() => el.state === state, `never reached ${state}, at ${el.state}`);
  await el.updateComplete;
  return el;
}

function assertFits(el: InviteAcceptFormElement): void {
  expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(window.innerWidth);
  const host = el.getBoundingClientRect();
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0) continue;
    expect(box.right, `${node.localName}.${node.getAttribute('part')} fits`).to.be.at.most(host.right + 0.5);
    expect(box.left, `${node.localName}.${node.getAttribute('part')} fits`).to.be.at.least(host.left - 0.5);
  }
}

function assertTouchTargets(el: InviteAcceptFormElement): void {
  const targets = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], input:not([hidden])')];
  expect(targets.length).to.equal(el.state === 'expired' ? 0 : el.state === 'ready' ? 4 : 1);
  for (const target of targets) {
    const box = target.getBoundingClientRect();
    expect(box.height, `${target.localName} ${target.textContent?.trim()} height`).to.be.at.least(44);
    expect(box.width, `${target.localName} ${target.textContent?.trim()} width`).to.be.at.least(44);
  }
}

describe('<invite-accept-form> on a phone', () => {
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const state of ['ready', 'expired', 'already-accepted', 'error'] as const) {
    it(`fits 320 px with touch targets of 44 px or more: ${state}`, async () => {
      const el = await at(state);
      assertFits(el);
      assertTouchTargets(el);
    });
  }

  it('fits 320 px when accepted', async () => {
    const el = await at('ready');
    const root = el.shadowRoot!;
    for (const id of ['#password', '#confirmation']) {
      const input = root.querySelector<HTMLInputElement>(id)!;
      input.value = 'an unusual pass phrase';
      input.dispatchEvent(new InputEvent('input'));
    }
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.state === 'accepted');
    await el.updateComplete;
    assertFits(el);
    assertTouchTargets(el);
  });

  it('lays out right to left with logical properties, the login ID kept left to right; accessible', async () => {
    const el = await at('ready', 'rtl');
    assertFits(el);
    const label = el.shadowRoot!.querySelector('label')!;
    const input = el.shadowRoot!.querySelector('#password')!;
    expect(getComputedStyle(input).direction).to.equal('rtl');
    expect(label.getBoundingClientRect().right, 'labels start on the right').to.be.closeTo(input.getBoundingClientRect().right, 1);
    const toggle = el.shadowRoot!.querySelector('[part~=toggle-button]')!;
    expect(toggle.getBoundingClientRect().right, 'the toggle starts on the right').to.be.closeTo(input.getBoundingClientRect().right, 1);
    expect(el.shadowRoot!.querySelector('[part~=login-id]')!.getAttribute('dir')).to.equal('ltr');
    await expect(el).to.be.accessible();
  });

  it('has a dark colour scheme, accessible in every state', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    for (const state of ['ready', 'expired', 'already-accepted', 'error'] as const) {
      const el = await at(state);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 24, 39)');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
    }
    await emulateMedia({ colorScheme: 'light' });
    const light = await at('ready');
    expect(getComputedStyle(light).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('lets tokens override the colours in both schemes', async () => {
    const el = await at('ready');
    el.style.setProperty('--invite-accept-form-surface-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('stops the spinner when the user prefers reduced motion', async () => {
    const { adapter, token } = await invited({ latency: 5000 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter} token=${token}></invite-accept-form>`);
    const spinner = el.shadowRoot!.querySelector('[part~=spinner]')!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
  });
});
