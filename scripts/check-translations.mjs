#!/usr/bin/env node
// Checks that every user-facing string of the elements is translated: extracts the messages of the
// sources afresh (into a temporary folder, with lit-localize's own extractor) and compares them with
// the committed src/locales/<locale>.xlf files, each of whose units must have a non-empty <target>.
// Then checks that src/locales/<locale>.ts was built from the current .xlf. Fix with `npm run localize`
// and translate the new units.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'bulk-enroll-l10n-'));
const units = (xml) => new Map([...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map((m) => [m[1], m[2]]));
const problems = [];
try {
  const temp = join(dir, 'lit-localize.json');
  writeFileSync(temp, JSON.stringify({ ...config, tsConfig: join(process.cwd(), config.tsConfig), inputFiles: config.inputFiles.map((f) => join(process.cwd(), f)), output: { ...config.output, outputDir: join(dir, 'out'), localeCodesModule: join(dir, 'out', 'codes.ts') }, interchange: { ...config.interchange, xliffDir: join(dir, 'xliff') } }));
  const extract = spawnSync('node_modules/.bin/lit-localize', ['extract', '--config', temp], { encoding: 'utf8' });
  if (extract.status !== 0) throw new Error(`lit-localize extract failed:\n${extract.stdout}${extract.stderr}`);
  for (const locale of config.targetLocales) {
    const fresh = units(readFileSync(join(dir, 'xliff', `${locale}.xlf`), 'utf8'));
    const committed = units(readFileSync(join(config.interchange.xliffDir, `${locale}.xlf`), 'utf8'));
    for (const [id, body] of fresh) {
      const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1];
      const mine = committed.get(id);
      if (!mine) problems.push(`${locale}: not in ${locale}.xlf (run npm run localize): ${source}`);
      else if (!/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(mine)) problems.push(`${locale}: not translated: ${source}`);
    }
    // The compiled module must hold every unit's id.
    const built = readFileSync(join(config.output.outputDir, `${locale}.ts`), 'utf8');
    for (const id of fresh.keys()) if (!built.includes(`'${id}'`)) problems.push(`${locale}: ${locale}.ts is older than ${locale}.xlf (run npm run localize)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const unique = [...new Set(problems)];
for (const problem of unique) console.log(problem);
console.log(unique.length ? `translations: ${unique.length} problems` : 'translations: every message is translated');
process.exit(unique.length ? 1 : 0);
