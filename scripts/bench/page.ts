// The benchmark page, bundled by scripts/bench.mjs and run in headless Chromium.
// Everything is timed in this one page so that only ratios taken in the same run are compared.
import Papa from 'papaparse';
import { validateCsv } from '../../src/core/index.js';
import { ValidationClient } from '../../src/worker/validation-client.js';

interface Memory {
  usedJSHeapSize: number;
}
const heap = () => (performance as unknown as { memory?: Memory }).memory?.usedJSHeapSize ?? 0;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let GC settle between runs
  }
  return median(times);
}

export interface SizeResult {
  rows: number;
  bytes: number;
  papaMs: number;
  singleMs: number;
  poolMs: number;
  poolWorkers: number;
  longestTaskMs: number;
  firstProgressMs: number;
  peakHeapMb: number;
  rowsReported: number;
}

async function benchSize(rows: number, runs: number): Promise<SizeResult> {
  const bytes = await (await fetch(`/data/${rows}.csv`)).arrayBuffer();
  const text = new TextDecoder().decode(bytes);
  const papaMs = await time(runs, () => Papa.parse(text, { header: true, skipEmptyLines: 'greedy' }));

  let peak = 0;
  let rowsReported = 0;
  const singleMs = await time(runs, async () => {
    const report = await validateCsv(text, { maxRows: 2_000_000, maxBytes: 1 << 30, onProgress: () => (peak = Math.max(peak, heap())) });
    peak = Math.max(peak, heap());
    rowsReported = report.rows.length;
  });

  // The worker pool, as the elements use it: from the file's bytes to the full report on this page.
  const client = new ValidationClient();
  await client.validate('iPlum ID (phone/email),Phone #,Email,Name\r\nemail,,a@b.example,A\r\n'); // start the workers
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let firstProgressMs = Infinity;
  const blob = new Blob([bytes], { type: 'text/csv' });
  const poolMs = await time(runs, async () => {
    const start = performance.now();
    let first = true;
    await client.validate(blob, {
      maxRows: 2_000_000,
      maxBytes: 1 << 30,
      onProgress: () => {
        if (first) firstProgressMs = Math.min(firstProgressMs, performance.now() - start);
        first = false;
      },
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const poolWorkers = client.poolSize;
  client.terminate();
  return { rows, bytes: bytes.byteLength, papaMs, singleMs, poolMs, poolWorkers, longestTaskMs, firstProgressMs, peakHeapMb: peak / 1e6, rowsReported };
}

(window as unknown as { bench: typeof benchSize }).bench = benchSize;
