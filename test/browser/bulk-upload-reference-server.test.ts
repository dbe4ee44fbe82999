// <bulk-upload> with nothing but an `endpoint`, against the reference backend over real HTTP on
// 127.0.0.1: a realistic 2,000-row file is read, fixed in bulk, sent, and every valid user is invited
// exactly once; and a file full of markup and script-like cells renders inert.
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/bulk-upload.js';
import type { BulkUploadElement, RowErrorTableElement } from '../../src/index.js';
import { readFixture } from '../helpers/fixtures.js';

async function endpoint(): Promise<string> {
  return ((await (await fetch('/__reference-server-url')).json()) as { url: string }).url;
}

describe('<bulk-upload endpoint> against the reference server', () => {
  it('validates, fixes in bulk, sends and reports 2,000 rows', async () => {
    const url = await endpoint();
    const el = await fixture<BulkUploadElement>(html`<bulk-upload persist="none" endpoint=${url} batch-size="250"></bulk-upload>`);
    await el.validateFile(new File([await readFixture('big-realistic-2000.csv')], 'big.csv'));
    await el.updateComplete;
    expect(el.currentReport!.summary).to.deep.include({ rows: 2000, valid: 1815, invalid: 185 });

    // Apply every "add +" suggestion through the table, as the admin would with one button.
    const table = el.shadowRoot!.querySelector('row-error-table') as RowErrorTableElement;
    table.code = 'phone.missing_plus';
    await table.updateComplete;
    const applyAll = table.shadowRoot!.querySelector('[part=apply-all-button]') as HTMLButtonElement;
    const changed = oneEvent(el, 'row-error-table-change');
    applyAll.click();
    await changed;
    await el.updateComplete;
    const valid = el.currentReport!.summary.valid;
    expect(valid).to.be.greaterThan(1815);

    const submitted = oneEvent(el, 'bulk-upload-submitted');
    (el.shadowRoot!.querySelector('[part=send-button]') as HTMLButtonElement).click();
    const { detail } = await submitted;
    const { invited, rejected, unconfirmed } = detail.sendReport.summary;
    expect(unconfirmed).to.equal(0);
    expect(invited + rejected).to.equal(valid);
    expect(invited).to.be.greaterThan(1800);

    // The server agrees: look every invited user up by login ID.
    const loginIds = el.currentReport!.rows.filter((row) => row.record).map((row) => row.record!.loginId);
    const lookup = await fetch(`${url}/login-ids/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginIds }) });
    const { existing } = (await lookup.json()) as { existing: string[] };
    expect(new Set(existing).size).to.be.at.least(invited);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain(`${invited.toLocaleString('en')} users invited.`);
  });

  it('renders markup and script-like cells as text, never as HTML', async () => {
    const el = await fixture<BulkUploadElement>(html`<bulk-upload persist="none"></bulk-upload>`);
    const hostile = [
      'iPlum ID (phone/email),Phone #,Email,Name',
      'email,,a@acme.example,"<img src=x onerror=""window.__pwned=1"">"',
      'email,,b@acme.example,<script>window.__pwned=2</script>',
      'email,,c@acme.example,"<b>bold</b> &amp; <a href=""javascript:alert(1)"">link</a>"',
      'email,,"<svg onload=window.__pwned=3>@x.example",Eve',
      '<iframe src=javascript:alert(1)>,,d@acme.example,Dan',
    ].join('\r\n');
    await el.validateFile(new File([hostile], 'hostile.csv'));
    await el.updateComplete;
    const table = el.shadowRoot!.querySelector('row-error-table') as RowErrorTableElement;
    table.filter = 'all';
    await table.updateComplete;
    const root = table.shadowRoot!;
    for (const tag of ['img', 'script', 'svg', 'iframe', 'a', 'b']) expect(root.querySelector(tag), `<${tag}> element`).to.equal(null);
    expect(root.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(root.textContent).to.contain('<script>window.__pwned=2</script>');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
