import { expect } from '@open-wc/testing';
import { validateCsv } from '../../src/core/index.js';
import type { Profile, RowReport } from '../../src/core/index.js';
import { DEFAULT_PROFILE } from '../../src/core/profile.js';
import { decodeRows, encodeRows } from '../../src/worker/row-codec.js';
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
  });
});
