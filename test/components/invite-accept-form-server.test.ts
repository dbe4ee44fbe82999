// <invite-accept-form> with only an `endpoint`, against the reference server over HTTP: it builds the REST
// adapter itself and maps the server's answers to its states.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../src/invite-accept-form.js';
import type { InviteAcceptFormElement, InviteAcceptFormErrorEvent } from '../../src/invite-accept-form.js';
import { createRestAdapter } from '../../src/core/adapter/rest-adapter.js';
import { createMemoryAdapter } from '../../src/core/adapter/memory-adapter.js';

async function referenceServer(): Promise<string> {
  const { url } = (await (await fetch('/__reference-server-url')).json()) as { url: string };
  return url;
}

describe('<invite-accept-form> against the reference server', () => {
  it('says an unknown token does not work (404), with no script but the endpoint', async () => {
    const endpoint = await referenceServer();
    const errors: InviteAcceptFormErrorEvent[] = [];
    const el = await fixture<InviteAcceptFormElement>(
      html`<invite-accept-form endpoint=${endpoint} token="no-such-token" @invite-accept-form-error=${(e: InviteAcceptFormErrorEvent) => errors.push(e)}></invite-accept-form>`,
    );
    await waitUntil(() => el.state === 'invalid', `never invalid, at ${el.state}`, { timeout: 10000 });
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail).to.include({ phase: 'lookup', kind: 'not_found', status: 404 });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('offers a retry when the server cannot be reached, and recovers once it can', async () => {
    const endpoint = await referenceServer();
    const errors: InviteAcceptFormErrorEvent[] = [];
    const el = await fixture<InviteAcceptFormElement>(
      html`<invite-accept-form endpoint="http://127.0.0.1:9" token="some-token" @invite-accept-form-error=${(e: InviteAcceptFormErrorEvent) => errors.push(e)}></invite-accept-form>`,
    );
    await waitUntil(() => el.state === 'error', `never error, at ${el.state}`, { timeout: 15000 });
    expect(errors[0]!.detail).to.include({ phase: 'lookup', kind: 'network' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('could not reach the server');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await waitUntil(() => errors.length === 2, 'the retry did not ask again', { timeout: 15000 });
    el.endpoint = endpoint;
    await waitUntil(() => el.state === 'invalid', 'a new endpoint was not used', { timeout: 10000 });
  });

  it('sends the password only in the body of the accept request, over HTTP, and maps the server’s answer', async () => {
    const endpoint = await referenceServer();
    const secret = 'Harbor Maple 9 Tundra';
    const requests: Array<{ url: string; method: string; headers: string; body: string }> = [];
    const rest = createRestAdapter({
      endpoint,
      fetch: (input, init) => {
        requests.push({ url: String(input), method: init?.method ?? 'GET', headers: JSON.stringify(init?.headers ?? {}), body: String(init?.body ?? '') });
        return fetch(input, init);
      },
    });
    // The reference server hands out no tokens to a browser: look the invitation up in memory, accept it over HTTP.
    const memory = createMemoryAdapter();
    await memory.inviteUsers([{ clientRowId: 's1', loginType: 'email', loginId: 'sam@acme.example', email: 'sam@acme.example', name: 'Sam' }], {
      signal: new AbortController().signal,
      idempotencyKey: 's',
    });
    const token = memory.tokenFor('sam@acme.example')!;
    const hybrid = { inviteUsers: memory.inviteUsers, getInvitation: memory.getInvitation, acceptInvitation: rest.acceptInvitation };
    const el = await fixture<InviteAcceptFormElement>(html`<invite-accept-form .adapter=${hybrid} token=${token}></invite-accept-form>`);
    await waitUntil(() => el.state === 'ready');
    await el.updateComplete;
    for (const id of ['#password', '#confirmation']) {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(id)!;
      input.value = secret;
      input.dispatchEvent(new InputEvent('input'));
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    // The server does not know this token: 404, the link does not work.
    await waitUntil(() => el.state === 'invalid', `never invalid, at ${el.state}`, { timeout: 10000 });
    expect(requests).to.have.length(1);
    expect(requests[0]!.method).to.equal('POST');
    expect(requests[0]!.url).to.equal(`${endpoint}/invitations/${token}/accept`);
    expect(JSON.parse(requests[0]!.body)).to.deep.equal({ password: secret });
    expect(requests[0]!.url + requests[0]!.headers).not.to.contain(secret.split(' ')[0]);
  });
});
