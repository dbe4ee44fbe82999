import { expect } from 'chai';
import { parseCsv } from '../../src/core/index.js';
import { detectDelimiter } from '../../src/core/csv/parse.js';
import { listFixtures, readFixtureText } from '../helpers/fixtures.js';

const spectrum = (await listFixtures('csv-spectrum/csvs')).filter((f) => f.endsWith('.csv'));

describe('parseCsv: csv-spectrum', () => {
  it('finds the suite', () => {
    expect(spectrum.length).to.be.greaterThanOrEqual(11);
  });
  for (const file of spectrum) {
    it(file, async () => {
      const text = await readFixtureText(`csv-spectrum/csvs/${file}`);
      const expected = JSON.parse(await readFixtureText(`csv-spectrum/json/${file.replace(/\.csv$/, '.json')}`)) as Record<string, string>[];
      const [header, ...rows] = parseCsv(text);
      const objects = rows.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
      expect(objects).to.deep.equal(expected);
    });
  }
});

describe('parseCsv: spreadsheet realities', () => {
  it('removes a BOM and keeps blank records, dropping only the remainder after the final line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\nc,d\r\n')).to.deep.equal([['a', 'b'], [''], ['c', 'd']]);
    expect(parseCsv('a,b')).to.deep.equal([['a', 'b']]);
    expect(parseCsv('')).to.deep.equal([]);
  });
  it('reads CR-only line ends', () => {
    expect(parseCsv('a,b\rc,d\r')).to.deep.equal([['a', 'b'], ['c', 'd']]);
  });
  it('detects ; and TAB, counting only outside quotes', () => {
    expect(detectDelimiter('a;b;c\r\n1;2;3')).to.equal(';');
    expect(detectDelimiter('a\tb\tc\n')).to.equal('\t');
    expect(detectDelimiter('"a;b;c",d\n')).to.equal(',');
    expect(detectDelimiter('Name;Weiß, Jürgen;x\n')).to.equal(';');
    expect(detectDelimiter('\n\nsingle\na,b\n')).to.equal(',');
    expect(parseCsv('"Nowak, Anna"\tb\r\n')).to.deep.equal([['Nowak, Anna', 'b']]);
  });
  it('keeps a quoted line break inside one record', () => {
    expect(parseCsv('a,"x\r\ny",b\r\nc,d,e\r\n')).to.deep.equal([['a', 'x\r\ny', 'b'], ['c', 'd', 'e']]);
  });
});
