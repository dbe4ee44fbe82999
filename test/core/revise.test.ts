import { expect } from 'chai';
import {
  DEFAULT_PROFILE,
  headerWords,
  removeRows,
  reviseReport,
  rowsMissingRecord,
  toCsv,
  validateCsv,
  validateRow,
} from '../../src/core/index.js';
import type { ReviseOptions, RowReport, ValidateOptions, ValidationReport } from '../../src/core/index.js';
import { readFixture, readManifest } from '../helpers/fixtures.js';

const keys = DEFAULT_PROFILE.columns.map((c) => c.key);

/** The CSV a report's rows would be if written back (no blank rows, so row numbers stay). */
function csvOf(rows: readonly RowReport[]): string {
  return toCsv([headerWords(), ...rows.map((r) => keys.map((k) => r.values[k] ?? ''))]);
}

/** What the element does: revise with the re-validated rows, then re-validate rows whose record was never seen. */
function edit(report: ValidationReport, edits: Array<{ row: number; values: Record<string, string> }>, options: ValidateOptions & ReviseOptions = {}): ValidationReport {
  const changes = edits.map(({ row, values }) => ({ row, report: validateRow(values, { ...options, row }) }));
  let revised = reviseReport(report, changes, options);
  const missing = rowsMissingRecord(revised);
  if (missing.length > 0) {
    const byRow = new Map(revised.rows.map((r) => [r.row, r]));
    revised = reviseReport(
      revised,
      missing.map((row) => ({ row, report: validateRow(byRow.get(row)!.values, { ...options, row }) })),
      options,
    );
  }
  return revised;
}

function codes(report: ValidationReport): Array<[number, string[]]> {
  return report.rows.map((r) => [r.row, r.issues.map((i) => i.code)]);
}

describe('reviseReport', () => {
  it('resolving a duplicate by an edit gives what validating the edited file gives (records back, summary right)', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const before = structuredClone(report);
    const row3 = report.rows.find((r) => r.row === 3)!;
    expect(row3.issues.map((i) => i.code)).to.deep.equal(['login_id.duplicate']);
    const revised = edit(report, [{ row: 3, values: { ...row3.values, phone: '+1 408 555 0199' } }]);
    const whole = await validateCsv(csvOf(revised.rows));
    expect(revised.rows).to.deep.equal(whole.rows);
    expect(revised.summary).to.deep.equal(whole.summary);
    expect(revised.ok).to.equal(whole.ok);
    expect(revised.rows.find((r) => r.row === 2)!.record?.loginId).to.equal('+14085550190');
    expect(revised.rows.find((r) => r.row === 3)!.record?.phone).to.equal('+14085550199');
    expect(report).to.deep.equal(before); // pure
  });

  it('an edit can create a duplicate, and undoing it restores both records without re-validating the other row', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const row9 = report.rows.find((r) => r.row === 9)!;
    const row5 = report.rows.find((r) => r.row === 5)!;
    expect(row5.record).to.not.equal(undefined);
    const dup = reviseReport(report, [{ row: 9, report: validateRow({ ...row9.values, phone: '+1 408 555 0191' }, { row: 9 }) }]);
    const five = dup.rows.find((r) => r.row === 5)!;
    const nine = dup.rows.find((r) => r.row === 9)!;
    expect(five.issues.map((i) => [i.code, i.relatedRows])).to.deep.equal([['login_id.duplicate', [9]]]);
    expect(nine.issues.map((i) => [i.code, i.relatedRows])).to.deep.equal([['login_id.duplicate', [5]]]);
    expect(five.record).to.equal(undefined);
    expect(dup.summary.invalid).to.equal(report.summary.invalid + 2);
    expect(dup.rows).to.deep.equal((await validateCsv(csvOf(dup.rows))).rows);

    const undone = reviseReport(dup, [{ row: 9, report: validateRow(row9.values, { row: 9 }) }]);
    expect(rowsMissingRecord(undone)).to.deep.equal([]);
    expect(undone.rows).to.deep.equal(report.rows);
    expect(undone.summary).to.deep.equal(report.summary);
  });

  it('keeps unchanged rows as the same objects', async () => {
    const report = await validateCsv(await readFixture('emails.csv'));
    const revised = reviseReport(report, []);
    revised.rows.forEach((row, i) => expect(row).to.equal(report.rows[i]));
    expect(revised.summary).to.deep.equal(report.summary);
  });

  it('re-checks existing login IDs when they are given, matching validateCsv', async () => {
    const entry = (await readManifest()).find((e) => e.file === 'existing-login-ids.csv')!;
    const options = entry.options as ValidateOptions;
    const report = await validateCsv(await readFixture(entry.file), options);
    expect(codes(report)).to.deep.equal(entry.expect.rows.map((r) => [r.row, r.codes]));
    const row2 = report.rows.find((r) => r.row === 2)!;
    const row5 = report.rows.find((r) => r.row === 5)!;
    const revised = edit(
      report,
      [
        { row: 2, values: { ...row2.values, phone: '+1 646 555 0179' } },
        { row: 5, values: { ...row5.values, phone: '+1 (646) 555-0177' } },
      ],
      options,
    );
    expect(codes(revised)).to.deep.equal([
      [2, []],
      [3, ['login_id.exists']],
      [4, []],
      [5, ['login_id.exists']],
    ]);
    expect(revised.rows).to.deep.equal((await validateCsv(csvOf(revised.rows), options)).rows);
  });

  it('keeps the rows’ login_id.exists issues when no existingLoginIds are given', async () => {
    const entry = (await readManifest()).find((e) => e.file === 'existing-login-ids.csv')!;
    const report = await validateCsv(await readFixture(entry.file), entry.options as ValidateOptions);
    const revised = reviseReport(report, []);
    expect(codes(revised)).to.deep.equal(codes(report));
  });
});

describe('removeRows', () => {
  it('removing one of a duplicate pair frees the other; the summary follows', async () => {
    const report = await validateCsv(await readFixture('duplicate-login-ids.csv'));
    const revised = removeRows(report, [2]);
    expect(revised.rows.map((r) => r.row)).to.not.include(2);
    expect(revised.summary.rows).to.equal(report.summary.rows - 1);
    const three = revised.rows.find((r) => r.row === 3)!;
    expect(three.issues).to.deep.equal([]);
    expect(rowsMissingRecord(revised)).to.deep.equal([3]);
    // the Kai Schmidt group of three (rows 4, 6, 8) shrinks to a pair when row 6 goes
    const kai = removeRows(report, [6]);
    expect(kai.rows.find((r) => r.row === 4)!.issues[0]!.relatedRows).to.deep.equal([8]);
    expect(kai.rows.find((r) => r.row === 8)!.issues[0]!.relatedRows).to.deep.equal([4]);
    expect(kai.summary.invalid).to.equal(report.summary.invalid - 1);
  });

  it('removing a row without a login ID in common leaves the other rows as they were', async () => {
    const report = await validateCsv(await readFixture('phones-no-default-country.csv'));
    const first = report.rows[0]!;
    const revised = removeRows(report, [first.row]);
    expect(revised.rows).to.deep.equal(report.rows.slice(1));
    expect(revised.summary.rows).to.equal(report.rows.length - 1);
  });
});
