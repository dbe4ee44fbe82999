import { expect } from 'chai';
import { errorRowsCsv, toCsv, validateCsv } from '../../src/core/index.js';
import type { Issue, ValidateOptions } from '../../src/core/index.js';
import { readFixture, readManifest } from '../helpers/fixtures.js';
import type { ManifestEntry } from '../helpers/fixtures.js';

const SUGGESTING = new Set(['login_type.invalid', 'phone.missing_plus', 'email.typo']);
const FORMULA = /^[=+\-@\t\r]/;

// The manifest is read before the tests are declared, so that each file gets its own test.
const manifest: ManifestEntry[] = await readManifest();

describe('fixtures manifest: every file gives exactly its expected report', () => {
  it('lists 30 files', () => {
    expect(manifest).to.have.length(30);
  });

  for (const entry of manifest) {
    it(entry.file, async () => {
      const bytes = await readFixture(entry.file);
      const report = await validateCsv(bytes, entry.options as ValidateOptions);
      const x = entry.expect;
      expect(report.ok, 'ok').to.equal(x.ok);
      expect([...new Set(report.fileIssues.map((i) => i.code))].sort(), 'fileIssues').to.deep.equal(x.fileIssues);
      if (x.encoding !== null) expect(report.file.encoding, 'encoding').to.equal(x.encoding);
      if (x.delimiter !== null) expect(report.file.delimiter, 'delimiter').to.equal(x.delimiter);
      if (x.summary !== null) expect(report.summary, 'summary').to.deep.equal(x.summary);
      expect(report.rows.map((r) => r.row), 'row numbers').to.deep.equal(x.rows.map((r) => r.row));
      x.rows.forEach((want, k) => {
        const got = report.rows[k]!;
        const where = `row ${want.row}`;
        const codes = [...new Set(got.issues.map((i) => i.code))].sort();
        expect(codes, `${where} codes`).to.deep.equal(want.codes);
        expect(!got.issues.some((i) => i.severity === 'error'), `${where} valid`).to.equal(want.valid);
        if ('suggestion' in want) {
          const issue = got.issues.find((i) => SUGGESTING.has(i.code)) as Issue;
          if (want.suggestion === null) expect(issue.suggestion, `${where} suggestion`).to.equal(undefined);
          else expect(issue.suggestion, `${where} suggestion`).to.equal(want.suggestion);
        }
        if (want.relatedRows) {
          const issue = got.issues.find((i) => i.code === 'login_id.duplicate');
          expect(issue?.relatedRows, `${where} relatedRows`).to.deep.equal(want.relatedRows);
        }
        if (want.valid) expect(got.record, `${where} record`).to.deep.equal(want.record);
        else expect(got.record, `${where} record`).to.equal(undefined);
        for (const issue of got.issues) expect(issue.message, `${where} ${issue.code} message`).to.be.a('string').and.not.equal('');
        if (want.neutralizeOnExport) {
          for (const key of want.neutralizeOnExport) {
            const written = toCsv([[got.values[key] ?? '']]);
            expect(written, `${where} ${key} written`).not.to.match(FORMULA);
            expect(written.replace(/^"/, ''), `${where} ${key} written`).not.to.match(FORMULA);
          }
        }
      });
      if (report.summary.invalid > 0) {
        const again = await validateCsv(errorRowsCsv(report, entry.options as ValidateOptions), entry.options as ValidateOptions);
        expect(again.fileIssues, 'error rows re-upload').to.deep.equal([]);
        expect(again.summary.rows, 'error rows re-upload').to.equal(report.summary.invalid);
      }
    });
  }
});
