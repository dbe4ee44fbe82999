import { expect } from 'chai';
import fc from 'fast-check';
import { errorRowsCsv, parseCsv, templateCsv, toCsv, validateCsv } from '../../src/core/index.js';

const HEADER = 'iPlum ID (phone/email),Phone #,Email,Name';
const FORMULA = /^'*[=+\-@\t\r]/;

describe('templateCsv', () => {
  it('is the header row with a UTF-8 BOM and CRLF', () => {
    expect(templateCsv()).to.equal(`\uFEFF${HEADER}\r\n`);
    expect(templateCsv({ brand: 'Acme' })).to.equal('\uFEFFAcme ID (phone/email),Phone #,Email,Name\r\n');
  });
  it('uploaded unchanged gives file.no_rows', async () => {
    const report = await validateCsv(templateCsv());
    expect(report.fileIssues.map((i) => i.code)).to.deep.equal(['file.no_rows']);
  });
});

describe('toCsv', () => {
  it('neutralizes formula cells and quotes what needs quoting', () => {
    expect(toCsv([['=1+1', '+1', '-x', '@SUM(A1)', '\tx', '\rx', 'ok']])).to.equal(`'=1+1,'+1,'-x,'@SUM(A1),"'\tx","'\rx",ok\r\n`);
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', 'a;b']])).to.equal('"a,b","say ""hi""","x\ny","a;b"\r\n');
  });
  it('round-trips through parseCsv for every non-formula cell', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !FORMULA.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows))).to.deep.equal(rows);
      }),
      { numRuns: 300 },
    );
  });
  it('never writes a cell that starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }), (cells) => {
        for (const written of parseCsv(toCsv([cells]))[0] ?? []) expect(written).not.to.match(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateCsv properties', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('phone', 'email', '+14155550123', "'+14155550124", '=HYPERLINK("x")', '-x', '@y', ' \t', "''=z", 'a@b.example', '"q"', 'a,b', 'x\r\ny'),
  );
  it('toCsv then validateCsv gives back the values written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value, value, value), { minLength: 1, maxLength: 8 }), async (rows) => {
        const report = await validateCsv(`\uFEFF${toCsv([HEADER.split(','), ...rows])}`, { maxRows: 100 });
        const nonBlank = rows.filter((r) => r.some((v) => v.trim() !== ''));
        if (nonBlank.length === 0) return;
        expect(report.fileIssues).to.deep.equal([]);
        expect(report.rows.map((r) => [r.values['loginType'], r.values['phone'], r.values['email'], r.values['name']])).to.deep.equal(nonBlank);
      }),
      { numRuns: 200 },
    );
  });
  it('never throws on arbitrary bytes and accounts for every non-blank row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const report = await validateCsv(bytes);
        expect(report.summary.rows).to.equal(report.rows.length);
        expect(report.summary.valid + report.summary.invalid).to.equal(report.summary.rows);
        if (report.fileIssues.some((i) => i.severity === 'error')) expect(report.rows).to.deep.equal([]);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on arbitrary text under the header and accounts for every non-blank row', async () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(',', '"', '\r\n', '\n', ';', '\t', "'", '+1', '@')), { maxLength: 40 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(text, async (body) => {
        const csv = `${HEADER}\r\n${body}`;
        const report = await validateCsv(csv, { maxRows: 1000 });
        const records = parseCsv(csv);
        const dataRows = records.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
        if (report.fileIssues.length === 0) {
          expect(report.rows.length + report.summary.blankSkipped).to.equal(records.length - 1);
          expect(report.rows.length).to.equal(dataRows.length);
          for (const r of report.rows) expect(r.row).to.be.within(2, records.length);
        }
        expect(report.summary.valid + report.summary.invalid).to.equal(report.rows.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('errorRowsCsv', () => {
  it('writes the error rows as written plus the problems, and re-uploads in both header modes', async () => {
    const csv = `${HEADER}\r\nphone,14155550161,a@x.example,A\r\nemail,,b@x.example,B\r\nemail,,bad,=cmd|' /C calc'!A0\r\n`;
    const report = await validateCsv(csv);
    const out = errorRowsCsv(report);
    expect(out.startsWith(`\uFEFF${HEADER},Problems (ignored on upload)\r\n`)).to.equal(true);
    const rows = parseCsv(out);
    expect(rows).to.have.length(3);
    expect(rows[1]?.slice(0, 4)).to.deep.equal(['phone', '14155550161', 'a@x.example', 'A']);
    expect(rows[1]?.[4]).to.match(/\+14155550161/);
    expect(rows[2]?.[3]).to.equal("'=cmd|' /C calc'!A0");
    for (const headerMode of ['strict', 'lenient'] as const) {
      const again = await validateCsv(out, { headerMode });
      expect(again.fileIssues).to.deep.equal([]);
      expect(again.rows.map((r) => r.values)).to.deep.equal(report.rows.filter((r) => !r.record).map((r) => r.values));
    }
  });
});
