import { expect } from 'chai';
import { parseCsv, resultsCsv, validateCsv } from '../../src/core/index.js';
import { readFixture } from '../helpers/fixtures.js';

describe('resultsCsv', () => {
  it('gives every row of a real export its result, as written, with formulas neutralized', async () => {
    const report = await validateCsv(await readFixture('google-sheets-export.csv'));
    const valid = report.rows.filter((r) => r.record);
    const held = report.rows.filter((r) => !r.record);
    const results = new Map([
      [valid[0]!.row, { status: 'invited' as const }],
      [valid[1]!.row, { status: 'rejected' as const, message: 'Login ID taken' }],
      [valid[2]!.row, { status: 'unconfirmed' as const, message: 'No answer' }],
    ]);
    const csv = resultsCsv(report, results);
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    const table = parseCsv(csv.slice(1));
    expect(table[0]).to.deep.equal(['iPlum ID (phone/email)', 'Phone #', 'Email', 'Name', 'Result', 'Details']);
    expect(table.length).to.equal(report.rows.length + 1);
    const byName = (name: string) => table.find((cells) => cells[3] === name)!;
    expect(byName(valid[0]!.values['name']!).slice(4)).to.deep.equal(['Invited', '']);
    expect(byName(valid[1]!.values['name']!).slice(4)).to.deep.equal(['Rejected by the server', 'Login ID taken']);
    expect(byName(valid[2]!.values['name']!)[4]).to.match(/Not confirmed/);
    const heldRow = table[report.rows.indexOf(held[0]!) + 1]!;
    expect(heldRow[4]).to.match(/Held back/);
    expect(heldRow[5]).to.equal(held[0]!.issues.filter((i) => i.severity === 'error').map((i) => i.message).join(' | '));
    for (const cells of table) for (const cell of cells) expect(cell).to.not.match(/^[=+\-@\t\r]/);
  });

  it('takes localized labels and the brand', async () => {
    const report = await validateCsv('Acme ID (phone/email),Phone #,Email,Name\r\nemail,,a@b.example,Ana\r\n', { brand: 'Acme' });
    const csv = resultsCsv(report, new Map([[2, { status: 'invited' as const }]]), { brand: 'Acme', labels: { result: 'Resultado', invited: 'Invitado' } });
    const table = parseCsv(csv.slice(1));
    expect(table[0]![0]).to.equal('Acme ID (phone/email)');
    expect(table[0]![4]).to.equal('Resultado');
    expect(table[1]![4]).to.equal('Invitado');
  });
});
