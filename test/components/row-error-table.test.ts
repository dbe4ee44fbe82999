import { fixture, html, expect } from '@open-wc/testing';
import '../../src/row-error-table.js';
import type { RowErrorTableElement } from '../../src/row-error-table.js';
import type { ValidationReport } from '../../src/core/types.js';

const report = {
  ok: true,
  file: { encoding: 'utf-8', delimiter: ',', bytes: 100 },
  fileIssues: [],
  summary: { rows: 2, valid: 1, invalid: 1, withWarnings: 0, blankSkipped: 0 },
  rows: [
    {
      row: 2,
      values: { loginType: 'email', phone: '', email: 'a@b.example', name: '<img src=x onerror="window.__pwned=1">' },
      record: { loginType: 'email', loginId: 'a@b.example', email: 'a@b.example', name: '<img src=x onerror="window.__pwned=1">' },
      issues: [],
    },
    {
      row: 3,
      values: { loginType: 'phone', phone: '', email: 'c@d.example', name: '<script>window.__pwned=2</script>' },
      issues: [{ code: 'phone.required', severity: 'error', column: 'phone', message: 'Type the phone number.' }],
    },
  ],
} as unknown as ValidationReport;

describe('<row-error-table>', () => {
  it('shows the rows with errors, cell text as text, with table semantics', async () => {
    const el = await fixture<RowErrorTableElement>(html`<row-error-table .report=${report}></row-error-table>`);
    const rows = el.shadowRoot!.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(1);
    expect(rows[0]!.textContent).to.contain('<script>window.__pwned=2</script>');
    expect(rows[0]!.textContent).to.contain('Type the phone number.');
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('shows every row with filter="all", never running markup from cells', async () => {
    const el = await fixture<RowErrorTableElement>(html`<row-error-table filter="all" .report=${report}></row-error-table>`);
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(2);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
