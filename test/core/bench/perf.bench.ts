// Quick single-thread benchmark: validateCsv vs Papa.parse(text, {header: true}) on a generated file.
// Run: node --import tsx test/core/bench/perf.bench.ts [rows]
import Papa from 'papaparse';
import { generateCsv } from './gen.js';
import { validateCsv } from '../../../src/core/index.js';

const N = Number(process.argv[2] ?? 100000);
const csv = generateCsv(N);
const bytes = new TextEncoder().encode(csv);
console.log(`${N} rows, ${(bytes.length / 1e6).toFixed(1)} MB`);

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const text = new TextDecoder().decode(bytes);
const papa: number[] = [];
const ours: number[] = [];
for (let k = 0; k < 5; k++) {
  papa.push(time(() => Papa.parse(text, { header: true })));
  ours.push(await timeAsync(() => validateCsv(bytes, { maxRows: Infinity, maxBytes: Infinity })));
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const r = await validateCsv(bytes, { maxRows: Infinity, maxBytes: Infinity });
console.log(`summary ${JSON.stringify(r.summary)}`);
console.log(`Papa header:true median ${median(papa).toFixed(0)} ms; validateCsv median ${median(ours).toFixed(0)} ms; ratio ${(median(ours) / median(papa)).toFixed(2)}×`);
