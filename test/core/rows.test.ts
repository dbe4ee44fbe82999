import { expect } from 'chai';
import { ISSUE_CODES, defaultMessages, validateCsv, validateRow } from '../../src/core/index.js';
import type { IssueCode, RowReport } from '../../src/core/index.js';

const row = (loginType: string, phone: string, email: string, name: string, options = {}): RowReport =>
  validateRow({ loginType, phone, email, name }, options);
const codes = (r: RowReport): string[] => r.issues.map((i) => i.code).sort();

describe('row rules', () => {
  it('a valid phone row gives the normalized record', () => {
    const r = row(' Phone ', "'+1 408 555 0142", ' ana@Acme.example ', '  Ana  Lima ', { row: 7 });
    expect(r.row).to.equal(7);
    expect(r.issues).to.deep.equal([]);
    expect(r.record).to.deep.equal({ loginType: 'phone', loginId: '+14085550142', phone: '+14085550142', email: 'ana@Acme.example', name: 'Ana  Lima' });
  });
  it('the conditional rule: phone required for phone logins, optional for email, checked whenever present', () => {
    expect(codes(row('phone', '', 'a@b.example', 'A'))).to.deep.equal(['phone.required']);
    expect(codes(row('email', '', 'a@b.example', 'A'))).to.deep.equal([]);
    expect(codes(row('email', '1.40856E+10', 'a@b.example', 'A'))).to.deep.equal(['phone.excel_scientific']);
    expect(codes(row('phone', '', '', ''))).to.deep.equal(['email.required', 'name.required', 'phone.required']);
  });
  it('login type near misses carry a suggestion', () => {
    expect(row('e-mail', '', 'a@b.example', 'A').issues[0]).to.include({ code: 'login_type.invalid', suggestion: 'email' });
    expect(row('Mobile', '+14085550142', 'a@b.example', 'A').issues[0]).to.include({ code: 'login_type.invalid', suggestion: 'phone' });
    expect(row('', '', 'a@b.example', 'A').issues[0]).to.include({ code: 'login_type.required', column: 'loginType' });
  });
  it('emails by the HTML definition, ≤ 254 characters, with typo warnings', () => {
    for (const ok of ['a+b@c.example', 'helpdesk@intranet', "o'hara@x.example", 'UPPER@X.EXAMPLE']) expect(codes(row('email', '', ok, 'A')), ok).to.deep.equal([]);
    for (const bad of ['a@b.com.', 'a@@b.com', 'a b@c.com', 'Name <a@b.com>', 'mailto:a@b.com', 'ü@b.com', `${'a'.repeat(250)}@b.com`]) {
      expect(codes(row('email', '', bad, 'A')), bad).to.deep.equal(['email.invalid']);
    }
    const typos: [string, string][] = [['x@gmial.com', 'x@gmail.com'], ['x@gamil.com', 'x@gmail.com'], ['x@gmail.con', 'x@gmail.com'], ['x@hotmial.com', 'x@hotmail.com'], ['x@yahooo.com', 'x@yahoo.com'], ['X.Y@Outlok.com', 'X.Y@outlook.com']];
    for (const [typo, fixed] of typos) {
      const r = row('email', '', typo, 'A');
      expect(r.issues[0]).to.include({ code: 'email.typo', severity: 'warning', suggestion: fixed });
      expect(r.record?.email).to.equal(typo);
    }
    for (const fine of ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me']) expect(row('email', '', `x@${fine}`, 'A').issues).to.deep.equal([]);
  });
  it('names: required, at most 100 characters, formula-like text is a name', () => {
    expect(codes(row('email', '', 'a@b.example', 'x'.repeat(100)))).to.deep.equal([]);
    expect(codes(row('email', '', 'a@b.example', 'x'.repeat(101)))).to.deep.equal(['name.too_long']);
    expect(row('email', '', 'a@b.example', '=SUM(1)').record?.name).to.equal('=SUM(1)');
    expect(row('email', '', 'a@b.example', "'=SUM(1)").record?.name).to.equal('=SUM(1)');
  });
  it('existingLoginIds in validateRow', () => {
    expect(codes(row('email', '', 'Dana@x.example', 'D', { existingLoginIds: ['dana@X.example'] }))).to.deep.equal(['login_id.exists']);
    expect(codes(row('phone', '+1 646 555 0177', 'd@x.example', 'D', { existingLoginIds: ['+16465550177'] }))).to.deep.equal(['login_id.exists']);
  });
});

describe('duplicates across rows', () => {
  it('phones compare in E.164, emails case-insensitively, only login IDs count', async () => {
    const csv = [
      'iPlum ID (phone/email),Phone #,Email,Name',
      'phone,+1 408-555-0190,a@x.example,A',
      "phone,'+14085550190,b@x.example,B",
      'email,,C@x.example,C',
      'phone,+14085550191,c@x.example,D',
      'email,+14085550190,c@X.EXAMPLE,E',
      'phone,+1 408 555 0190,,F',
    ].join('\r\n');
    const report = await validateCsv(csv);
    const dup = (r: RowReport) => r.issues.find((i) => i.code === 'login_id.duplicate')?.relatedRows;
    expect(report.rows.map(dup)).to.deep.equal([[3, 7], [2, 7], [6], undefined, [4], [2, 3]]);
    expect(report.rows[3]?.record?.loginId).to.equal('+14085550191');
    expect(report.rows[0]?.record).to.equal(undefined);
  });
});

describe('messages', () => {
  it('has a non-empty message for every code', () => {
    for (const code of ISSUE_CODES) expect(defaultMessages[code]({ value: 'x', suggestion: 'y' }), code).to.be.a('string').with.length.greaterThan(20);
  });
  it('scientific notation tells the admin to format the column as Text and start with +', () => {
    const m = row('phone', '1.40856E+10', 'a@b.example', 'A').issues[0]?.message ?? '';
    expect(m).to.match(/scientific notation/).and.match(/Text/).and.match(/\+/);
  });
  it('is replaceable per code', async () => {
    const messages = { 'name.required': () => 'Nom requis' } satisfies Partial<Record<IssueCode, () => string>>;
    expect(row('email', '', 'a@b.example', '', { messages }).issues[0]?.message).to.equal('Nom requis');
    const report = await validateCsv('', { messages: { 'file.empty': () => 'Fichier vide' } });
    expect(report.fileIssues[0]?.message).to.equal('Fichier vide');
  });
});

describe('cross-row issues point at the login column', () => {
  it('duplicate phones point at phone, emails at email', async () => {
    const report = await validateCsv('iPlum ID (phone/email),Phone #,Email,Name\r\nphone,+14155550100,a@x.example,A\r\nphone,+14155550100,b@x.example,B\r\nemail,,c@x.example,C\r\n', { existingLoginIds: ['C@X.example'] });
    expect(report.rows.map((r) => r.issues.map((i) => [i.code, i.column]))).to.deep.equal([
      [['login_id.duplicate', 'phone']],
      [['login_id.duplicate', 'phone']],
      [['login_id.exists', 'email']],
    ]);
  });
});
