import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateCsv } from '../../src/core/index.js';
import type { Issue, Profile, RowReport, UserRecord } from '../../src/core/index.js';
import { DEFAULT_PROFILE } from '../../src/core/profile.js';
import { RowEncoder, decodeRows, encodeRows } from '../../src/worker/row-codec.js';
import { readFixture, readManifest } from '../helpers/fixtures.js';

const plain = (rows: RowReport[]) => JSON.parse(JSON.stringify(rows)) as RowReport[];

describe('row codec (worker → page)', () => {
  it('gives back exactly the row reports of every public fixture', async () => {
    let rows = 0;
    for (const entry of await readManifest()) {
      const report = await validateCsv(await readFixture(entry.file), entry.options);
      const decoded = decodeRows(structuredClone(encodeRows(report.rows)));
      expect(plain(decoded), entry.file).to.deep.equal(plain(report.rows));
      // Same keys present, not only equal JSON: `phone` and `loginKey` are left out when absent.
      decoded.forEach((row, i) => expect(Object.keys(row).sort(), entry.file).to.deep.equal(Object.keys(report.rows[i]!).sort()));
      rows += decoded.length;
    }
    expect(rows).to.be.greaterThan(2000);
  });

  it('carries rows of other shapes whole (a profile with an extra column)', async () => {
    const profile: Profile = { columns: [...DEFAULT_PROFILE.columns, { key: 'team', header: 'Team', rule: 'text' }] };
    const csv = 'iPlum ID (phone/email),Phone #,Email,Name,Team\r\nemail,,a@b.example,Ana,Blue\r\nphone,14085550142,c@d.example,Cy,\r\n';
    const report = await validateCsv(csv, { profile });
    expect(report.rows[0]!.record!.fields).to.deep.equal({ team: 'Blue' });
    const decoded = decodeRows(structuredClone(encodeRows(report.rows)));
    expect(plain(decoded)).to.deep.equal(plain(report.rows));
    expect(decodeRows(encodeRows([]))).to.deep.equal([]);
    const full = new RowEncoder(1);
    full.push(report.rows[0]!);
    expect(() => full.push(report.rows[1]!)).to.throw(RangeError);
  });

  it('gives back any report of the usual shape, whichever fields are strings of their own', () => {
    // Strings that equal a value by content only, as a worker's strings do after a clone.
    const text = fc.constantFrom('phone', 'email', '+14085550142', '(408) 555-0142', 'a@b.example', 'A@B.example', 'Ana', ' Ana ', '');
    const field = (value: string) => fc.oneof(fc.constant(value), text);
    const report = fc
      .record({ row: fc.integer({ min: 2, max: 1e6 }), loginType: text, phone: text, email: text, name: text, withIssue: fc.boolean() })
      .chain((v) =>
        fc.record({
          record: fc.option(
            fc.record({
              loginType: field(v.loginType),
              phone: fc.option(field(v.phone), { nil: undefined }),
              email: field(v.email),
              name: field(v.name),
              id: fc.constantFrom('phone', 'email', 'own'),
              own: text,
            }),
            { nil: undefined },
          ),
          loginKey: fc.constantFrom('none', 'phone', 'email', 'own'),
          ownKey: text,
        }).map(({ record: r, loginKey, ownKey }): RowReport => {
          const values = { loginType: v.loginType, phone: v.phone, email: v.email, name: v.name };
          const issues: Issue[] = v.withIssue ? [{ code: 'name.required', severity: 'error', message: 'Name is missing.', column: 'name' }] : [];
          let record: UserRecord | undefined;
          if (r) {
            const loginId = r.id === 'phone' && r.phone !== undefined ? r.phone : r.id === 'email' ? r.email : r.own;
            const base = { loginType: r.loginType as UserRecord['loginType'], loginId };
            record = r.phone === undefined ? { ...base, email: r.email, name: r.name } : { ...base, phone: r.phone, email: r.email, name: r.name };
          }
          const key = loginKey === 'phone' ? record?.phone : loginKey === 'email' ? record?.email : loginKey === 'own' ? ownKey : undefined;
          const out: RowReport = { row: v.row, values, issues };
          if (key !== undefined) out.loginKey = key;
          if (record) out.record = record;
          return out;
        }),
      );
    fc.assert(
      fc.property(fc.array(report, { maxLength: 30 }), fc.nat(30), (reports, cut) => {
        const decoded = decodeRows(structuredClone(encodeRows(reports)));
        expect(plain(decoded)).to.deep.equal(plain(reports));
        // One encoder for chunk after chunk, as a worker uses it.
        const encoder = new RowEncoder(30);
        reports.slice(0, cut).forEach((r) => encoder.push(r));
        const first = decodeRows(structuredClone(encoder.take()));
        reports.slice(cut).forEach((r) => encoder.push(r));
        expect(plain([...first, ...decodeRows(structuredClone(encoder.take()))])).to.deep.equal(plain(reports));
        decoded.forEach((row, i) => {
          expect(Object.keys(row).sort()).to.deep.equal(Object.keys(reports[i]!).sort());
          if (row.record) expect(Object.keys(row.record).sort()).to.deep.equal(Object.keys(reports[i]!.record!).sort());
        });
      }),
      { numRuns: 300 },
    );
  });
});
