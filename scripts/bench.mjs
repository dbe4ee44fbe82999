#!/usr/bin/env node
// `npm run bench`: validation speed in headless Chromium on seeded generated files of 10k, 100k
// and 1M rows, every figure a ratio to `Papa.parse(text, {header: true})` timed in the same page
// (these machines are shared and noisy: compare only ratios from one run). Prints, never fails on
// a timing. `--sizes 10000,100000` picks sizes; `--runs N` sets the runs per measure (median).
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { generateCsv, GENERATOR_VERSION } from './bench/generate.mjs';
import { serveStatic } from './static-server.mjs';
import { chromiumArgs, ensureChromium, chromiumVersion } from './chromium.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const runsFor = (rows) => Number(arg('runs', rows >= 1_000_000 ? 1 : 5));

const out = '.cache/bench';
// Files written by an older generator are written again.
const stamp = `${out}/data/generator-version`;
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== String(GENERATOR_VERSION)) rmSync(`${out}/data`, { recursive: true, force: true });
mkdirSync(`${out}/data`, { recursive: true });
writeFileSync(stamp, String(GENERATOR_VERSION));
for (const rows of sizes) {
  const file = `${out}/data/${rows}.csv`;
  if (!existsSync(file)) writeFileSync(file, generateCsv(rows, 20261125));
}
const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, tsconfig: 'tsconfig.json', logLevel: 'warning', conditions: ['production'] };
await build({ ...common, entryPoints: { page: 'scripts/bench/page.ts', 'validate.worker': 'src/worker/validate.worker.ts' }, outdir: out });
writeFileSync(`${out}/index.html`, '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./page.js"></script>');

const { server, url } = await serveStatic({ '/': out });
const chrome = ensureChromium();
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  protocolTimeout: 0,
});
const page = await browser.newPage();
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
await page.goto(url);
await page.waitForFunction(() => typeof window.bench === 'function' && typeof window.benchReview === 'function');

const x = (a, b) => `${(a / b).toFixed(2)}×`;
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'none');
console.log(`${chromiumVersion(chrome)}, ${(await import('node:os')).cpus().length} cores. Ratios are to Papa.parse(text, {header: true}) in the same page.\n`);
for (const rows of sizes) {
  const r = await page.evaluate((n, runs) => window.bench(n, runs), rows, runsFor(rows));
  console.log(`${rows.toLocaleString('en')} rows (${(r.bytes / 1e6).toFixed(1)} MB), median of ${runsFor(rows)}${r.warmRows ? ` after untimed runs of ${r.warmRows.toLocaleString('en')} rows in all` : ''}:`);
  console.log(`  papaparse alone            ${ms(r.papaMs)}`);
  console.log(`  validateCsv, one thread    ${ms(r.singleMs)}  ${Math.round(rows / (r.singleMs / 1000)).toLocaleString('en')} rows/s  ${x(r.singleMs, r.papaMs)} papaparse`);
  console.log(`  worker pool (${r.poolWorkers} workers)     ${ms(r.poolMs)}  ${Math.round(rows / (r.poolMs / 1000)).toLocaleString('en')} rows/s  ${x(r.poolMs, r.papaMs)} papaparse  (file bytes → full report on the page)`);
  if (rows <= 100_000) {
    const fresh = await browser.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => typeof window.benchCold === 'function');
    const coldMs = await fresh.evaluate((n) => window.benchCold(n), rows);
    await fresh.close();
    console.log(`  the first file in a fresh page ${ms(coldMs)}  ${x(coldMs, r.papaMs)} papaparse  (workers started for it, their code not yet optimized)`);
  }
  console.log(`  main thread while the pool validates: longest task ${r.longestTaskMs ? ms(r.longestTaskMs) : 'under 50 ms (no long task)'}; first progress after ${ms(r.firstProgressMs)}, then at least every ${ms(r.longestProgressGapMs)}`);
  if (rows >= 1_000_000) {
    for (const mode of ['thread', 'pool']) {
      // In a fresh page each, so that nothing of the timed runs is in its heap.
      const fresh = await browser.newPage();
      await fresh.goto(url);
      await fresh.waitForFunction(() => typeof window.benchHeap === 'function');
      // The pool's workers have heaps of their own, which the page cannot read: sampled from here.
      const workerPeaks = new Map();
      let sampling = mode === 'pool';
      const sampler = (async () => {
        while (sampling) {
          for (const worker of fresh.workers()) {
            const usage = await worker.client.send('Runtime.getHeapUsage').catch(() => undefined);
            // With the buffers and external strings, as performance.memory counts the page's heap.
            if (usage) workerPeaks.set(worker, Math.max(workerPeaks.get(worker) ?? 0, usage.usedSize + (usage.backingStorageSize ?? 0)));
          }
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      const h = await fresh.evaluate((n, m) => window.benchHeap(n, m), rows, mode);
      sampling = false;
      await sampler;
      await fresh.close();
      const what = mode === 'thread' ? 'validateCsv(file), one thread' : 'the worker pool, page heap  ';
      console.log(`  peak JS heap, ${what}  ${h.peakMb.toFixed(0)} MB  (before: ${h.baselineMb.toFixed(0)} MB; the finished report held: ${h.retainedMb.toFixed(0)} MB)`);
      if (workerPeaks.size) console.log(`  peak JS heap, the pool's workers   ${[...workerPeaks.values()].map((b) => (b / 1e6).toFixed(0)).join(' MB + ')} MB  (each its own heap, buffers and external strings included as in the page's; sampled every 10 ms)`);
    }
  }
  if (r.rowsReported !== rows) console.log(`  note: ${r.rowsReported} rows reported of ${rows}`);
}
const reviewRows = Number(arg('review', 100000));
if (reviewRows > 0) {
  if (!existsSync(`${out}/data/${reviewRows}.csv`)) writeFileSync(`${out}/data/${reviewRows}.csv`, generateCsv(reviewRows, 20261125));
  await page.setViewport({ width: 1280, height: 900 });
  const r = await page.evaluate((n) => window.benchReview(n), reviewRows);
  console.log(`\nThe admin's review in <bulk-upload>, ${reviewRows.toLocaleString('en')} rows (all rows shown):`);
  console.log(`  validated in the pool        ${ms(r.validateMs)}`);
  console.log(`  review painted after that    ${ms(r.firstRenderMs)}  (summary, problem groups, the first rows)`);
  console.log(`  scrolling top to bottom      ${r.frames} frames of ${r.step} px${r.reachedEnd ? '' : ' (stopped before the end)'}; 95% of frames within ${ms(r.p95FrameMs)}, longest ${ms(r.longestFrameMs)}; at most ${r.domRows} table rows in the DOM`);
}
await browser.close();
server.close();

if (existsSync('scripts/bench-send.mjs')) {
  const { benchSend } = await import('./bench-send.mjs');
  console.log('\nSending:');
  for (const line of await benchSend()) console.log(`  ${line}`);
}
