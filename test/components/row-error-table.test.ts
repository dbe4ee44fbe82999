import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/row-error-table.js';
import { RowErrorTableChangeEvent, setLocale } from '../../src/row-error-table.js';
import type { RowErrorTableElement, RowOutcome } from '../../src/row-error-table.js';
import { ISSUE_CODES, buildReport, validateCsv, validateRow } from '../../src/core/index.js';
import type { Issue, RowReport, ValidationReport } from '../../src/core/index.js';
import { issueLabel, issueMessage } from '../../src/components/shared/issue-message.js';
import { readFixture } from '../helpers/fixtures.js';

const HEADER = 'iPlum ID (phone/email),Phone #,Email,Name';
const XSS = '<img src=x onerror=alert(1)>';

const $ = <T extends Element = HTMLElement>(el: RowErrorTableElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: RowErrorTableElement, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const rowNumbers = (el: RowErrorTableElement) => $$(el, 'tbody tr[data-row]').map((tr) => Number(tr.dataset['row']));
const tr = (el: RowErrorTableElement, row: number) => $(el, `tbody tr[data-row="${row}"]`)!;
const button = (root: Element, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text || b.textContent!.trim().startsWith(text))!;
const toolbarButton = (el: RowErrorTableElement, text: string) => button($(el, '[part="toolbar"]')!, text);

/** A client that validates in the page (the element's default client runs the worker; one test covers that). */
const inPage = { validateRow: (values: Record<string, string>, options: Parameters<typeof validateRow>[1]) => Promise.resolve(validateRow(values, options)) };

async function table(report: ValidationReport, filter = 'errors', client: 'worker' | typeof inPage = inPage): Promise<RowErrorTableElement> {
  const el =
    client === 'worker'
      ? await fixture<RowErrorTableElement>(html`<row-error-table filter=${filter} .report=${report}></row-error-table>`)
      : await fixture<RowErrorTableElement>(html`<row-error-table filter=${filter} .report=${report} .validationClient=${client}></row-error-table>`);
  await el.updateComplete;
  return el;
}

describe('<row-error-table>', () => {
  it('renders cell text as text, never as markup', async () => {
    const report = await validateCsv(`${HEADER}\r\nphone,,a@x.example,${XSS}\r\nemail,,b@x.example,"<script>window.__pwned=2</script>"\r\n`);
    const el = await table(report, 'all');
    expect($(el, 'img')).to.equal(null);
    expect($(el, 'script')).to.equal(null);
    expect(tr(el, 2).textContent).to.contain(XSS);
    expect(tr(el, 3).textContent).to.contain('<script>window.__pwned=2</script>');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('filters errors / warnings / all with counts and aria-pressed buttons, and groups by code', async () => {
    const report = await validateCsv(await readFixture('emails.csv'));
    const el = await table(report);
    const errorRows = report.rows.filter((r) => r.issues.some((i) => i.severity === 'error')).map((r) => r.row);
    expect(rowNumbers(el)).to.deep.equal(errorRows);
    expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal(String(errorRows.length + 1));
    expect(toolbarButton(el, 'Errors').textContent!.trim()).to.equal(`Errors (${errorRows.length})`);
    expect(toolbarButton(el, 'Errors').getAttribute('aria-pressed')).to.equal('true');

    toolbarButton(el, 'Warnings').click();
    await el.updateComplete;
    expect(el.filter).to.equal('warnings');
    expect(el.getAttribute('filter')).to.equal('warnings');
    expect(rowNumbers(el)).to.deep.equal([8]);

    // groups: errors first, with the short label and the count
    const groups = $$(el, '[part~="group-button"]').map((b) => b.textContent!.trim());
    expect(groups).to.deep.equal(['Invalid email address (4)', 'Login ID used on several rows (2)', 'Email missing (1)', 'Possibly misspelt email (1)']);
    button($(el, '[part="groups"]')!, 'Login ID used').click();
    await el.updateComplete;
    expect(el.code).to.equal('login_id.duplicate');
    expect(rowNumbers(el)).to.deep.equal([9, 10]);
    expect($$(el, 'tbody tr[data-row]').map((t) => t.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3']);
    expect(toolbarButton(el, 'Warnings').getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('applies one suggestion: the cell takes it, the row is re-validated in the worker, and a change event says so', async () => {
    const report = await validateCsv(await readFixture('phones-no-default-country.csv'));
    const el = await table(report, 'errors', 'worker'); // the default client: the shared worker pool
    const row3 = tr(el, 3);
    expect(row3.textContent).to.contain('Phone number without +');
    const apply = row3.querySelector<HTMLButtonElement>('[part="apply-button"]')!;
    expect(apply.getAttribute('aria-label')).to.equal('Apply +14155550161 in row 3');
    const changed = oneEvent(el, RowErrorTableChangeEvent.eventName);
    apply.click();
    const event = (await changed) as RowErrorTableChangeEvent;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.change).to.deep.equal({ kind: 'suggestion', rows: [3] });
    const fixed = event.detail.report.rows.find((r) => r.row === 3)!;
    expect(fixed.values['phone']).to.equal('+14155550161');
    expect(fixed.issues).to.deep.equal([]);
    expect(fixed.record?.phone).to.equal('+14155550161');
    expect(el.report).to.equal(event.detail.report);
    expect(event.detail.report.summary.valid).to.equal(report.summary.valid + 1);
    await el.updateComplete;
    expect(rowNumbers(el)).to.not.include(3);
  });

  it('applies every suggestion of a code at once ("Add + to 3 phone numbers")', async () => {
    const csv = `${HEADER}\r\n${[1, 2, 3].map((i) => `phone,1415555016${i},u${i}@x.example,U${i}`).join('\r\n')}\r\nemail,,bob@gmial.com,Bob\r\n`;
    const report = await validateCsv(csv);
    const el = await table(report);
    button($(el, '[part="groups"]')!, 'Phone number without + (3)').click();
    await el.updateComplete;
    const all = $(el, '[part="apply-all-button"]')!;
    expect(all.textContent!.trim()).to.equal('Add + to 3 phone numbers');
    const changed = oneEvent(el, RowErrorTableChangeEvent.eventName);
    all.click();
    const { detail } = (await changed) as RowErrorTableChangeEvent;
    expect(detail.change).to.deep.equal({ kind: 'suggestion', rows: [2, 3, 4] });
    expect(detail.report.rows.slice(0, 3).map((r) => r.record?.phone)).to.deep.equal(['+14155550161', '+14155550162', '+14155550163']);
    expect(detail.report.summary.invalid).to.equal(0);
    await el.updateComplete;
    // the email typo's group offers generic wording
    el.code = 'email.typo';
    await el.updateComplete;
    expect($(el, '[part="apply-all-button"]')!.textContent!.trim()).to.equal('Correct 1 email address');
  });

  it('edits a cell in place: Enter saves and re-checks duplicates across rows; Escape cancels', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const el = await table(report);
    expect(rowNumbers(el)).to.include.members([2, 3]);
    // Escape restores
    button(tr(el, 3), 'Edit').click();
    await el.updateComplete;
    let input = tr(el, 3).querySelector<HTMLInputElement>('input[data-column="phone"]')!;
    expect(input.getAttribute('aria-label')).to.equal('Phone #, row 3');
    input.focus();
    input.value = '+1 408 555 0199';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(tr(el, 3).querySelector('input')).to.equal(null);
    expect(tr(el, 3).textContent).to.contain("+14085550190");
    expect(el.report).to.equal(report);

    // double-click a cell, type, Enter
    tr(el, 3).querySelectorAll<HTMLElement>('td[part="cell"]')[1]!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await el.updateComplete;
    input = tr(el, 3).querySelector<HTMLInputElement>('input[data-column="phone"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    input.value = '+1 408 555 0199';
    input.dispatchEvent(new Event('input'));
    const changed = oneEvent(el, RowErrorTableChangeEvent.eventName);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const { detail } = (await changed) as RowErrorTableChangeEvent;
    expect(detail.change).to.deep.equal({ kind: 'edit', rows: [3] });
    const two = detail.report.rows.find((r) => r.row === 2)!;
    const three = detail.report.rows.find((r) => r.row === 3)!;
    expect(two.issues).to.deep.equal([]);
    expect(two.record?.loginId).to.equal('+14085550190'); // its record was never seen: re-validated too
    expect(three.record?.phone).to.equal('+14085550199');
    expect(detail.report.summary.valid).to.equal(report.summary.valid + 2);
    await el.updateComplete;
    expect(rowNumbers(el)).to.not.include.members([2, 3]);
  });

  it('keeps what was typed when the change cannot be checked, and says why', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const failing = { validateRow: () => Promise.reject(new Error('the validation worker failed')) };
    const el = await table(report, 'errors', failing as unknown as typeof inPage);
    button(tr(el, 3), 'Edit').click();
    await el.updateComplete;
    const input = tr(el, 3).querySelector<HTMLInputElement>('input[data-column="phone"]')!;
    input.value = '+1 408 555 0199';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(() => $(el, '[part="status"]')!.textContent!.includes('could not be checked'), 'the failure is announced');
    await el.updateComplete;
    expect(tr(el, 3).querySelector<HTMLInputElement>('input[data-column="phone"]')!.value).to.equal('+1 408 555 0199');
    expect(el.report).to.equal(report);
  });

  it('saves an edit when the focus leaves the row', async () => {
    const report = await validateCsv(await readFixture('phones-no-default-country.csv'));
    const el = await table(report);
    button(tr(el, 3), 'Edit').click();
    await el.updateComplete;
    const input = tr(el, 3).querySelector<HTMLInputElement>('input[data-column="phone"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    input.value = '+14155550161';
    input.dispatchEvent(new Event('input'));
    const changed = oneEvent(el, RowErrorTableChangeEvent.eventName);
    toolbarButton(el, 'Warnings').focus();
    const { detail } = (await changed) as RowErrorTableChangeEvent;
    expect(detail.change).to.deep.equal({ kind: 'edit', rows: [3] });
    expect(detail.report.rows.find((r) => r.row === 3)!.record?.phone).to.equal('+14155550161');
  });

  it('lays out right to left with logical properties and stays accessible', async () => {
    const report = await validateCsv(await readFixture('emails.csv'));
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><row-error-table filter="all" .report=${report}></row-error-table></div>`);
    const el = wrapper.querySelector('row-error-table')!;
    await el.updateComplete;
    const rowHeader = tr(el, 2).querySelector('th')!.getBoundingClientRect();
    const problems = tr(el, 2).querySelector('[part="problems"]')!.getBoundingClientRect();
    expect(rowHeader.left).to.be.above(problems.left); // the row number is at the right
    expect(getComputedStyle(tr(el, 2).querySelector('th')!).textAlign).to.equal('start');
    await expect(el).to.be.accessible();
  });

  it('removes a row, freeing its duplicate', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const el = await table(report);
    const changed = oneEvent(el, RowErrorTableChangeEvent.eventName);
    button(tr(el, 2), 'Remove').click();
    const { detail } = (await changed) as RowErrorTableChangeEvent;
    expect(detail.change).to.deep.equal({ kind: 'remove', rows: [2] });
    expect(detail.report.rows.map((r) => r.row)).to.not.include(2);
    const freed = detail.report.rows.find((r) => r.row === 3)!;
    expect(freed.issues).to.deep.equal([]);
    // It was a duplicate when the file was read, so it never had a record: it gets one now and can be sent.
    expect(report.rows.find((r) => r.row === 3)!.record).to.equal(undefined);
    expect(freed.record?.loginId).to.be.a('string');
    expect(detail.report.summary.valid).to.equal(report.summary.valid + 1);
    await el.updateComplete;
    expect(rowNumbers(el)).to.not.include.members([2, 3]);
  });

  it('shows send results and filters to them', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const outcomes = new Map<number, RowOutcome>([
      [5, { status: 'invited' }],
      [7, { status: 'rejected', message: `Blocked ${XSS}`, code: 'blocked' }],
      [9, { status: 'unconfirmed' }],
    ]);
    const el = await table(report);
    el.outcomes = outcomes;
    el.filter = 'outcomes';
    await el.updateComplete;
    expect(rowNumbers(el)).to.deep.equal([5, 7, 9]);
    expect(toolbarButton(el, 'Results').textContent!.trim()).to.equal('Results (3)');
    expect(toolbarButton(el, 'Results').getAttribute('aria-pressed')).to.equal('true');
    expect(tr(el, 5).querySelector('[part~="outcome"]')!.textContent).to.contain('Invited');
    expect(tr(el, 7).querySelector('[part~="outcome-rejected"]')!.textContent).to.contain(`Rejected Blocked ${XSS}`);
    expect($(el, 'img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is read-only with editable="false"', async () => {
    const report = await validateCsv(await readFixture('phones-no-default-country.csv'));
    const el = await fixture<RowErrorTableElement>(html`<row-error-table editable="false" .report=${report}></row-error-table>`);
    expect(el.editable).to.equal(false);
    expect($$(el, '[part="action-button"], [part="apply-button"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('moves from problem to problem by keyboard and with the Next / Previous problem buttons', async () => {
    const report = await validateCsv(await readFixture('phones-no-default-country.csv'));
    const el = await table(report, 'all');
    const problems = report.rows.filter((r) => r.issues.length > 0).map((r) => r.row);
    const focusedRow = () => Number(el.shadowRoot!.activeElement?.closest<HTMLElement>('tr')?.dataset['row']);
    $(el, '[part="scroller"]')!.focus();
    await sendKeys({ press: 'n' });
    await waitUntil(() => focusedRow() === problems[0], 'n focuses the first problem');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => focusedRow() === problems[1], 'Alt+ArrowDown focuses the next problem');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedRow() === problems[1]! + 1, 'ArrowDown focuses the next row');
    await sendKeys({ press: 'p' });
    await waitUntil(() => focusedRow() === problems[1], 'p goes back');
    toolbarButton(el, 'Next problem').click();
    await waitUntil(() => focusedRow() === problems[2], 'the Next problem button');
    toolbarButton(el, 'Previous problem').click();
    await waitUntil(() => focusedRow() === problems[1], 'the Previous problem button');
    // Enter edits the focused row; Escape gives the focus back to it
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement instanceof HTMLInputElement, 'Enter edits');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedRow() === problems[1] && !(el.shadowRoot!.activeElement instanceof HTMLInputElement), 'Escape cancels');
  });

  it('renders a bounded window of 100,000 rows, with aria-rowcount / aria-rowindex, and scrolls to the last row', async () => {
    const issue: Issue = { code: 'phone.missing_plus', severity: 'error', column: 'phone', message: 'No +.', suggestion: '+14155550100' };
    const rows: RowReport[] = Array.from({ length: 100_000 }, (_, i) => ({
      row: i + 2,
      values: { loginType: 'phone', phone: '14155550100', email: `u${i}@x.example`, name: `User ${i}` },
      issues: [issue],
    }));
    const report = buildReport({ encoding: 'utf-8', delimiter: ',', bytes: 0 }, [], rows, 0);
    const el = await table(report);
    expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal('100001');
    expect($$(el, 'tr').length).to.be.below(100);
    expect(toolbarButton(el, 'Phone number without +').textContent!.trim()).to.equal('Phone number without + (100,000)');
    const scroller = $(el, '[part="scroller"]')!;
    scroller.scrollTop = scroller.scrollHeight;
    await oneEvent(scroller, 'scroll');
    await el.updateComplete;
    await waitUntil(() => rowNumbers(el).includes(100_001), 'the last row is rendered');
    expect($$(el, 'tr').length).to.be.below(100);
    expect(tr(el, 100_001).getAttribute('aria-rowindex')).to.equal('100001');
    const box = tr(el, 100_001).getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    expect(box.top).to.be.at.least(view.top - 1);
    expect(box.bottom).to.be.at.most(view.bottom + 1);
    // keyboard: Home goes back to the top, keeping the DOM bounded
    tr(el, 100_001).querySelector<HTMLElement>('[part="row-header"]')!.focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.shadowRoot!.activeElement?.closest('tr')?.getAttribute('aria-rowindex') === '2', 'Home focuses the first row');
    expect($$(el, 'tr').length).to.be.below(100);
  });
});

describe('<row-error-table> jumping far down a long table', () => {
  it('stays where the scrollbar was dragged, though the rows there are not as tall as the first ones', async () => {
    // The first rows carry three long problems each; the thousands below carry one short problem.
    const long: Issue = { code: 'name.required', severity: 'error', column: 'name', message: 'The name is empty. Every user needs a name: type it, or remove the row if it is not a user.' };
    const short: Issue = { code: 'phone.missing_plus', severity: 'error', column: 'phone', message: 'No +.', suggestion: '+14155550100' };
    const rows: RowReport[] = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 2,
      values: { loginType: 'phone', phone: '14155550100', email: `u${i}@x.example`, name: i < 40 ? '' : `User ${i}` },
      issues: i < 40 ? [long, { ...long, column: 'email' }, { ...long, column: 'phone' }] : [short],
    }));
    const el = await table(buildReport({ encoding: 'utf-8', delimiter: ',', bytes: 0 }, [], rows, 0));
    const scroller = $(el, '[part="scroller"]')!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let k = 0; k < 4; k++) await frame();
    for (const fraction of [0.3, 0.6, 0.9]) {
      const target = Math.round((scroller.scrollHeight - scroller.clientHeight) * fraction);
      scroller.scrollTop = target;
      await oneEvent(scroller, 'scroll');
      // Rows there are rendered, measured, and rendered again at their real heights over a few frames.
      for (let k = 0; k < 6; k++) await frame();
      await el.updateComplete;
      expect(Math.abs(scroller.scrollTop - target), `scrolled to ${fraction * 100}%`).to.be.below(scroller.clientHeight);
      expect(rowNumbers(el).length).to.be.above(0);
    }
  });
});

describe('issue messages', () => {
  afterEach(() => setLocale('en'));

  it('every issue code has a short label and a localized message', async () => {
    for (const code of ISSUE_CODES) expect(issueLabel(code), code).to.not.equal(code);
    const issue: Issue = { code: 'phone.missing_plus', severity: 'error', column: 'phone', message: 'Partner text', suggestion: '+14155550161' };
    const row: RowReport = { row: 3, values: { phone: '14155550161' }, issues: [issue] };
    expect(issueMessage(issue, row)).to.equal('Partner text'); // English: the core's (or the partner's) message
    await setLocale('es');
    for (const code of ISSUE_CODES) {
      const message = issueMessage({ code, severity: 'error', column: 'phone', message: 'Partner text', suggestion: 'S', relatedRows: [4, 5] }, row);
      expect(message, code).to.not.equal('Partner text');
      expect(message.length, code).to.be.above(10);
    }
    expect(issueMessage(issue, row)).to.contain('14155550161').and.contain('+14155550161');
    expect(issueMessage({ code: 'login_id.duplicate', severity: 'error', message: 'x', relatedRows: [4, 5] })).to.contain('4, 5');
  });
});
