// The admin's whole flow by keyboard alone, with focus moved to the right place at each state and
// axe-core clean in every state; and the same flow laid out right to left and in the dark scheme.
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, emulateMedia } from '@web/test-runner-commands';
import '../../src/bulk-upload.js';
import type { BulkUploadElement } from '../../src/bulk-upload.js';
import { createMemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import { readFixture } from '../helpers/fixtures.js';

/** The element that really has focus, through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const label = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Presses Tab until `match` holds for the focused element (at most `max` presses). */
async function tabTo(match: (el: Element) => boolean, what: string, max = 40): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && match(active)) return active;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

describe('<bulk-upload> by keyboard alone', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const variant of ['ltr', 'rtl', 'dark'] as const) {
    it(`takes a file from choosing to invitations (${variant})`, async () => {
      if (variant === 'dark') await emulateMedia({ colorScheme: 'dark' });
      const adapter = createMemoryAdapter();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir=${variant === 'rtl' ? 'rtl' : 'ltr'}><button>before</button><bulk-upload persist="none" .adapter=${adapter}></bulk-upload></div>`,
      );
      const el = wrapper.querySelector('bulk-upload') as BulkUploadElement;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      (wrapper.querySelector('button') as HTMLButtonElement).focus();

      await tabTo((a) => a.getAttribute('part') === 'template-button', 'Download template');
      const input = (await tabTo((a) => a instanceof HTMLInputElement && a.type === 'file', 'the file button')) as HTMLInputElement;
      // Enter or Space opens the system's file picker, which a headless browser cannot show: choose the file as it would.
      const picked = new DataTransfer();
      picked.items.add(new File([await readFixture('google-sheets-export.csv')], 'users.csv', { type: 'text/csv' }));
      input.files = picked.files;
      const validated = oneEvent(el, 'bulk-upload-validated');
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await validated;
      await el.updateComplete;
      await waitUntil(() => deepActive()?.getAttribute('part') === 'heading', 'focus moves to the review heading');
      expect(label(deepActive())).to.equal('Review users.csv');
      await expect(el).to.be.accessible();

      // Fix every missing + at once: the group, then its "Add + to …" button.
      const group = await tabTo((a) => label(a).startsWith('Phone number without +'), 'the missing + group');
      await sendKeys({ press: 'Enter' });
      expect(group.getAttribute('aria-pressed')).to.equal('true');
      await tabTo((a) => a.getAttribute('part') === 'apply-all-button', 'Add + to all');
      expect(label(deepActive())).to.equal('Add + to 2 phone numbers');
      const changed = oneEvent(el, 'row-error-table-change');
      await sendKeys({ press: 'Enter' });
      await changed;
      await el.updateComplete;
      expect(el.currentReport!.summary).to.deep.include({ valid: 8, invalid: 0 });
      await expect(el).to.be.accessible();

      const send = await tabTo((a) => a.getAttribute('part') === 'send-button', 'the send button');
      expect(label(send)).to.equal('Send 8 invitations');
      const submitted = oneEvent(el, 'bulk-upload-submitted');
      await sendKeys({ press: 'Enter' });
      await submitted;
      await el.updateComplete;
      await waitUntil(() => label(deepActive()) === 'Invitations sent', 'focus moves to the results heading');
      expect(adapter.invitations.size).to.equal(8);
      await expect(el).to.be.accessible();
      await tabTo((a) => a.getAttribute('part') === 'results-button', 'Download the results');
      await tabTo((a) => a.getAttribute('part') === 'restart-button', 'Enroll more users');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      await waitUntil(() => label(deepActive()) === 'Add users in bulk', 'focus moves back to the start');
    });
  }

  it('holds its layout right to left: the drop zone and actions mirror', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 600px"><bulk-upload persist="none"></bulk-upload></div>`);
    const el = wrapper.querySelector('bulk-upload') as BulkUploadElement;
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('[part=instructions]') as HTMLElement;
    const style = getComputedStyle(list);
    expect(style.direction).to.equal('rtl');
    expect(parseFloat(style.paddingRight)).to.be.greaterThan(0); // the list's indent is on the reading side
    expect(parseFloat(style.paddingLeft)).to.equal(0);
    const template = el.shadowRoot!.querySelector('[part=template-button]')!.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(host.right - template.right).to.be.lessThan(host.width / 2); // first action starts on the right
  });
});
