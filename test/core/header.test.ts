import { expect } from 'chai';
import { DEFAULT_PROFILE, PROBLEMS_HEADER, validateCsv } from '../../src/core/index.js';
import type { Profile, ValidateOptions } from '../../src/core/index.js';

const ROW = 'email,,ana@acme.example,Ana\r\n';
const codes = async (header: string, options: ValidateOptions = {}, rows = ROW): Promise<string[]> =>
  (await validateCsv(`${header}\r\n${rows}`, options)).fileIssues.map((i) => i.code);

describe('header', () => {
  it('strict: exact words, trailing empty cells ignored', async () => {
    expect(await codes('iPlum ID (phone/email),Phone #,Email,Name,,,')).to.deep.equal([]);
    expect(await codes(' iPlum ID (phone/email) ,Phone #,Email,Name')).to.deep.equal([]);
    expect(await codes('iplum id (phone/email),Phone #,Email,Name')).to.deep.equal(['header.mismatch']);
  });
  it('strict: each differing cell gets header.mismatch with the expected words', async () => {
    const report = await validateCsv(`iPlum ID (phone/email),Phone Number,E-mail,Name\r\n${ROW}`);
    expect(report.fileIssues.map((i) => [i.code, i.column, i.suggestion])).to.deep.equal([
      ['header.mismatch', 'phone', 'Phone #'],
      ['header.mismatch', 'email', 'Email'],
    ]);
    expect(report.rows).to.deep.equal([]);
    expect(report.ok).to.equal(false);
  });
  it('column count: too few or too many non-empty columns', async () => {
    expect(await codes('iPlum ID (phone/email),Phone #,Email')).to.deep.equal(['header.column_count']);
    expect(await codes('iPlum ID (phone/email),Phone #,Email,Name,Notes')).to.include('header.column_count');
    expect(await codes('Name,Email', { headerMode: 'lenient' })).to.include('header.column_count');
  });
  it('header.missing when the first non-blank row is data', async () => {
    expect(await codes('\r\nphone,+1 646 555 0120,irene@acme.example,Irene')).to.deep.equal(['header.missing']);
  });
  it('lenient: case, spacing, punctuation, order and synonyms', async () => {
    for (const header of [
      'iplum id (Phone/Email), PHONE NUMBER ,E-mail,Full Name',
      'Name,Email Address,Mobile,iPlum-ID phone email',
      'login type,phone,email,name',
    ]) {
      expect(await codes(header, { headerMode: 'lenient' }), header).to.deep.equal([]);
    }
    expect(await codes('iPlum ID (phone/email),Phone #,Email,Nickname', { headerMode: 'lenient' })).to.deep.equal(['header.mismatch']);
  });
  it('lenient: maps cells by meaning', async () => {
    const report = await validateCsv('Name,Email,Type,Mobile\r\nAna,ana@acme.example,phone,+1 718 555 0112\r\n', { headerMode: 'lenient' });
    expect(report.rows[0]?.values).to.deep.equal({ loginType: 'phone', phone: '+1 718 555 0112', email: 'ana@acme.example', name: 'Ana' });
    expect(report.rows[0]?.record?.phone).to.equal('+17185550112');
  });
  it('brand substitution', async () => {
    expect(await codes('Acme ID (phone/email),Phone #,Email,Name', { brand: 'Acme' })).to.deep.equal([]);
    expect(await codes('iPlum ID (phone/email),Phone #,Email,Name', { brand: 'Acme' })).to.deep.equal(['header.mismatch']);
    expect(await codes('acme id,phone,email,name', { brand: 'Acme', headerMode: 'lenient' })).to.deep.equal([]);
  });
  it(`ignores the "${PROBLEMS_HEADER}" column in both modes`, async () => {
    for (const headerMode of ['strict', 'lenient'] as const) {
      const report = await validateCsv(`iPlum ID (phone/email),Phone #,Email,Name,${PROBLEMS_HEADER}\r\nemail,,ana@acme.example,Ana,fix this\r\n`, { headerMode });
      expect(report.fileIssues).to.deep.equal([]);
      expect(report.rows[0]?.issues).to.deep.equal([]);
    }
  });
  it('file.empty and file.no_rows', async () => {
    expect(await codes('', {}, '')).to.deep.equal(['file.empty']);
    expect((await validateCsv('\r\n ,, \r\n\r\n')).fileIssues.map((i) => i.code)).to.deep.equal(['file.empty']);
    const noRows = await validateCsv('iPlum ID (phone/email),Phone #,Email,Name\r\n,,,\r\n');
    expect(noRows.fileIssues.map((i) => i.code)).to.deep.equal(['file.no_rows']);
    expect(noRows.summary).to.deep.equal({ rows: 0, valid: 0, invalid: 0, withWarnings: 0, blankSkipped: 1 });
  });
  it('a partner profile: renamed header and an extra optional Department column', async () => {
    const profile: Profile = {
      columns: [
        ...DEFAULT_PROFILE.columns.map((c) => (c.key === 'name' ? { ...c, header: 'Full name' } : c)),
        { key: 'department', header: 'Department', rule: 'text', maxLength: 20 },
      ],
    };
    const report = await validateCsv(
      'iPlum ID (phone/email),Phone #,Email,Full name,Department\r\nemail,,a@acme.example,Ana,Sales\r\nemail,,b@acme.example,Bo,\r\nemail,,c@acme.example,Cy,' +
        'x'.repeat(21) + '\r\n',
      { profile },
    );
    expect(report.fileIssues).to.deep.equal([]);
    expect(report.rows[0]?.record).to.deep.equal({ loginType: 'email', loginId: 'a@acme.example', email: 'a@acme.example', name: 'Ana', fields: { department: 'Sales' } });
    expect(report.rows[1]?.issues).to.deep.equal([]);
    expect(report.rows[2]?.issues.map((i) => i.code)).to.deep.equal(['field.too_long']);
  });
});
