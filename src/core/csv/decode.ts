/**
 * Bytes → text: detects UTF-8 (with or without BOM), UTF-16 LE/BE and Windows-1252, and refuses
 * workbooks and other binary files before any parsing.
 * @module
 */

/** Default `maxBytes`: 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** The WHATWG names of the encodings the decoder detects. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
/** See {@link ENCODINGS}. */
export type Encoding = (typeof ENCODINGS)[number];

/** Any input `validateCsv` accepts. */
export type CsvInput = string | Blob | ArrayBuffer | Uint8Array;

/** Decoding outcome. `refused` says why the input is not CSV text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bytes: number }
  | { ok: false; refused: 'file.too_large' | 'file.unsupported_type'; bytes: number };

/** Windows-1252 characters of bytes 0x80–0x9F (the undefined five keep their C1 code points, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes with our own table for 0x80–0x9F, so that Node and browsers agree. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunk = 8192;
  const units = new Uint16Array(Math.min(chunk, bytes.length));
  let out = '';
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      units[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    out += String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]);
  }
  return out;
}

function isUtf16Text(bytes: Uint8Array, offset: number): 'le' | 'be' | null {
  // UTF-16 without a BOM: in mostly-ASCII text every other byte is zero.
  const n = Math.min(bytes.length - offset, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[offset + i] !== 0) continue;
    if (i & 1) zeroOdd++;
    else zeroEven++;
  }
  const half = n / 2;
  if (zeroOdd > half * 0.7 && zeroEven < half * 0.1) return 'le';
  if (zeroEven > half * 0.7 && zeroOdd < half * 0.1) return 'be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];
  if (b0 === 0x50 && b1 === 0x4b && (b2 === 0x03 || b2 === 0x05 || b2 === 0x07)) return true; // zip (.xlsx, .ods, .numbers)
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) return true; // OLE (.xls)
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > n * 0.05;
}

function decodeUtf16(bytes: Uint8Array, offset: number, big: boolean): string {
  let view = bytes.subarray(offset, offset + ((bytes.length - offset) & ~1));
  if (big) {
    const swapped = new Uint8Array(view.length);
    for (let i = 0; i < view.length; i += 2) {
      swapped[i] = view[i + 1]!;
      swapped[i + 1] = view[i]!;
    }
    view = swapped;
  }
  return new TextDecoder('utf-16le').decode(view);
}

/**
 * Decodes CSV bytes. UTF-8 BOM (EF BB BF), UTF-16 BOMs (FF FE / FE FF) and BOM-less UTF-16 are honoured;
 * bytes that are not valid UTF-8 are read as Windows-1252. Zip (`.xlsx`), OLE (`.xls`) and other binary
 * content (NUL bytes outside UTF-16, many control bytes) is refused as `file.unsupported_type`.
 * The byte-order mark is removed from the text.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): DecodeResult {
  const size = bytes.length;
  if (encoding) return decodeAs(bytes, encoding);
  if (size >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: decodeUtf16(bytes, 2, false), encoding: 'utf-16le', bytes: size };
  }
  if (size >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: decodeUtf16(bytes, 2, true), encoding: 'utf-16be', bytes: size };
  }
  const hasBom = size >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!hasBom) {
    const utf16 = isUtf16Text(bytes, 0);
    if (utf16) return { ok: true, text: decodeUtf16(bytes, 0, utf16 === 'be'), encoding: utf16 === 'be' ? 'utf-16be' : 'utf-16le', bytes: size };
  }
  if (looksBinary(bytes)) return { ok: false, refused: 'file.unsupported_type', bytes: size };
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding: 'utf-8', bytes: size };
  } catch {
    if (hasBom) {
      // A UTF-8 BOM with broken bytes after it: keep UTF-8, replacing what cannot be read.
      return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8', bytes: size };
    }
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', bytes: size };
  }
}

/**
 * Decodes with an encoding the admin chose (the review's "read as another encoding"): no detection,
 * but a byte-order mark of that encoding is still removed and binary files are still refused.
 */
function decodeAs(bytes: Uint8Array, encoding: Encoding): DecodeResult {
  const size = bytes.length;
  const has = (...mark: number[]) => mark.every((b, i) => bytes[i] === b);
  if (encoding === 'utf-16le') return { ok: true, text: decodeUtf16(bytes, has(0xff, 0xfe) ? 2 : 0, false), encoding, bytes: size };
  if (encoding === 'utf-16be') return { ok: true, text: decodeUtf16(bytes, has(0xfe, 0xff) ? 2 : 0, true), encoding, bytes: size };
  if (looksBinary(bytes)) return { ok: false, refused: 'file.unsupported_type', bytes: size };
  if (encoding === 'windows-1252') return { ok: true, text: decodeWindows1252(bytes), encoding, bytes: size };
  const body = has(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding, bytes: size };
}

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // surrogate pair: 4 bytes for 2 units
      i++;
    } else n += 2;
  }
  return n;
}

