import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/bulk-upload.js';
import type { BulkUploadElement } from '../../src/bulk-upload.js';
import { readFixture } from '../helpers/fixtures.js';

async function upload(): Promise<BulkUploadElement> {
  return fixture<BulkUploadElement>(html`<bulk-upload></bulk-upload>`);
}

describe('<bulk-upload>', () => {
  it('starts ready: instructions, the template, and a file button reachable by keyboard', async () => {
    const el = await upload();
    expect(el.state).to.equal('ready');
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=instructions]')!.textContent).to.contain('country code');
    expect(root.querySelector('[part=template-button]')!.textContent).to.contain('Download template');
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    input.focus();
    expect(root.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('validates a real Excel export in the worker and shows the review', async () => {
    const el = await upload();
    const bytes = await readFixture('google-sheets-export.csv');
    const validated = oneEvent(el, 'bulk-upload-validated');
    void el.validateFile(new File([bytes as BlobPart], 'google-sheets-export.csv', { type: 'text/csv' }));
    const { detail } = await validated;
    expect(detail.report.summary).to.deep.include({ rows: 8, valid: 6, invalid: 2 });
    await el.updateComplete;
    expect(el.state).to.equal('review');
    const table = el.shadowRoot!.querySelector('row-error-table')!;
    await table.updateComplete;
    expect(table.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('tells the page how many rows there are while it validates them', async () => {
    const el = await upload();
    const progress: Array<{ done: number; total: number }> = [];
    el.addEventListener('bulk-upload-progress', (event) => progress.push(event.detail));
    const report = await el.validateFile(new File([await readFixture('big-realistic-2000.csv') as BlobPart], 'big.csv'));
    const rows = report!.summary.rows;
    const counted = progress.filter((p) => p.done > 0);
    expect(counted.length).to.be.greaterThan(0);
    expect(counted.map((p) => p.total)).to.deep.equal(counted.map(() => rows));
  });

  it('explains a workbook uploaded by mistake', async () => {
    const el = await upload();
    const validated = oneEvent(el, 'bulk-upload-validated');
    void el.validateFile(new File([await readFixture('users.csv') as BlobPart], 'users.csv'));
    const { detail } = await validated;
    expect(detail.report.fileIssues.map((issue: { code: string }) => issue.code)).to.deep.equal(['file.unsupported_type']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.match(/CSV/);
  });

  it('goes back to ready when validation is cancelled', async () => {
    const el = await upload();
    const big = await readFixture('big-realistic-2000.csv');
    const run = el.validateFile(new File([big as BlobPart], 'big.csv'));
    await waitUntil(() => el.state === 'validating');
    el.cancel();
    expect(await run).to.equal(undefined);
    await el.updateComplete;
    expect(el.state).to.equal('ready');
  });
});
