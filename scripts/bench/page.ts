// The benchmark page, bundled by scripts/bench.mjs and run in headless Chromium.
// Everything is timed in this one page so that only ratios taken in the same run are compared.
import Papa from 'papaparse';
import { validateCsv } from '../../src/core/index.js';
import { ValidationClient } from '../../src/worker/validation-client.js';
import '../../src/bulk-upload.js';
import type { BulkUploadElement } from '../../src/bulk-upload.js';

interface Memory {
  usedJSHeapSize: number;
}
const heap = () => (performance as unknown as { memory?: Memory }).memory?.usedJSHeapSize ?? 0;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A full collection between measures (the bench starts Chromium with --expose-gc), so that one measure does not pay for another's garbage. */
const collect = () => (globalThis as unknown as { gc?: () => void }).gc?.();

/** Rows validated untimed before a measure's timed runs, whatever the file's size. */
const WARM_ROWS = 100_000;

/** How many untimed runs come before `runs` timed runs of a file of `rows` rows. */
const warmUpRuns = (runs: number, rows: number) => (runs > 1 ? Math.max(1, Math.ceil(WARM_ROWS / rows)) : 0);

/**
 * The median of `runs` timed runs of `fn` on a file of `rows` rows. With more than one run, untimed runs
 * come first, together at least {@link WARM_ROWS} rows: the code is then optimized as on a page that has
 * already checked a file or two, at every size alike. (One warm-up run of 10,000 rows left each pool
 * worker with 5,000 rows seen, and the timed runs still measured its engine compiling: 144, 112, 137,
 * 122, 75, 64, 51 ms, then about 55.) The first file in a fresh page is measured on its own, below.
 */
