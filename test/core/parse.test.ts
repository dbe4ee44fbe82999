import { expect } from 'chai';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parseCsv } from '../../src/core/index.js';
import { byteSplitPoints, cutsFitNewline, detectDelimiter, detectNewline, parseBytesInParts, parseInParts, parseRecords, pieceCuts } from '../../src/core/csv/parse.js';
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

describe('detectNewline: the line break papaparse guesses', () => {
  const papaGuess = (text: string) => Papa.parse<string[]>(text, { delimiter: ',', preview: 1 }).meta.linebreak;
  const piece = fc.constantFrom('a', ',', '"', '""', '\r', '\n', '\r\n', '"x\r\ny"', '"\n"');

  it('is papaparse’s own guess for any text of quotes, CRs and line feeds', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(detectNewline(text)).to.equal(papaGuess(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('looks at the first 1,048,576 characters only, as papaparse does', () => {
    const filler = 'a'.repeat(1024 * 1024 - 2);
    // The CRs come past the window: only the line feed inside it counts.
    const late = `${filler}\n,${'\r'.repeat(10)}`;
    expect(papaGuess(late)).to.equal('\n');
    expect(detectNewline(late)).to.equal('\n');
    // A quote whose partner lies past the window stays, and the CR after it counts.
    const open = `"\r\r${filler}"\n`;
    expect(papaGuess(open)).to.equal('\r');
    expect(detectNewline(open)).to.equal('\r');
    // The same quote closed inside the window hides the CRs.
    const closed = `"\r\r"\r\n${filler}`;
    expect(papaGuess(closed)).to.equal('\r\n');
    expect(detectNewline(closed)).to.equal('\r\n');
  });
});

describe('parseInParts: a big text parsed a part at a time', () => {
  // Cells that make cutting hard: quoted line breaks, doubled quotes, stray quotes in unquoted values,
  // delimiters inside quotes, blank lines.
  // '\uFEFFb': a line may begin with a zero-width no-break space, which is text there, not a byte-order mark.
  const cell = fc.constantFrom('a', 'Zoë', '', '\uFEFFb', '"x, y"', '"two\r\nlines"', '"say ""hi"""', '5\'10"', 'x"y', '"\n"', ';', '"un', 'lone\nLF');
  const line = fc.array(cell, { minLength: 1, maxLength: 5 });
  const text = fc
    .tuple(fc.array(line, { minLength: 0, maxLength: 60 }), fc.constantFrom('\r\n', '\n', '\r'), fc.constantFrom(',', ';', '\t'), fc.boolean())
    .map(([lines, newline, delimiter, final]) => lines.map((cells) => cells.join(delimiter)).join(newline) + (final ? newline : ''))
    // At the very start, U+FEFF is the byte-order mark, which decoding removes (see decode.test.ts).
    .map((csv) => (csv.charCodeAt(0) === 0xfeff ? `a${csv}` : csv));

  it('gives exactly the records, delimiter and unclosed quote of one whole parse, for any part size', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 200 }), (csv, partChars) => {
        const whole = parseRecords(csv);
        const records: string[][] = [];
        let unclosed = -1;
        let end = 0;
        for (const part of parseInParts(csv, partChars)) {
          expect(part.delimiter).to.equal(whole.delimiter);
          if (part.unclosedQuoteRecord >= 0 && unclosed < 0) unclosed = records.length + part.unclosedQuoteRecord;
          records.push(...part.records);
          end = part.end;
          if (part.last) expect(part.end).to.equal(csv.length);
        }
        expect(end).to.equal(csv.length);
        expect(records).to.deep.equal(whole.records);
        expect(unclosed).to.equal(whole.unclosedQuoteRecord);
      }),
      { numRuns: 400 },
    );
  });

  it('cuts the bytes of a text where its parts decode and, when the cut fits, parse as the whole', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 4 }), fc.double({ min: 0.1, max: 0.9, noNaN: true }), (csv, parts, share) => {
        const bytes = new TextEncoder().encode(csv);
        const points = byteSplitPoints(bytes, 0, parts, share);
        const bounds = [0, ...points, bytes.length];
        let quotes = 0;
        for (let p = 0; p < points.length; p++) {
          expect(bytes[points[p]! - 1], 'right after a line feed').to.equal(0x0a);
          expect(points[p]).to.be.greaterThan(bounds[p]!);
          for (let i = bounds[p]!; i < points[p]!; i++) if (bytes[i] === 0x22) quotes++;
          expect(quotes % 2, 'outside quotes, by their count').to.equal(0);
        }
        // Never inside a character: the parts decode to pieces of the text.
        const pieces = bounds.slice(1).map((end, p) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bounds[p], end)));
        expect(pieces.join('')).to.equal(csv);
        const whole = parseRecords(csv);
        const newline = detectNewline(csv);
        const parsed = pieces.map((piece) => parseRecords(piece, { delimiter: whole.delimiter, newline }));
        if (cutsFitNewline(bytes, points, newline) && parsed.slice(0, -1).every((part) => part.unclosedQuoteRecord < 0)) {
          expect(parsed.flatMap((part) => part.records)).to.deep.equal(whole.records);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('decodes and parses bytes a piece at a time into exactly the records of one whole parse, for any piece size', () => {
    const how = { encoding: 'utf-8', fatal: true, start: 0 } as const;
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), fc.boolean(), (csv, pieceBytes, decodedFirst) => {
        const bytes = new TextEncoder().encode(csv);
        const newline = detectNewline(csv);
        const whole = parseRecords(csv, { newline });
        const cuts = pieceCuts(bytes, pieceBytes);
        const first = decodedFirst ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, cuts[1])) : undefined;
        const parts = [...parseBytesInParts(bytes, cuts, how, { delimiter: whole.delimiter, newline }, first)];
        expect(parts.flatMap((part) => part!.records)).to.deep.equal(whole.records);
        // Only the last part may end inside a quoted value; its index counts from the part's first record.
        const lastPart = parts[parts.length - 1]!;
        const before = parts.slice(0, -1).reduce((n, part) => n + part!.records.length, 0);
        expect(lastPart.unclosedQuoteRecord < 0 ? -1 : before + lastPart.unclosedQuoteRecord).to.equal(whole.unclosedQuoteRecord);
        expect(parts.slice(0, -1).every((part) => part!.unclosedQuoteRecord < 0 && !part!.last)).to.equal(true);
        expect([lastPart.end, lastPart.last]).to.deep.equal([bytes.length, true]);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.end).to.be.greaterThan(parts[i - 1]!.end);
      }),
      { numRuns: 400 },
    );
    // Not UTF-8 in a later piece: the caller must decode the whole file instead.
    const bad = new Uint8Array([...new TextEncoder().encode('a,b\r\nc,d\r\n'), 0xe9, 0x0d, 0x0a]);
    expect([...parseBytesInParts(bad, pieceCuts(bad, 4), how, { delimiter: ',', newline: '\r\n' })].at(-1)).to.equal(null);
  });

  it('cuts a long text into parts of about the size asked', () => {
    const csv = Array.from({ length: 5000 }, (_, i) => `phone,+1415555${String(i).padStart(4, '0')},u${i}@acme.example,"Name, ${i}"`).join('\r\n');
    const parts = [...parseInParts(csv, 20_000)];
    expect(parts.length).to.be.within(Math.floor(csv.length / 20_000), Math.ceil(csv.length / 20_000));
    expect(parts.reduce((sum, part) => sum + part.records.length, 0)).to.equal(5000);
  });
});
