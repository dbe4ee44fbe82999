/**
 * Reads the shared real-world fixtures (../shared/fixtures) in both test environments:
 * from the file system under Node, and through the test server's `/fixtures/` route in Chromium.
 * `BULK_ENROLL_FIXTURES` overrides the folder under Node.
 */

export interface ManifestRowExpectation {
  row: number;
  valid: boolean;
  codes: string[];
  suggestion?: string | null;
  relatedRows?: number[];
  record?: {
    loginType: 'phone' | 'email';
    loginId: string;
    phone?: string;
    email: string;
    name: string;
  };
  neutralizeOnExport?: string[];
}

export interface ManifestEntry {
  file: string;
  description: string;
  options: Record<string, unknown>;
  expect: {
    ok: boolean;
    fileIssues: string[];
    encoding: string | null;
    delimiter: string | null;
    summary: {
      rows: number;
      valid: number;
      invalid: number;
      withWarnings: number;
      blankSkipped: number;
    } | null;
    rows: ManifestRowExpectation[];
  };
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function nodeRead(relative: string): Promise<Uint8Array<ArrayBuffer>> {
  // Non-literal specifiers keep the browser bundler from resolving Node built-ins.
  const fsName = 'node:fs/promises';
  const pathName = 'node:path';
  const fs = (await import(fsName)) as typeof import('node:fs/promises');
  const path = (await import(pathName)) as typeof import('node:path');
  const root = process.env['BULK_ENROLL_FIXTURES'] ?? path.resolve(process.cwd(), '../shared/fixtures');
  return new Uint8Array(await fs.readFile(path.join(root, relative)));
}

async function browserRead(relative: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(`/fixtures/${relative.split('/').map(encodeURIComponent).join('/')}`);
  if (!response.ok) throw new Error(`fixture ${relative}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The bytes of a fixture file, exactly as stored. `relative` is a path inside ../shared/fixtures. */
export function readFixture(relative: string): Promise<Uint8Array<ArrayBuffer>> {
  return isNode ? nodeRead(relative) : browserRead(relative);
}

/** A fixture file decoded as UTF-8 (for csv-spectrum's text files and JSON). */
export async function readFixtureText(relative: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readFixture(relative));
}

let manifest: Promise<ManifestEntry[]> | undefined;

/** The public fixture manifest: one entry per file, with the report it must produce. */
export function readManifest(): Promise<ManifestEntry[]> {
  manifest ??= readFixtureText('manifest.json').then((text) => JSON.parse(text) as ManifestEntry[]);
  return manifest;
}

/** The names of the files of a fixture sub-folder (Node only lists; the browser asks the test server). */
export async function listFixtures(folder: string): Promise<string[]> {
  if (isNode) {
    const fsName = 'node:fs/promises';
    const pathName = 'node:path';
    const fs = (await import(fsName)) as typeof import('node:fs/promises');
    const path = (await import(pathName)) as typeof import('node:path');
    const root = process.env['BULK_ENROLL_FIXTURES'] ?? path.resolve(process.cwd(), '../shared/fixtures');
    return (await fs.readdir(path.join(root, folder))).sort();
  }
  const response = await fetch(`/fixtures/${folder}/?list`);
  if (!response.ok) throw new Error(`fixture folder ${folder}: HTTP ${response.status}`);
  return ((await response.json()) as string[]).sort();
}
