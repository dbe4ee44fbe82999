#!/usr/bin/env node
// Prints the minified + gzip -9 size of what a user ships for each entry point (dependencies
// included), for the validation worker, and for dist/bulk-enroll.min.js with its worker; fails
// when a budget of size-budgets.json is exceeded. Bytes are deterministic, so budgets may fail the build.
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { bundlePlugins, onwarn, workerUrl } from '../rollup.config.mjs';

const { budgets } = JSON.parse(readFileSync('size-budgets.json', 'utf8'));

/**
 * What a page loads for `input`: the entry and every chunk it imports statically. Chunks imported
 * on demand (the strings of a language other than English) are returned apart.
 */
async function bundle(input) {
  const build = await rollup({ input, onwarn, plugins: [workerUrl('validate.worker.js'), ...bundlePlugins()] });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  const chunks = new Map(output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set();
  const visit = (fileName) => {
    if (loaded.has(fileName)) return;
    loaded.add(fileName);
    for (const next of chunks.get(fileName)?.imports ?? []) visit(next);
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry).fileName);
  const code = [...loaded].map((fileName) => chunks.get(fileName).code).join('\n');
  const onDemand = [...chunks.values()].filter((chunk) => !loaded.has(chunk.fileName)).map((chunk) => ({ name: chunk.name, code: chunk.code }));
  return { code, onDemand };
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
const onDemand = new Map();
for (const [name, input] of entries) {
  const built = await bundle(input);
  measured.push({ name, min: Buffer.byteLength(built.code), gzip: gz(built.code) });
  for (const chunk of built.onDemand) onDemand.set(chunk.name, chunk.code);
}
for (const [name, code] of onDemand) measured.push({ name: `  on demand: ${name} (${name}.ts)`, min: Buffer.byteLength(code), gzip: gz(code) });

const single = ['dist/bulk-enroll.min.js', 'dist/bulk-enroll.worker.min.js'];
if (single.every(existsSync)) {
  // The languages beside it count in "everything": a Spanish page loads one of them.
  const languages = readdirSync('dist').filter((file) => /^bulk-enroll\.[a-z]{2}(-[A-Za-z]+)?\.min\.js$/.test(file));
  const files = [...single, ...languages].map((file) => [file, readFileSync(`dist/${file.replace(/^dist\//, '')}`)]);
  for (const [file, bytes] of files) measured.push({ name: file.startsWith('dist/') ? file : `dist/${file}`, min: bytes.length, gzip: gz(bytes) });
  measured.push({
    name: 'everything (bulk-enroll.min.js + its worker)',
    min: files.reduce((sum, [, bytes]) => sum + bytes.length, 0),
    gzip: files.reduce((sum, [, bytes]) => sum + gz(bytes), 0),
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
