// <invite-accept-form> with only an `endpoint`, against the reference server over HTTP: it builds the REST
// adapter itself and maps the server's answers to its states.
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../src/invite-accept-form.js';
import type { InviteAcceptFormElement, InviteAcceptFormErrorEvent } from '../../src/invite-accept-form.js';

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
});