async function time(runs: number, rows: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  const warmUp = warmUpRuns(runs, rows);
  for (let i = -warmUp; i < runs; i++) {
    collect();
    const start = performance.now();
    await fn();
    if (i >= 0) times.push(performance.now() - start);
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
  /** The longest time without a progress call while the pool validates (from the start to the report), over every run, warm-up included. */
  longestProgressGapMs: number;
  rowsReported: number;
  /** Rows validated untimed before each measure's timed runs. */
  warmRows: number;
}

let pool: ValidationClient | undefined;

/** Papaparse alone, and `validateCsv` on this thread, on the decoded text of the file of `rows` rows. */
async function oneThread(rows: number, runs: number): Promise<{ papaMs: number; singleMs: number; rowsReported: number }> {
  const text = await (await fetch(`/data/${rows}.csv`)).text();
  const papaMs = await time(runs, rows, () => Papa.parse(text, { header: true, skipEmptyLines: 'greedy' }));
  let rowsReported = 0;
  const singleMs = await time(runs, rows, async () => {
    const report = await validateCsv(text, { maxRows: 2_000_000, maxBytes: 1 << 30 });
    rowsReported = report.rows.length;
  });
  return { papaMs, singleMs, rowsReported };
}

async function benchSize(rows: number, runs: number): Promise<SizeResult> {
  // The text is let go before the pool's runs: a page with <bulk-upload> holds the admin's file as a Blob
  // only (its bytes outside the JS heap), and the page's garbage collector has the report alone to go through.
  // Held on, the text and bytes of a 1M-row file (190 MB) made it pause the page longer and more often.
  const { papaMs, singleMs, rowsReported } = await oneThread(rows, runs);
  const blob = await (await fetch(`/data/${rows}.csv`)).blob();
  collect();

  // The worker pool, as the elements use it: from the file's bytes to the full report on this page.
  // One pool for the page, started once and reused across sizes, as the elements use it: its workers
  // warm up on the earlier sizes just as the one-thread runs do on this page.
  pool ??= new ValidationClient();
  const client = pool;
  await client.validate('iPlum ID (phone/email),Phone #,Email,Name\r\nemail,,a@b.example,A\r\n'); // start the workers
  // Long tasks of the main thread while a validation runs (not the forced collections between runs).
  const tasks: PerformanceEntry[] = [];
  const windows: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let firstProgressMs = Infinity;
  let longestProgressGapMs = 0;
  const poolMs = await time(runs, rows, async () => {
    const start = performance.now();
    windows.push([start, Infinity]);
    let first = true;
    let previous = start;
    await client.validate(blob, {
      maxRows: 2_000_000,
      maxBytes: 1 << 30,
      onProgress: () => {
        const now = performance.now();
        if (first) firstProgressMs = Math.min(firstProgressMs, now - start);
        first = false;
        longestProgressGapMs = Math.max(longestProgressGapMs, now - previous);
        previous = now;
      },
    });
    const end = performance.now();
    longestProgressGapMs = Math.max(longestProgressGapMs, end - previous);
    windows[windows.length - 1]![1] = end;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const during = (task: PerformanceEntry) => windows.some(([from, to]) => task.startTime + task.duration > from && task.startTime < to);
  const longestTaskMs = Math.max(0, ...tasks.filter(during).map((task) => task.duration));
  const poolWorkers = client.poolSize;
  return { rows, bytes: blob.size, papaMs, singleMs, poolMs, poolWorkers, longestTaskMs, firstProgressMs, longestProgressGapMs, rowsReported, warmRows: warmUpRuns(runs, rows) * rows };
}

export interface HeapResult {
  /** The page's JS heap before the file is read (the bench page, Papa, the elements' code). */
  baselineMb: number;
  /** The highest JS heap seen while validating (sampled at every progress and every 10 ms), baseline included. */
  peakMb: number;
  /** The JS heap holding the finished report, after a full collection. */
  retainedMb: number;
  rowsReported: number;
}

/**
 * The page's JS heap while a file of `rows` rows is validated from a `File`, as `<bulk-upload>` gives it:
 * on this thread with `validateCsv`, or in the worker pool. Nothing else of the bench is held meanwhile
 * (a `Blob`'s bytes live outside the JS heap until they are read).
 */
async function benchHeap(rows: number, mode: 'thread' | 'pool'): Promise<HeapResult> {
  const file = new File([await (await fetch(`/data/${rows}.csv`)).blob()], `${rows}.csv`, { type: 'text/csv' });
  collect();
  await new Promise((resolve) => setTimeout(resolve, 100));
  collect();
  const baseline = heap();
  let peak = baseline;
  const sample = () => (peak = Math.max(peak, heap()));
  const timer = setInterval(sample, 10);
  const options = { maxRows: 2_000_000, maxBytes: 1 << 30, onProgress: sample };
  const report = mode === 'thread' ? await validateCsv(file, options) : await (pool ??= new ValidationClient()).validate(file, options);
  clearInterval(timer);
  sample();
  collect();
  const retained = heap();
  return { baselineMb: baseline / 1e6, peakMb: peak / 1e6, retainedMb: retained / 1e6, rowsReported: report.rows.length };
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export interface ReviewResult {
  rows: number;
  validateMs: number;
  firstRenderMs: number;
  longestFrameMs: number;
  p95FrameMs: number;
  frames: number;
  domRows: number;
  /** Pixels scrolled per frame. */
  step: number;
  /** Whether the scroll reached the last row. */
  reachedEnd: boolean;
}

/**
 * The admin's review of a big file in `<bulk-upload>`: the time from the validated report to the
 * review painted (summary, groups and the first rows of the table), then the longest frame while the
 * table is scrolled from top to bottom, one screen per frame.
 */
async function benchReview(rows: number): Promise<ReviewResult> {
  const bytes = await (await fetch(`/data/${rows}.csv`)).arrayBuffer();
  const el = document.createElement('bulk-upload') as BulkUploadElement;
  el.setAttribute('persist', 'none');
  el.maxRows = 2_000_000;
  document.body.append(el);
  await el.updateComplete;
  const started = performance.now();
  let validatedAt = 0;
  el.addEventListener('bulk-upload-validated', () => (validatedAt = performance.now()), { once: true });
  await el.validateFile(new File([bytes], `${rows}.csv`, { type: 'text/csv' }));
  const table = el.shadowRoot!.querySelector('row-error-table')!;
  table.filter = 'all';
  await el.updateComplete;
  await table.updateComplete;
  await frame();
  await frame();
  const painted = performance.now();
  const scroller = table.shadowRoot!.querySelector<HTMLElement>('[part=scroller]')!;
  const durations: number[] = [];
  let frames = 0;
  let last = await frame();
  let domRows = 0;
  // One screen per frame, or a longer step when that would take more than 2,000 frames: every frame
  // still shows rows the table had not rendered, from the top to the very bottom.
  const step = Math.max(scroller.clientHeight, Math.ceil(scroller.scrollHeight / 2000));
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && frames < 5000) {
    scroller.scrollTop += step;
    const now = await frame();
    durations.push(now - last);
    last = now;
    frames++;
    domRows = Math.max(domRows, table.shadowRoot!.querySelectorAll('tbody tr').length);
  }
  const reachedEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
  el.remove();
  durations.sort((a, b) => a - b);
  const longestFrameMs = durations[durations.length - 1] ?? 0;
  const p95FrameMs = durations[Math.floor(durations.length * 0.95)] ?? 0;
  return { rows, validateMs: validatedAt - started, firstRenderMs: painted - validatedAt, longestFrameMs, p95FrameMs, frames, domRows, step, reachedEnd };
}

/**
 * The admin's first file in a fresh page: the pool's workers start when the file is chosen, load the
 * validation libraries and run them cold (not yet optimized by the JavaScript engine). Milliseconds
 * from the file to the full report on the page.
 */
async function benchCold(rows: number): Promise<number> {
  const file = new File([await (await fetch(`/data/${rows}.csv`)).blob()], `${rows}.csv`, { type: 'text/csv' });
  const fresh = new ValidationClient();
  const start = performance.now();
  await fresh.validate(file, { maxRows: 2_000_000, maxBytes: 1 << 30 });
  const ms = performance.now() - start;
  fresh.terminate();
  return ms;
}

Object.assign(window, { bench: benchSize, benchReview, benchHeap, benchCold });