/** What {@link readBytes} read: the bytes, the text of a string input, or why the input is refused. */
export type ReadBytesResult = { ok: true; bytes: Uint8Array } | { ok: true; text: string; bytes: number } | { ok: false; refused: 'file.too_large'; bytes: number };

/**
 * Frees the buffer of bytes {@link readBytes} read from a `Blob`, once nothing needs them, rather than at the
 * garbage collector's next full collection (seconds later on a big file; the browser counts the buffer in the
 * JS heap until then). Detaches the buffer (`ArrayBuffer.prototype.transfer`); a runtime without it frees the
 * buffer at that collection, as before. Only for bytes read from a `Blob`: a caller's own bytes are theirs.
 * Once per buffer: transferring a detached buffer throws a TypeError.
 */
export function releaseBytes(bytes: Uint8Array): void {
  (bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}

/**
 * A `Blob`'s bytes in a buffer of their own. With `onRead`, read a chunk at a time straight into that buffer
 * (a byte stream, about as fast as `arrayBuffer()`, which copies a big file in one task of 100 ms or more),
 * calling `onRead(bytes read so far)` after each chunk.
 */
async function readBlob(blob: Blob, onRead?: (done: number) => void): Promise<Uint8Array> {
  let reader: ReadableStreamBYOBReader | undefined;
  try {
    if (onRead) reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    // A browser whose Blob streams are not byte streams: arrayBuffer(), in one go.
  }
  if (!reader) return new Uint8Array(await blob.arrayBuffer());
  let bytes = new Uint8Array(blob.size);
  let at = 0;
  while (at < bytes.length) {
    const { value } = await reader.read(bytes.subarray(at));
    if (!value?.length) break;
    bytes = new Uint8Array(value.buffer);
    onRead!((at += value.length));
  }
  void reader.cancel();
  return bytes.subarray(0, at);
}

/**
 * Reads any accepted input into bytes (a string stays text), enforcing `maxBytes` from `Blob.size` /
 * `byteLength` before the whole file is read; `onRead` as {@link readBlob} says, for a `Blob`.
 */
export async function readBytes(input: CsvInput, maxBytes: number = DEFAULT_MAX_BYTES, onRead?: (done: number) => void): Promise<ReadBytesResult> {
  if (typeof input === 'string') {
    const bytes = utf8Length(input);
    if (bytes > maxBytes) return { ok: false, refused: 'file.too_large', bytes };
    return { ok: true, text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, bytes };
  }
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else if (input instanceof Blob) {
    if (input.size > maxBytes) return { ok: false, refused: 'file.too_large', bytes: input.size };
    bytes = await readBlob(input, onRead);
  } else if (ArrayBuffer.isView(input)) {
    const view = input as ArrayBufferView;
    bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  } else {
    throw new TypeError('bulk-enroll: validateCsv expects a string, Blob, ArrayBuffer or Uint8Array');
  }
  if (bytes.length > maxBytes) return { ok: false, refused: 'file.too_large', bytes: bytes.length };
  return { ok: true, bytes };
}

/**
 * How a file's bytes can be decoded a part at a time, each part cut right after a line feed (0x0A is never
 * part of another character in UTF-8 or Windows-1252): from `start` (after a UTF-8 byte-order mark), in
 * `encoding`. With `fatal`, the encoding is only a guess: when a part is not valid UTF-8, the file must be
 * decoded whole by {@link decodeBytes} instead, which reads it as Windows-1252 (or keeps UTF-8 after a
 * byte-order mark).
 */
export interface PartDecoding {
  encoding: 'utf-8' | 'windows-1252';
  fatal: boolean;
  start: number;
}

/**
 * The {@link PartDecoding} of `bytes`, or null when only {@link decodeBytes} on the whole can say: UTF-16
 * (with or without a byte-order mark) and files to refuse. Looks at the first bytes only.
 */
export function partDecoding(bytes: Uint8Array, encoding?: Encoding): PartDecoding | null {
  const has = (...mark: number[]) => mark.every((b, i) => bytes[i] === b);
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || looksBinary(bytes)) return null;
  if (encoding === 'windows-1252') return { encoding, fatal: false, start: 0 };
  const start = has(0xef, 0xbb, 0xbf) ? 3 : 0;
  if (encoding === 'utf-8') return { encoding, fatal: false, start };
  if (has(0xff, 0xfe) || has(0xfe, 0xff) || (start === 0 && isUtf16Text(bytes, 0))) return null;
  return { encoding: 'utf-8', fatal: true, start };
}

/** Decodes one part as {@link partDecoding} said; null when a `fatal` part is not valid UTF-8. */
export function decodePart(bytes: Uint8Array, how: PartDecoding): string | null {
  if (how.encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: how.fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
