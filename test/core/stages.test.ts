import { expect } from 'chai';
import { applyCrossRowChecks, buildReport, createRowValidator, readCsv, validateCsv } from '../../src/core/index.js';
import type { RowReport, ValidateOptions, ValidationReport } from '../../src/core/index.js';
import { generateCsv } from '../helpers/generate-users.js';

const HEADER = 'iPlum ID (phone/email),Phone #,Email,Name';
function bigCsv(rows: number): string {
  let out = `${HEADER}\r\n`;
  for (let i = 0; i < rows; i++) out += `phone,+1 415 555 ${String(i % 10000).padStart(4, '0')},u${i}@acme.example,User ${i}\r\n`;
  return out;
}

describe('stages (for a worker pool)', () => {
  it('readCsv → validateCells on chunks → applyCrossRowChecks on the merged reports = validateCsv', async () => {
    const csv = `${HEADER},,\r\nphone,+14155550100,a@x.example,A\r\n\r\nphone,+1 415 555 0100,b@x.example,B\r\nemail,,c@x.example,C,extra\r\n`;
    const read = await readCsv(csv);
    expect(read.fileIssues).to.deep.equal([]);
    expect(read.rows.map((r) => r.row)).to.deep.equal([2, 4, 5]);
    expect(read.blankSkipped).to.equal(1);
    const chunks = [read.rows.slice(0, 1), read.rows.slice(1)];
    const merged: RowReport[] = [];
    for (const chunk of chunks) {
      const validator = createRowValidator({}, read.columns); // one per worker
      merged.push(...chunk.map((row) => structuredClone(validator.validateCells(row))));
    }
    applyCrossRowChecks(merged, {});
    const staged = buildReport(read.file, read.fileIssues, merged, read.blankSkipped);
    const whole = await validateCsv(csv);
    expect(staged).to.deep.equal(whole);
    expect(whole.rows.map((r) => r.issues.map((i) => i.code))).to.deep.equal([['login_id.duplicate'], ['login_id.duplicate'], ['row.field_count']]);
  });
});

/** The report of a whole-file parse, stage by stage: what validateCsv gives without cutting the text into parts. */
async function wholeFileReport(csv: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const read = await readCsv(csv, options);
  const validator = createRowValidator(options, read.columns);
  const reports = read.rows.map((row) => validator.validateCells(row));
  applyCrossRowChecks(reports, options);
  return buildReport(read.file, read.fileIssues, reports, read.blankSkipped);
}

describe('validateCsv on files parsed in several parts', () => {
  // 25,000 rows: about 1.6 M characters, so that validateCsv parses them in two parts.
  const base = generateCsv(25_000);
  const lines = base.split('\r\n');
  const multiline = lines.map((line, i) => (i > 0 && i % 7 === 0 ? line.replace(/,([^,]*)$/, ',"$1\r\nsecond line, with a comma"') : line)).join('\r\n');
  const variants: Array<[string, string, ValidateOptions?]> = [
    ['quoted line breaks', multiline],
    ['a stray quote and quoted line breaks', multiline.replace(/@/, '"@')],
    ['CR line ends and blank rows', lines.map((line, i) => (i % 50 === 0 ? `${line}\r,,,` : line)).join('\r')],
    ['blank rows before the header, semicolons', `\n\n${lines.map((line) => line.replace(/,/g, ';')).join('\n')}`],
    ['an unclosed quote at the end', `${lines.join('\r\n')}email,,z@z.example,"Never closed\r\n`],
    ['too many rows', base, { maxRows: 20_000 }],
  ];
  for (const [name, csv, options] of variants) {
    it(`gives the report of a whole-file parse: ${name}`, async () => {
      expect(csv.length).to.be.greaterThan(1 << 20);
      const report = await validateCsv(csv, options);
      expect(report).to.deep.equal(await wholeFileReport(csv, options));
      if (!options) expect(report.summary.rows).to.be.greaterThan(24_000);
    });
  }
});

describe('validateCsv: progress, abort, limits', () => {
  it('reports progress and ends at every row', async () => {
    const seen: number[] = [];
    const report = await validateCsv(bigCsv(3000), { onProgress: (p) => seen.push(p.rowsDone) });
    expect(report.summary.valid).to.equal(3000 - 2 * 0); // numbers repeat only past 10000
    expect(seen.at(-1)).to.equal(3000);
    expect([...seen].sort((a, b) => a - b)).to.deep.equal(seen);
  });
  it('rejects with the signal reason when aborted before or during the run', async () => {
    const before = new AbortController();
    before.abort();
    let error: unknown;
    try {
      await validateCsv(bigCsv(10), { signal: before.signal });
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).to.equal('AbortError');

    const during = new AbortController();
    const reason = new Error('stop');
    error = undefined;
    try {
      await validateCsv(bigCsv(20000), {
        maxRows: 100000,
        signal: during.signal,
        onProgress: (p) => {
          if (p.rowsDone > 0 && p.rowsDone < 20000) during.abort(reason);
        },
      });
    } catch (e) {
      error = e;
    }
    // On a fast machine the run may finish before the first chunk boundary; when it yielded, it stopped.
    if (error !== undefined) expect(error).to.equal(reason);
  });
  it('file.too_many_rows counts only non-blank rows', async () => {
    expect((await validateCsv(bigCsv(6), { maxRows: 5 })).fileIssues.map((i) => i.code)).to.deep.equal(['file.too_many_rows']);
    expect((await validateCsv(`${bigCsv(5)}\r\n,,,\r\n`, { maxRows: 5 })).summary.blankSkipped).to.equal(2);
  });
});

describe('createRowValidator: one per settings', () => {
  it('gives the same validator for settings used lately, and a new one when any setting changes', () => {
    const row = { row: 2, cells: ['phone', '020 7946 0018', 'a@b.example', 'Ana'] };
    const us = createRowValidator({ defaultCountry: 'US' });
    expect(createRowValidator({ defaultCountry: 'US' })).to.equal(us);
    expect(createRowValidator({ defaultCountry: 'GB' }).validateCells(row).record?.phone).to.equal('+442079460018');
    expect(createRowValidator({ defaultCountry: 'US' }).validateCells(row).record).to.equal(undefined);
    expect(createRowValidator({ defaultCountry: 'US' }), 'kept while another setting was used').to.equal(us);
    const brand = createRowValidator({ brand: 'Acme' }).validateCells({ row: 2, cells: ['', '', '', ''] });
    expect(brand.issues.map((i) => i.message).join(' ')).to.include('Acme ID').and.not.include('iPlum');
    const renamed = { columns: [{ key: 'loginType', header: 'Login', rule: 'loginType' as const }, { key: 'mobile', header: 'Mobile', rule: 'phone' as const }, { key: 'email', header: 'Email', rule: 'email' as const }, { key: 'name', header: 'Name', rule: 'name' as const }] };
    expect(createRowValidator({ profile: renamed }).validateCells({ row: 2, cells: ['phone', '+14085550142', 'a@b.example', 'Ana'] }).values).to.have.keys('loginType', 'mobile', 'email', 'name');
    expect(createRowValidator({}, { indices: [1, 0, 2, 3], known: [true, true, true, true] }).validateCells({ row: 2, cells: ['+14085550142', 'phone', 'a@b.example', 'Ana'] }).record?.phone).to.equal('+14085550142');
  });
});
