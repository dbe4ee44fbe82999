// Every public fixture, from file to invitations, by keyboard alone, half of them in Spanish:
// the admin picks the file, lands on the review heading, tabs to "Send", and every user the review
// called ready is invited (or, for a file that cannot be used, the problem is explained).
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/bulk-upload.js';
import type { BulkUploadElement } from '../../src/bulk-upload.js';
import { setLocale } from '../../src/localization.js';
import { createMemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import { readFixture, readManifest } from '../helpers/fixtures.js';

function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function tabTo(match: (el: Element) => boolean, what: string, max = 400): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && match(active)) return active;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('every public fixture by keyboard, in English or Spanish', () => {
  after(() => setLocale('en'));

  it('goes from file to invitations, or explains why the file cannot be used', async function () {
    this.timeout(180_000);
    const entries = await readManifest();
    let invitedTotal = 0;
    for (const [i, entry] of entries.entries()) {
      const locale = i % 2 ? 'es' : 'en';
      await setLocale(locale);
      const options = entry.options as { brand?: string; defaultCountry?: string; headerMode?: string; maxRows?: number; existingLoginIds?: string[] };
      // The element has no existingLoginIds: the backend's look-up before sending finds them instead.
      const adapter = createMemoryAdapter({ existingLoginIds: options.existingLoginIds ?? [] });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button>start</button>
        <bulk-upload
          persist="none"
          brand=${options.brand ?? 'iPlum'}
          default-country=${options.defaultCountry ?? ''}
          header-mode=${options.headerMode ?? 'strict'}
          max-rows=${options.maxRows ?? 50000}
          batch-size="500"
          .adapter=${adapter}
        ></bulk-upload>
      </div>`);
      const el = wrapper.querySelector('bulk-upload') as BulkUploadElement;
      await el.updateComplete;
      (wrapper.querySelector('button') as HTMLButtonElement).focus();
      const input = (await tabTo((a) => a instanceof HTMLInputElement && a.type === 'file', 'the file button')) as HTMLInputElement;
      const picked = new DataTransfer();
      picked.items.add(new File([await readFixture(entry.file)], entry.file));
      input.files = picked.files;
      const validated = oneEvent(el, 'bulk-upload-validated');
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const { detail } = await validated;
      await el.updateComplete;
      await waitUntil(() => deepActive()?.getAttribute('part') === 'heading', `${entry.file}: focus on the review heading`);
      const report = detail.report;
      expect([...new Set(report.fileIssues.map((issue: { code: string }) => issue.code))], entry.file).to.deep.equal(entry.expect.fileIssues);

      if (!entry.expect.ok) {
        const problems = el.shadowRoot!.querySelector('[part=file-problems]');
        expect(problems?.getAttribute('role'), entry.file).to.equal('alert');
        expect(problems!.textContent!.trim().length, entry.file).to.be.greaterThan(20);
        expect(el.shadowRoot!.querySelector('[part=send-button]'), entry.file).to.equal(null);
        continue;
      }
      const ready = report.rows.filter((row: { record?: unknown }) => row.record).length;
      const existing = options.existingLoginIds?.length ?? 0;
      expect(ready, entry.file).to.equal(entry.expect.summary!.valid + existing);

      await tabTo((a) => a.getAttribute('part') === 'send-button', `${entry.file}: Send`);
      const submitted = oneEvent(el, 'bulk-upload-submitted');
      await sendKeys({ press: 'Enter' });
      const sent = (await submitted).detail.sendReport.summary;
      expect(sent, entry.file).to.deep.equal({ invited: ready - existing, rejected: existing, unconfirmed: 0 });
      expect(adapter.invitations.size, entry.file).to.equal(ready - existing);
      await el.updateComplete;
      await waitUntil(() => deepActive()?.getAttribute('part') === 'heading', `${entry.file}: focus on the results heading`);
      expect(el.state).to.equal('done');
      invitedTotal += sent.invited;
    }
    expect(invitedTotal).to.be.greaterThan(1900);
  });
});
