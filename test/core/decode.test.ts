import { expect } from 'chai';
import { decodeBytes, validateCsv } from '../../src/core/index.js';
import { decodePart, decodeWindows1252, partDecoding, readBytes } from '../../src/core/csv/decode.js';
import type { Encoding } from '../../src/core/csv/decode.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    const withBom = decodeBytes(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é,b')));
    expect(withBom).to.include({ ok: true, text: 'é,b', encoding: 'utf-8' });
    expect(decodeBytes(new TextEncoder().encode('é,b'))).to.include({ text: 'é,b', encoding: 'utf-8' });
  });
  it('reads UTF-16 LE and BE with BOM, and LE without', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0, 0x2c, 0, 0x42, 0))).to.include({ text: 'A,B', encoding: 'utf-16le' });
    expect(decodeBytes(bytes(0xfe, 0xff, 0, 0x41, 0, 0x2c, 0, 0x42))).to.include({ text: 'A,B', encoding: 'utf-16be' });
    expect(decodeBytes(bytes(0x41, 0, 0x2c, 0, 0x42, 0, 0x0a, 0))).to.include({ text: 'A,B\n', encoding: 'utf-16le' });
  });
  it('reads Windows-1252 with its own table for 0x80–0x9F', () => {
    const r = decodeBytes(bytes(...ascii('O'), 0x92, ...ascii('Brien '), 0x80, 0x93, 0x94, 0x96, 0x8c, 0x85, 0xe9));
    expect(r).to.include({ encoding: 'windows-1252', text: 'O\u2019Brien €“”–Œ…é' });
    expect(decodeWindows1252(bytes(0x81, 0x8d, 0x41))).to.equal('\u0081\u008dA');
  });
  it('refuses xlsx, xls and other binary', () => {
    expect(decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3))).to.include({ ok: false, refused: 'file.unsupported_type' });
    expect(decodeBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).to.include({ ok: false, refused: 'file.unsupported_type' });
    expect(decodeBytes(bytes(...ascii('abc,'), 0, 0, 0, 7, 200, 0, 1, 2, 3, 4))).to.include({ ok: false });
  });
  it('enforces maxBytes from Blob.size before reading', async () => {
    let read = false;
    const blob = new Blob(['x'.repeat(100)]);
    const spy = Object.assign(blob, {
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
    });
    expect(await readBytes(spy, 10)).to.include({ ok: false, refused: 'file.too_large', bytes: 100 });
    expect(read).to.equal(false);
    const report = await validateCsv(new Uint8Array(50), { maxBytes: 10 });
    expect(report.fileIssues.map((i) => i.code)).to.deep.equal(['file.too_large']);
    expect(report.ok).to.equal(false);
  });
  it('reads a Blob a chunk at a time into one buffer when told, telling how far it is, with the bytes arrayBuffer() gives', async () => {
    // 40 parts of 256 KB, each byte telling its place: a chunk in the wrong place would show.
    const parts = Array.from({ length: 40 }, (_, p) => new Uint8Array(1 << 18).map((_, i) => (p * 7 + i) % 251));
    const blob = new Blob(parts);
    let arrayBufferCalled = false;
    const spied = Object.assign(blob, {
      arrayBuffer: () => {
        arrayBufferCalled = true;
        return Blob.prototype.arrayBuffer.call(blob);
      },
    });
    const told: number[] = [];
    const read = await readBytes(spied, blob.size, (done) => told.push(done));
    expect(arrayBufferCalled, 'read as a stream, not with arrayBuffer()').to.equal(false);
    if (!read.ok || 'text' in read) throw new Error('the Blob was not read');
    expect(read.bytes.length).to.equal(blob.size);
    const expected = new Uint8Array(await Blob.prototype.arrayBuffer.call(blob));
    expect(read.bytes.every((b, i) => b === expected[i])).to.equal(true);
    expect(told.length).to.be.greaterThan(0);
    expect(told.every((n, i) => n > (told[i - 1] ?? 0)), told.join(' ')).to.equal(true);
    expect(told[told.length - 1]).to.equal(blob.size);
    // A browser whose Blob streams are not byte streams (no reader with a buffer of ours): arrayBuffer() in one go.
    const plain = Object.assign(new Blob(parts), { stream: () => new ReadableStream<Uint8Array>({ pull: (c) => c.close() }) });
    told.length = 0;
    const whole = await readBytes(plain, blob.size, (done) => told.push(done));
    if (!whole.ok || 'text' in whole) throw new Error('the Blob was not read');
    expect(whole.bytes.every((b, i) => b === expected[i]) && whole.bytes.length === blob.size).to.equal(true);
    expect(told).to.deep.equal([]);
    // Still refused before a byte is read, and an empty file is no stream to read.
    expect(await readBytes(blob, 10, () => expect.fail('nothing is read'))).to.include({ ok: false, refused: 'file.too_large' });
    expect(await readBytes(new Blob([]), 10, () => expect.fail('nothing to read'))).to.deep.include({ ok: true, bytes: new Uint8Array(0) });
  });
  it('explains how to save as CSV', async () => {
    const report = await validateCsv(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0));
    expect(report.fileIssues[0]?.message).to.match(/CSV UTF-8 \(Comma delimited\)/).and.match(/Google Sheets/);
  });
  it('accepts string, Blob, ArrayBuffer and Uint8Array alike', async () => {
    const text = '\uFEFFiPlum ID (phone/email),Phone #,Email,Name\r\nemail,,a@b.example,A\r\n';
    const u8 = new TextEncoder().encode(text);
    for (const input of [text, new Blob([u8]), u8.buffer.slice(0), u8]) {
      const report = await validateCsv(input);
      expect(report.summary).to.deep.equal({ rows: 1, valid: 1, invalid: 0, withWarnings: 0, blankSkipped: 0 });
      expect(report.file.encoding).to.equal('utf-8');
    }
  });
  it('frees the buffer it read a Blob into once the text is decoded, and never detaches the caller’s bytes', async () => {
    const text = 'iPlum ID (phone/email),Phone #,Email,Name\r\nemail,,a@b.example,A\r\n';
    const u8 = new TextEncoder().encode(text);
    let read: ArrayBuffer | undefined;
    const blob = new Blob([u8]);
    const spied = Object.assign(blob, {
      arrayBuffer: () =>
        Blob.prototype.arrayBuffer.call(blob).then((buffer) => {
          read = buffer;
          return buffer;
        }),
    });
    expect((await validateCsv(spied)).summary.valid).to.equal(1);
    // Chromium detaches it (ArrayBuffer.prototype.transfer); Node 20 has no transfer and leaves it to the collector.
    const canFree = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';
    expect(read!.byteLength).to.equal(canFree ? 0 : u8.length);
    for (const input of [u8, u8.buffer]) {
      expect((await validateCsv(input)).summary.valid).to.equal(1);
      expect(u8.length, 'the caller’s bytes are untouched').to.equal(text.length);
    }
  });
  it('reads with the encoding the admin chose instead of the detected one', async () => {
    // A Windows-1252 file read as UTF-8 by mistake shows U+FFFD; read as 1252 it is right again, and back.
    const win = bytes(...ascii('O'), 0x92, ...ascii('Brien'));
    expect(decodeBytes(win, 'utf-8')).to.include({ encoding: 'utf-8', text: 'O\uFFFDBrien' });
    expect(decodeBytes(new TextEncoder().encode('Zoë'), 'windows-1252')).to.include({ encoding: 'windows-1252', text: 'ZoÃ«' });
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0), 'utf-16le')).to.include({ text: 'A' });
    expect(decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), 'windows-1252')).to.include({ ok: false, refused: 'file.unsupported_type' });
    const csv = new Uint8Array([...ascii('iPlum ID (phone/email),Phone #,Email,Name\r\nemail,,a@b.example,O'), 0x92, ...ascii('Brien\r\n')]);
    const detected = await validateCsv(csv);
    expect(detected.file.encoding).to.equal('windows-1252');
    const forced = await validateCsv(csv, { encoding: 'utf-8' });
    expect(forced.file.encoding).to.equal('utf-8');
    expect(forced.rows[0]!.values['name']).to.equal('O\uFFFDBrien');
  });
});

