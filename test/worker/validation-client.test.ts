import { expect } from '@open-wc/testing';
import { validateCsv } from '../../src/core/index.js';
import type { ValidateOptions, ValidateProgress, ValidationReport } from '../../src/core/index.js';
import { ValidationClient } from '../../src/worker/validation-client.js';
import { READ_SHARE } from '../../src/worker/protocol.js';
import { generateCsv } from '../helpers/generate-users.js';
import { readFixture, readManifest } from '../helpers/fixtures.js';

/** The report without the parts that legitimately differ between runs (none should). */
const comparable = (report: ValidationReport) => JSON.parse(JSON.stringify(report)) as ValidationReport;

describe('ValidationClient (the worker pool)', () => {
  let pool: ValidationClient;
  before(() => {
    pool = new ValidationClient({ poolSize: 3 });
  });
  after(() => pool.terminate());

  it('gives exactly the report validateCsv gives, for a file large enough to be shared out', async () => {
    // 9,000 generated rows, and duplicates planted in different workers' shares.
    let csv = generateCsv(9000);
    csv += 'phone,+14085550142,first@acme.example,Last\r\nemail,,Dup@Acme.example,Also last\r\n';
    const lines = csv.split('\r\n');
    lines.splice(100, 0, 'phone,+1 408 555 0142,early@acme.example,Early');
    lines.splice(6000, 0, 'email,,dup@acme.example,Middle');
    // A pair in different shares whose rows carry a warning too: counted valid with a warning until the
    // duplicate is found, then invalid (the page keeps the counts as rows arrive).
    lines.splice(3000, 0, 'email,,twin@gmial.com,Twin A');
    lines.splice(8500, 0, 'email,,Twin@gmial.com,Twin B');
    csv = lines.join('\r\n');

    const inThread = await validateCsv(csv);
    const pooled = await pool.validate(csv);
    expect(comparable(pooled)).to.deep.equal(comparable(inThread));

    const duplicates = pooled.rows.filter((r) => r.issues.some((i) => i.code === 'login_id.duplicate'));
    const early = pooled.rows.find((r) => r.values['name'] === 'Early')!;
    const last = pooled.rows.find((r) => r.values['name'] === 'Last')!;
    expect(early.issues.find((i) => i.code === 'login_id.duplicate')!.relatedRows).to.deep.equal([last.row]);
    expect(last.record, 'a duplicate loses its record').to.equal(undefined);
    expect(duplicates.map((r) => r.values['name'])).to.include.members(['Early', 'Middle', 'Last', 'Also last', 'Twin A', 'Twin B']);
    const twins = pooled.rows.filter((r) => r.values['name']?.startsWith('Twin '));
    expect(twins.map((r) => r.issues.map((i) => i.code))).to.deep.equal([['email.typo', 'login_id.duplicate'], ['email.typo', 'login_id.duplicate']]);
    const valid = pooled.rows.filter((r) => !r.issues.some((i) => i.severity === 'error'));
    expect(pooled.summary.valid).to.equal(valid.length);
    expect(pooled.summary.withWarnings).to.equal(valid.filter((r) => r.issues.length > 0).length);
  });

  it('finds duplicates between chunks of a share: a helper sends its login keys chunk by chunk', async () => {
    // Two workers, 20,000 rows: the helper validates over 10,000 rows, posted in chunks of at most 1,024.
    const two = new ValidationClient({ poolSize: 2 });
    try {
      const lines = generateCsv(20000).split('\r\n');
      lines.splice(19990, 0, 'phone,+1 408 555 0199,near-end@acme.example,Near the end');
      lines.splice(11000, 0, 'email,,chunk@acme.example,Helper first chunk');
      lines.splice(19000, 0, 'email,,Chunk@Acme.example,Helper last chunk');
      lines.splice(50, 0, 'phone,+14085550199,start@acme.example,Primary start');
      const csv = lines.join('\r\n');
      const pooled = await two.validate(csv);
      expect(comparable(pooled)).to.deep.equal(comparable(await validateCsv(csv)));
      const byName = (name: string) => pooled.rows.find((r) => r.values['name'] === name)!;
      const related = (name: string) => byName(name).issues.find((i) => i.code === 'login_id.duplicate')?.relatedRows;
      expect(related('Helper first chunk')).to.deep.equal([byName('Helper last chunk').row]);
      expect(related('Primary start')).to.deep.equal([byName('Near the end').row]);
    } finally {
      two.terminate();
    }
  });

  it('gives a helper that finishes early the rest of the primary’s rows, with the same report', async () => {
    // The helper's part (the end of the file) is quick to check: email logins without phones, whose long
    // values make the file cut early in them. It finishes long before the primary, whose phone rows take
    // the phone library's time, and takes half of what the primary has left, maybe more than once.
    const two = new ValidationClient({ poolSize: 2 });
    try {
      const [header, ...rows] = generateCsv(14000).split('\r\n').filter((line) => line !== '');
      const phones = rows.map((line, i) => line.replace(/^[^,]*,/, 'phone,').replace(/^phone,,/, `phone,+1408${5560000 + i},`));
      const emails = Array.from({ length: 9000 }, (_, i) => `email,,quick${i}.${'x'.repeat(100)}@acme.example,${'Quick '.repeat(14)}${i}`);
      phones.splice(9000, 0, 'phone,+1 408 555 0177,late@acme.example,Late in the primary’s part');
      phones.splice(100, 0, 'phone,+14085550177,early@acme.example,Early');
      emails.splice(8000, 0, 'phone,+14085550177,twin@acme.example,Twin in the helper’s part');
      const csv = [header, ...phones, ...emails].join('\r\n');
      const pooled = await two.validate(csv);
      expect(comparable(pooled)).to.deep.equal(comparable(await validateCsv(csv)));
      const byName = (name: string) => pooled.rows.find((r) => r.values['name'] === name)!;
      const [early, late, twin] = ['Early', 'Late in the primary’s part', 'Twin in the helper’s part'].map(byName);
      expect(early!.issues.find((i) => i.code === 'login_id.duplicate')?.relatedRows).to.deep.equal([late!.row, twin!.row]);
      expect(pooled.summary.rows).to.equal(23003);
    } finally {
      two.terminate();
    }
  });

  it('decodes a big file in every worker at once, with the report of validateCsv: UTF-8, Windows-1252, UTF-16', async () => {
    // Latin-1 names only, so that the text can be written in Windows-1252 too.
    const csv = generateCsv(12000).replace(/^\uFEFF/, '').replace(/[\u0100-\uffff]+/g, 'Zoë');
    const latin1 = Uint8Array.from(csv, (c) => c.charCodeAt(0));
    const utf16 = new Uint8Array(2 + csv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) utf16[2 + i * 2] = csv.charCodeAt(i); // Latin-1: the high bytes are 0
    for (const [name, bytes, encoding] of [
      ['UTF-8', new TextEncoder().encode(csv), 'utf-8'],
      ['Windows-1252', latin1, 'windows-1252'],
      ['UTF-16', utf16, 'utf-16le'],
    ] as const) {
      const pooled = await pool.validate(new File([bytes], 'users.csv'));
      expect(pooled.file.encoding, name).to.equal(encoding);
      expect(pooled.summary.rows, name).to.equal(12000);
      expect(comparable(pooled), name).to.deep.equal(comparable(await validateCsv(bytes)));
    }
  });

  it('cuts big files only where they parse the same: quoted line breaks, stray quotes, CR or LF, semicolons, blank rows', async () => {
    const base = generateCsv(12000);
    const lines = base.split('\r\n');
    // Multi-line quoted names all through the file, so that a cut in the middle would break one.
    const multiline = lines.map((line, i) => (i > 0 && i % 7 === 0 ? line.replace(/"([^"]*)"$/, '"$1\r\nsecond line, with a comma"') : line)).join('\r\n');
    // A stray quote inside an unquoted value near the start flips a naive quote count for the rest of the file.
    const stray = lines.map((line, i) => (i === 3 ? line.replace(/@/, '"@') : line)).join('\r\n');
    const variants: Array<[string, string]> = [
      ['quoted line breaks', multiline],
      ['a stray quote', stray],
      // …and with quoted line breaks after it, the count says a cut inside a quoted name is outside: caught, parsed whole.
      ['a stray quote and quoted line breaks', multiline.replace(/@/, '"@')],
      ['LF line ends', lines.join('\n')],
      ['CR line ends', lines.join('\r')],
      ['semicolons', lines.map((line) => line.replace(/,/g, ';')).join('\r\n')],
      ['blank rows', lines.map((line, i) => (i % 50 === 0 ? `${line}\r\n,,,\r\n` : line)).join('\r\n')],
      ['an unclosed quote at the end', `${lines.join('\r\n')}email,,z@z.example,"Never closed\r\n`],
    ];
    for (const [name, csv] of variants) {
      const inThread = await validateCsv(csv);
      expect(inThread.summary.rows, name).to.be.greaterThan(11000);
      // As text (cut after decoding) and as a file (cut in the bytes, before decoding).
      expect(comparable(await pool.validate(csv)), name).to.deep.equal(comparable(inThread));
      expect(comparable(await pool.validate(new File([csv], 'users.csv'))), `${name}, from a file`).to.deep.equal(comparable(inThread));
    }
  });

  it('cuts the bytes of a big file only where the whole file decodes and parses the same, from a file or from bytes', async () => {
    const lines = generateCsv(12000).replace(/^\uFEFF/, '').split('\r\n');
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const ascii = lines.map((line) => line.replace(/[\u0080-\uffff]/g, 'e'));
    const late = [...ascii.slice(0, 10000), ...lines.slice(10000).map((line) => line.replace(/[\u0100-\uffff]/g, 'é'))].join('\r\n');
    const variants: Array<[string, Uint8Array, ValidateOptions?]> = [
      ['a UTF-8 byte-order mark', new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}`)],
      // Valid UTF-8 up to the last part: that part cannot be decoded as UTF-8, so the whole file is Windows-1252.
      ['Windows-1252 letters only near the end', latin1(late)],
      ['Windows-1252, chosen by the admin', latin1(late), { encoding: 'windows-1252' }],
      ['UTF-8, chosen by the admin, with a stray Windows-1252 byte', new Uint8Array([...new TextEncoder().encode(ascii.join('\r\n')), 0xe9])],
      // papaparse guesses the line break from the first 1,048,576 characters of the whole file: here CRLF in
      // the first part and a little after, then so many lone CRs that the guess is CR, which the bytes cannot
      // be cut at (the first part alone would say CRLF).
      ['CRLF first and CR after', new TextEncoder().encode(`${ascii.slice(0, 5000).join('\r\n')}\r\n${ascii.slice(5000).join('\r')}`)],
      // Line feeds inside unquoted values of a CRLF file are not line breaks: no cut after one.
      ['lone line feeds in CRLF lines', new TextEncoder().encode(ascii.map((line) => line.replace('@', '\n@')).join('\r\n'))],
    ];
    for (const [name, bytes, options] of variants) {
      const inThread = await validateCsv(bytes, options);
      expect(inThread.summary.rows, name).to.be.greaterThan(11000);
      // The same from a file (read in the primary) and from bytes given as they are; the progress never goes
      // back, even when a part is read again as the whole file.
      for (const [kind, input] of [['a file', new File([bytes as Uint8Array<ArrayBuffer>], 'users.csv')], ['bytes', bytes.slice()]] as const) {
        const done: number[] = [];
        expect(comparable(await pool.validate(input, { ...options, onProgress: (p) => done.push(p.bytesDone) })), `${name}, ${kind}`).to.deep.equal(comparable(inThread));
        expect(done.every((n, i) => i === 0 || n >= done[i - 1]!), `${name}, ${kind}: ${done.join(' ')}`).to.equal(true);
      }
    }
    expect((await validateCsv(latin1(late))).file.encoding).to.equal('windows-1252');
  });

  it('gives the file-level verdicts of validateCsv for big files: too many rows, a wrong header', async () => {
    const csv = generateCsv(9000);
    for (const [csvText, options] of [
      [csv, { maxRows: 5000 }],
      [csv.replace('Phone #', 'Phone number'), {}],
      [csv.replace('Phone #', 'Phone number'), { headerMode: 'lenient' as const }],
    ] as const) {
      const pooled = await pool.validate(csvText, options);
      const inThread = await validateCsv(csvText, options);
      expect(comparable(pooled)).to.deep.equal(comparable(inThread));
    }
  });

  it('matches every public fixture', async () => {
    for (const entry of await readManifest()) {
      const bytes = await readFixture(entry.file);
      const pooled = await pool.validate(bytes.slice().buffer, entry.options);
      const inThread = await validateCsv(bytes, entry.options);
      expect(comparable(pooled), entry.file).to.deep.equal(comparable(inThread));
    }
  });

  it('reports progress as the file is read and as the shares come in, ending at the total', async () => {
    const csv = generateCsv(12000);
    for (const input of [csv, new File([csv], 'users.csv')]) {
      const kind = typeof input === 'string' ? 'text' : 'a file';
      const seen: ValidateProgress[] = [];
      const report = await pool.validate(input, { onProgress: (p) => seen.push(p) });
      expect(report.summary.rows).to.equal(12000);
      const rows = seen.filter((p) => p.rowsDone > 0);
      expect([...new Set(rows.map((p) => p.rowsTotal))], `${kind}: the row count is known from the first rows on`).to.deep.equal([12000]);
      // …and told as soon as the rows are counted, before any is validated.
      expect(seen.find((p) => p.rowsTotal !== undefined)!.rowsDone, kind).to.equal(0);
      expect(rows.length, kind).to.be.greaterThan(1);
      // Before any row is validated, the progress moves as the primary decodes and parses its part.
      const reading = seen.filter((p) => p.rowsDone === 0 && p.bytesDone > 0);
      expect(reading.length, `${kind}: progress while reading`).to.be.greaterThan(0);
      expect(seen.indexOf(reading[0]!), kind).to.be.lessThan(seen.indexOf(rows[0]!));
      // Reading fills the first READ_SHARE of the progress, the rows the rest.
      const bytesTotal = seen[0]!.bytesTotal;
      expect(reading[reading.length - 1]!.bytesDone, kind).to.equal(Math.round(bytesTotal * READ_SHARE));
      for (const p of rows) expect(p.bytesDone, kind).to.equal(Math.round(bytesTotal * (READ_SHARE + ((1 - READ_SHARE) * p.rowsDone) / 12000)));
      const last = seen[seen.length - 1]!;
      expect([last.rowsDone, last.bytesDone], kind).to.deep.equal([12000, last.bytesTotal]);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i]!.rowsDone, kind).to.be.at.least(seen[i - 1]!.rowsDone);
        expect(seen[i]!.bytesDone, `${kind}: bytesDone never goes back`).to.be.at.least(seen[i - 1]!.bytesDone);
      }
    }
  });

  it('reads a big file a piece of its part at a time, with the report of validateCsv and progress between the pieces', async () => {
    // About 6.5 MB: the primary's part (about 2.4 MB here, with two helpers) is read in two pieces or more.
    const csv = generateCsv(100000);
    const options = { maxRows: 100000 };
    const inThread = await validateCsv(csv, options);
    expect(inThread.summary.rows).to.equal(100000);
    for (const input of [csv, new File([csv], 'users.csv')]) {
      const kind = typeof input === 'string' ? 'text' : 'a file';
      const seen: ValidateProgress[] = [];
      expect(comparable(await pool.validate(input, { ...options, onProgress: (p) => seen.push(p) })), kind).to.deep.equal(comparable(inThread));
      // After the file is cut (a tenth of the reading share), progress after each piece of every worker's part
      // (pieces of 1 MiB: at least as many as the file has MiB, where the primary's part alone has 3); the last
      // ends the share.
      const share = seen[0]!.bytesTotal * READ_SHARE;
      const pieces = seen.filter((p) => p.rowsDone === 0 && p.bytesDone > Math.round(share / 10));
      expect(pieces.length, `${kind}: progress after each piece`).to.be.at.least(Math.ceil(seen[0]!.bytesTotal / (1 << 20)));
      expect(pieces[pieces.length - 1]!.bytesDone, kind).to.equal(Math.round(share));
      if (kind === 'a file') {
        // Before the cut, the file is read a chunk at a time, and the cut itself takes two steps: more than the
        // one step of a file read whole.
        const beforeCut = new Set(seen.filter((p) => p.rowsDone === 0 && p.bytesDone > 0 && p.bytesDone < Math.round(share / 10)).map((p) => p.bytesDone));
        expect(beforeCut.size, `${kind}: progress while the file is read: ${[...beforeCut].join(' ')}`).to.be.at.least(3);
      }
    }
  });

  it('stops on abort, rejects with the reason, and validates the next file normally', async () => {
    const controller = new AbortController();
    const reason = new DOMException('cancelled by the admin', 'AbortError');
    const run = pool.validate(generateCsv(40000), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsDone > 0) controller.abort(reason);
      },
    });
    let caught: unknown;
    try {
      await run;
    } catch (error) {
      caught = error;
    }
    expect(caught).to.equal(reason);
    const next = await pool.validate(generateCsv(5000));
    expect(next.summary.rows).to.equal(5000);
  });

  it('re-validates one row for an in-place fix', async () => {
    const row = await pool.validateRow({ loginType: 'phone', phone: '14085550142', email: 'a@b.example', name: 'A' });
    expect(row.issues.map((i) => i.code)).to.deep.equal(['phone.missing_plus']);
    expect(row.issues[0]!.suggestion).to.equal('+14085550142');
  });
});
