#!/usr/bin/env node
// Prints the minified + gzip -9 size of what a user ships for each entry point (dependencies
// included), for the validation worker, and for dist/bulk-enroll.min.js with its worker; fails
// when a budget of size-budgets.json is exceeded. Bytes are deterministic, so budgets may fail the build.
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { bundlePlugins, onwarn, workerUrl } from '../rollup.config.mjs';

const { budgets } = JSON.parse(readFileSync('size-budgets.json', 'utf8'));

async function bundle(input) {
  const build = await rollup({ input, onwarn, plugins: [workerUrl('validate.worker.js'), ...bundlePlugins()] });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  return output.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
}

const gz = (code) => gzipSync(code, { level: 9 }).length;
const measured = [];
const entries = [
  ['bulk-enroll (all three elements, before a file is chosen)', 'src/index.ts'],
  ['bulk-enroll/bulk-upload.js', 'src/bulk-upload.ts'],
  ['bulk-enroll/row-error-table.js', 'src/row-error-table.ts'],
  ['bulk-enroll/invite-accept-form.js', 'src/invite-accept-form.ts'],
  ['bulk-enroll/core', 'src/core/index.ts'],
  ['validation worker', 'src/worker/validate.worker.ts'],
];
for (const [name, input] of entries) {
  const code = await bundle(input);
  measured.push({ name, min: Buffer.byteLength(code), gzip: gz(code) });
}

const single = ['dist/bulk-enroll.min.js', 'dist/bulk-enroll.worker.min.js'];
if (single.every(existsSync)) {
  const files = single.map((file) => readFileSync(file));
  measured.push({ name: 'dist/bulk-enroll.min.js', min: files[0].length, gzip: gz(files[0]) });
  measured.push({ name: 'dist/bulk-enroll.worker.min.js', min: files[1].length, gzip: gz(files[1]) });
  measured.push({
    name: 'everything (bulk-enroll.min.js + its worker)',
    min: files[0].length + files[1].length,
    gzip: gz(files[0]) + gz(files[1]),
  });
} else {
  console.error('dist/bulk-enroll.min.js is missing: run `npm run build` first.');
  process.exitCode = 1;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
let over = 0;
console.log(`${'what'.padEnd(58)} ${'min'.padStart(9)} ${'gzip'.padStart(9)}  budget`);
for (const { name, min, gzip } of measured) {
  const budget = budgets[name];
  let verdict = '';
  if (budget) {
    verdict = `${kb(budget).padStart(9)}  ${((gzip / budget) * 100).toFixed(0)}%${gzip > budget ? '  OVER BUDGET' : ''}`;
    if (gzip > budget) over++;
  }
  console.log(`${name.padEnd(58)} ${kb(min).padStart(9)} ${kb(gzip).padStart(9)} ${verdict}`);
}
for (const name of Object.keys(budgets)) {
  if (!measured.some((m) => m.name === name)) {
    console.error(`budget "${name}" measured nothing`);
    over++;
  }
}
if (over) {
  console.error(`${over} size budget(s) exceeded or not measured.`);
  process.exitCode = 1;
}