describe('partDecoding and decodePart: a file decoded a part at a time', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const csv = 'name,email\r\nZoë,z@b.example\r\nO’Brien,o@b.example\r\n';
  /** The parts cut right after every line feed, decoded one by one and joined. */
  const inParts = (input: Uint8Array, encoding?: Encoding) => {
    const how = partDecoding(input, encoding);
    if (!how) return null;
    const cuts = [how.start];
    input.forEach((b, i) => b === 0x0a && cuts.push(i + 1));
    if (cuts[cuts.length - 1] !== input.length) cuts.push(input.length);
    const parts = cuts.slice(1).map((end, i) => decodePart(input.subarray(cuts[i], end), how));
    return parts.includes(null) ? null : parts.join('');
  };

  it('gives the text decodeBytes gives, for UTF-8 with or without a byte-order mark and for Windows-1252 chosen by the admin', () => {
    for (const input of [utf8(csv), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv)])]) {
      expect(inParts(input)).to.equal((decodeBytes(input) as { text: string }).text);
      expect(inParts(input, 'utf-8')).to.equal((decodeBytes(input, 'utf-8') as { text: string }).text);
    }
    const cp1252 = bytes(...ascii('O'), 0x92, ...ascii('Brien,\r\n'), 0x80, 0x93, 0x94, 0x0a, 0xe9);
    expect(inParts(cp1252, 'windows-1252')).to.equal((decodeBytes(cp1252, 'windows-1252') as { text: string }).text);
  });

  it('says when only decoding whole can tell: a part that is not UTF-8, UTF-16, binary files', () => {
    // Not UTF-8 in its second line: that part fails, and decodeBytes reads the whole file as Windows-1252.
    const late = bytes(...ascii('a,b\r\n'), 0xe9, ...ascii(',x\r\n'));
    expect(inParts(late)).to.equal(null);
    expect(decodeBytes(late)).to.include({ encoding: 'windows-1252' });
    expect(partDecoding(bytes(0xff, 0xfe, 0x41, 0, 0x0a, 0))).to.equal(null);
    expect(partDecoding(bytes(0x41, 0, 0x2c, 0, 0x42, 0, 0x0a, 0))).to.equal(null);
    expect(partDecoding(utf8(csv), 'utf-16le')).to.equal(null);
    expect(partDecoding(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3))).to.equal(null);
    expect(partDecoding(utf8(csv))).to.deep.equal({ encoding: 'utf-8', fatal: true, start: 0 });
  });
});
