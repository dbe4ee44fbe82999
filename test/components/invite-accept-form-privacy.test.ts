// The password never appears in a log, an attribute, an event's detail, storage or a URL, and is
// cleared from the element after success.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../src/invite-accept-form.js';
import { createMemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import type { InviteAcceptFormElement } from '../../src/invite-accept-form.js';

const SECRET = 'Zebra-Quartz 7 Lantern';
const WEAK_FOR_BACKEND = 'Otter-Violin 42';
const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir'] as const;

/** Every attribute in the document and in the element's shadow tree. */
function allAttributes(root: Document | ShadowRoot): string[] {
  const out: string[] = [];
  for (const node of root.querySelectorAll('*')) {
    for (const attr of node.attributes) out.push(`${attr.name}=${attr.value}`);
    if (node.shadowRoot) out.push(...allAttributes(node.shadowRoot));
  }
  return out;
}

function storage(): string {
  const all: string[] = [document.cookie];
  for (const store of [localStorage, sessionStorage])
    for (let i = 0; i < store.length; i++) all.push(`${store.key(i)}=${store.getItem(store.key(i)!)}`);
  return all.join('\n');
}

describe('<invite-accept-form> privacy', () => {
  const logged: string[] = [];
  const originals = new Map<string, (...args: unknown[]) => void>();
  beforeEach(() => {
    logged.length = 0;
    for (const name of methods) {
      const original = console[name] as (...args: unknown[]) => void;
      originals.set(name, original);
      (console as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
        original.apply(console, args);
      };
    }
  });
  afterEach(() => {
    for (const name of methods) (console as unknown as Record<string, unknown>)[name] = originals.get(name);
  });

  it('keeps the password out of logs, attributes, events, storage and the URL, and clears it after success', async () => {
    const adapter = createMemoryAdapter({ minPasswordLength: 16 });
    await adapter.inviteUsers([{ clientRowId: 'p1', loginType: 'email', loginId: 'pat@acme.example', email: 'pat@acme.example', name: 'Pat' }], {
      signal: new AbortController().signal,
      idempotencyKey: 'p',
    });
    const token = adapter.tokenFor('pat@acme.example')!;
    const details: string[] = [];
    const record = (e: Event) => details.push(JSON.stringify((e as CustomEvent).detail));
    document.addEventListener('invite-accept-form-accepted', record);
    document.addEventListener('invite-accept-form-error', record);
    const hrefBefore = location.href;
    try {
      const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter} token=${token}></invite-accept-form>`);
      await waitUntil(() => el.state === 'ready');
      await el.updateComplete;
      const root = el.shadowRoot!;
      const leaks = (secret: string) => {
        const found: string[] = [];
        if (logged.some((line) => line.includes(secret))) found.push('log');
        if (allAttributes(document).some((a) => a.includes(secret))) found.push('attribute');
        if (details.some((d) => d.includes(secret))) found.push('event');
        if (storage().includes(secret)) found.push('storage');
        if (location.href.includes(encodeURIComponent(secret)) || location.href.includes(secret)) found.push('url');
        for (const [key, value] of Object.entries(el)) if (typeof value === 'string' && value.includes(secret)) found.push(`property ${key}`);
        return found;
      };
      const submit = async (value: string) => {
        for (const id of ['#password', '#confirmation']) {
          const input = root.querySelector<HTMLInputElement>(id)!;
          input.value = value;
          input.dispatchEvent(new InputEvent('input'));
        }
        await el.updateComplete;
        root.querySelector<HTMLInputElement>('[part~=toggle-button]')!.click();
        await el.updateComplete;
        expect(leaks(value), 'while typing, shown').to.deep.equal([]);
        root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      };

      // Refused by the backend (password.weak): an error event, a message in place.
      await submit(WEAK_FOR_BACKEND);
      await waitUntil(() => details.length === 1, 'no error event');
      await el.updateComplete;
      expect(root.querySelector('#password-error')!.textContent).to.contain('16');
      expect(leaks(WEAK_FOR_BACKEND)).to.deep.equal([]);

      // Accepted.
      await submit(SECRET);
      await waitUntil(() => el.state === 'accepted', 'never accepted');
      await el.updateComplete;
      expect(details).to.have.length(2);
      expect(leaks(SECRET)).to.deep.equal([]);
      expect(root.innerHTML).not.to.contain(SECRET);
      expect(root.textContent).not.to.contain(SECRET);
      for (const input of root.querySelectorAll('input')) expect(input.value).not.to.contain(SECRET);
      expect(location.href).to.equal(hrefBefore);
    } finally {
      document.removeEventListener('invite-accept-form-accepted', record);
      document.removeEventListener('invite-accept-form-error', record);
    }
  });

  it('empties the password inputs before it leaves the form state', async () => {
    const adapter = createMemoryAdapter({ latency: 50 });
    await adapter.inviteUsers([{ clientRowId: 'p2', loginType: 'email', loginId: 'lee@acme.example', email: 'lee@acme.example', name: 'Lee' }], {
      signal: new AbortController().signal,
      idempotencyKey: 'q',
    });
    const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${adapter} token=${adapter.tokenFor('lee@acme.example')!}></invite-accept-form>`);
    await waitUntil(() => el.state === 'ready');
    await el.updateComplete;
    const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('#password, #confirmation')];
    for (const input of inputs) {
      input.value = SECRET;
      input.dispatchEvent(new InputEvent('input'));
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.state === 'accepted');
    // Even a reference to the old inputs (say, kept by a password-manager extension) holds nothing.
    for (const input of inputs) expect(input.value).to.equal('');
  });
});
