// <bulk-upload> from review to results: sending with the memory adapter and the reference server,
// the cancelable submit, cancel and retry without double invitations, rejections, the encoding picker,
// and resuming after a reload.
import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/bulk-upload.js';
import type { BulkUploadElement } from '../../src/bulk-upload.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import type { RowReport } from '../../src/core/types.js';
import { readFixture } from '../helpers/fixtures.js';

let keys = 0;
/** Each test gets its own storage key, so saved sessions never leak between tests. */
const uniqueKey = () => `test-${Date.now()}-${keys++}`;

async function reviewOf(fixtureName: string, adapter?: MemoryAdapter, key = uniqueKey()): Promise<BulkUploadElement> {
  const el = await fixture<BulkUploadElement>(html`<bulk-upload storage-key=${key} .adapter=${adapter}></bulk-upload>`);
  const bytes = await readFixture(fixtureName);
  await el.validateFile(new File([bytes], fixtureName, { type: 'text/csv' }));
  await el.updateComplete;
  expect(el.state).to.equal('review');
  return el;
}

const part = (el: BulkUploadElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const invitedLoginIds = (adapter: MemoryAdapter) => adapter.received.flatMap((r) => r.batch.map((u) => u.loginId));

describe('<bulk-upload> sending and results', () => {
  it('sends only the valid rows, shows each result, and says what happens next', async () => {
    const adapter = createMemoryAdapter();
    const el = await reviewOf('google-sheets-export.csv', adapter);
    const button = part(el, 'send-button') as HTMLButtonElement;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Send 6 invitations; 2 rows held back');
    expect(el.shadowRoot!.activeElement, 'focus moves to the review heading').to.equal(part(el, 'heading'));

    const submitted = oneEvent(el, 'bulk-upload-submitted');
    button.click();
    const { detail } = await submitted;
    expect(detail.sendReport.summary).to.deep.equal({ invited: 6, rejected: 0, unconfirmed: 0 });
    expect(invitedLoginIds(adapter)).to.have.length(6);
    await el.updateComplete;
    expect(el.state).to.equal('done');
    expect(part(el, 'summary')!.textContent).to.contain('6 users invited.');
    expect(part(el, 'next-steps')!.textContent).to.match(/text message/).and.match(/notified/).and.match(/port/);
    expect(part(el, 'retry-button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('6 users invited');
    await expect(el).to.be.accessible();
  });

  it('lets the host take over sending by cancelling bulk-upload-submit', async () => {
    const adapter = createMemoryAdapter();
    const el = await reviewOf('google-sheets-export.csv', adapter);
    el.addEventListener('bulk-upload-submit', (event) => event.preventDefault(), { once: true });
    const submit = oneEvent(el, 'bulk-upload-submit');
    part(el, 'send-button')!.click();
    const event = await submit;
    expect(event.detail.rows.map((row: RowReport) => row.record!.loginId)).to.have.length(6);
    await el.send(); // the same call the button makes, now resolved
    expect(el.state).to.equal('done');
    expect(adapter.received.length).to.be.greaterThan(0);
  });

  it('says when there is no backend to send to, and keeps the review', async () => {
    const el = await reviewOf('google-sheets-export.csv');
    const error = oneEvent(el, 'bulk-upload-error');
    part(el, 'send-button')!.click();
    expect((await error).detail.message).to.match(/endpoint/);
    await el.updateComplete;
    expect(el.state).to.equal('review');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.match(/no backend/);
  });

  it('cancels sending, then sends the rest again without inviting anyone twice', async () => {
    const adapter = createMemoryAdapter({ latency: 30 });
    const el = await fixture<BulkUploadElement>(html`<bulk-upload storage-key=${uniqueKey()} batch-size="100" .adapter=${adapter}></bulk-upload>`);
    el.batchSize = 50;
    await el.validateFile(new File([await readFixture('big-realistic-2000.csv')], 'big.csv'));
    const valid = el.currentReport!.rows.filter((r) => r.record).length;
    let cancelled = false;
    el.addEventListener('bulk-upload-progress', (event) => {
      if (!cancelled && event.detail.phase === 'sending' && event.detail.done >= 100) {
        cancelled = true;
        el.cancel();
      }
    });
    const first = oneEvent(el, 'bulk-upload-submitted');
    void el.send();
    const { detail } = await first;
    expect(detail.sendReport.summary.unconfirmed).to.be.greaterThan(0);
    await el.updateComplete;
    const retry = part(el, 'retry-button') as HTMLButtonElement;
    expect(retry.textContent).to.match(/Send again to [\d,]+ users not confirmed/);

    const second = oneEvent(el, 'bulk-upload-submitted');
    retry.click();
    await second;
    await el.updateComplete;
    const ids = invitedLoginIds(adapter);
    expect(adapter.invitations.size, 'every valid user invited exactly once').to.equal(valid);
    expect(new Set(ids).size).to.equal(valid);
    expect(part(el, 'summary')!.textContent).to.contain(`${valid.toLocaleString('en')} users invited.`);
    expect(part(el, 'retry-button')).to.equal(null);
  });

  it('shows the server’s reason for each rejected user', async () => {
    const el0 = await reviewOf('google-sheets-export.csv');
    const victim = el0.currentReport!.rows.find((r) => r.record)!.record!.loginId;
    const adapter = createMemoryAdapter({ rejectLoginIds: [victim] });
    const el = await reviewOf('google-sheets-export.csv', adapter);
    const done = oneEvent(el, 'bulk-upload-submitted');
    part(el, 'send-button')!.click();
    const { detail } = await done;
    expect(detail.sendReport.summary).to.deep.include({ invited: 5, rejected: 1 });
    await el.updateComplete;
    expect(part(el, 'summary')!.textContent).to.contain('1 user rejected by the server');
    const table = part(el, 'errors') as HTMLElement & { outcomes?: ReadonlyMap<number, { status: string; message?: string }> };
    const rejected = [...table.outcomes!.values()].filter((o) => o.status === 'rejected');
    expect(rejected).to.have.length(1);
    expect(rejected[0]!.message).to.be.a('string').and.not.equal('');
  });

  it('reads the file again in the encoding the admin picks', async () => {
    const el = await reviewOf('excel-win-csv-1252.csv');
    const select = part(el, 'file-info')!.querySelector('select')!;
    expect(select.value).to.equal('windows-1252');
    const obrien = () => el.currentReport!.rows.map((row) => row.values['name'] ?? '').find((name) => name.includes('Brien'))!;
    expect(obrien().includes('\u2019'), obrien()).to.equal(true);
    const validated = oneEvent(el, 'bulk-upload-validated');
    select.value = 'utf-8';
    select.dispatchEvent(new Event('change'));
    const { detail } = await validated;
    expect(detail.report.file.encoding).to.equal('utf-8');
    expect(obrien().includes('\uFFFD'), obrien()).to.equal(true);
  });
});

describe('<bulk-upload> keeps the work across a reload', () => {
  it('offers to resume the review, with the same rows', async () => {
    const key = uniqueKey();
    const first = await reviewOf('google-sheets-export.csv', undefined, key);
    const rows = first.currentReport!.rows.length;
    await waitUntil(async () => (await openSaved(key)) !== undefined, 'the review is saved');
    first.remove();

    const again = await fixture<BulkUploadElement>(html`<bulk-upload storage-key=${key}></bulk-upload>`);
    await waitUntil(() => part(again, 'resume'), 'the resume offer appears');
    expect(part(again, 'resume')!.textContent).to.contain('google-sheets-export.csv');
    await expect(again).to.be.accessible();
    (part(again, 'resume')!.querySelector('button.primary') as HTMLButtonElement).click();
    await again.updateComplete;
    expect(again.state).to.equal('review');
    expect(again.currentReport!.rows.length).to.equal(rows);
    again.startOver();
    await waitUntil(async () => (await openSaved(key)) === undefined, 'starting over forgets it');
  });

  it('keeps the fixes made in place: a reload restores the fixed rows', async () => {
    const key = uniqueKey();
    const el = await reviewOf('google-sheets-export.csv', undefined, key);
    const table = part(el, 'errors') as HTMLElement & { code: string; updateComplete: Promise<unknown>; shadowRoot: ShadowRoot };
    table.code = 'phone.missing_plus';
    await table.updateComplete;
    const changed = oneEvent(el, 'row-error-table-change');
    (table.shadowRoot.querySelector('[part=apply-all-button]') as HTMLButtonElement).click();
    await changed;
    expect(el.currentReport!.summary.valid).to.equal(8);
    el.remove(); // a reload before the pause after the fixes: what was fixed is saved on the way out
    await waitUntil(async () => (await openSaved(key) as { report?: { summary: { valid: number } } } | undefined)?.report?.summary.valid === 8, 'the fixed review is saved');
    const again = await fixture<BulkUploadElement>(html`<bulk-upload storage-key=${key}></bulk-upload>`);
    await waitUntil(() => part(again, 'resume'));
    again.resume();
    expect(again.currentReport!.summary).to.deep.include({ valid: 8, invalid: 0 });
    again.startOver();
  });

  it('after an interrupted send, resumes with only the unconfirmed users to send', async () => {
    const key = uniqueKey();
    const adapter = createMemoryAdapter({ latency: 20 });
    const el = await fixture<BulkUploadElement>(html`<bulk-upload storage-key=${key} .adapter=${adapter}></bulk-upload>`);
    el.batchSize = 2;
    await el.validateFile(new File([await readFixture('google-sheets-export.csv')], 'users.csv'));
    el.addEventListener(
      'bulk-upload-progress',
      (event) => {
        if (event.detail.phase === 'sending' && event.detail.done >= 2) el.cancel();
      },
    );
    await el.send();
    const invitedBefore = adapter.invitations.size;
    expect(invitedBefore).to.be.within(2, 5);
    await waitUntil(async () => (await openSaved(key))?.phase === 'done', 'the results are saved');
    el.remove();

    const again = await fixture<BulkUploadElement>(html`<bulk-upload storage-key=${key} .adapter=${adapter}></bulk-upload>`);
    await waitUntil(() => part(again, 'resume'));
    again.resume();
    await again.updateComplete;
    expect(again.state).to.equal('done');
    const submit = oneEvent(again, 'bulk-upload-submit');
    part(again, 'retry-button')!.click();
    const { detail } = await submit;
    expect(detail.rows.length, 'only the users not confirmed are sent').to.equal(6 - invitedBefore);
    await oneEvent(again, 'bulk-upload-submitted');
    expect(adapter.invitations.size).to.equal(6);
    again.startOver();
  });

  it('saves nothing with persist="none"', async () => {
    const key = uniqueKey();
    const el = await fixture<BulkUploadElement>(html`<bulk-upload persist="none" storage-key=${key}></bulk-upload>`);
    await el.validateFile(new File([await readFixture('google-sheets-export.csv')], 'users.csv'));
    expect(await openSaved(key)).to.equal(undefined);
  });
});

/** Reads a saved session straight from IndexedDB, as the element would after a reload. */
function openSaved(key: string): Promise<{ phase: string } | undefined> {
  return new Promise((resolve) => {
    const request = indexedDB.open('bulk-enroll', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('sessions');
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction('sessions', 'readonly').objectStore('sessions').get(key);
      get.onsuccess = () => {
        db.close();
        resolve(get.result as { phase: string } | undefined);
      };
      get.onerror = () => resolve(undefined);
    };
    request.onerror = () => resolve(undefined);
  });
}
