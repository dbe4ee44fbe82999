// @web/test-runner in headless Chromium: the elements' tests, the core's tests (the same files
// that run under Node), and the single-file bundle on a plain page.
import { readdirSync, statSync, existsSync, createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { referenceServerPlugin } from './test/helpers/reference-server-plugin.mjs';

const commonjs = fromRollup(rollupCommonjs);
const fixturesRoot = resolve(process.env.BULK_ENROLL_FIXTURES ?? '../shared/fixtures');
const types = { '.csv': 'text/csv; charset=binary', '.json': 'application/json', '.txt': 'text/plain; charset=binary' };

/** Serves ../shared/fixtures under /fixtures/, byte-exact; `/fixtures/<folder>/?list` lists a folder. */
function fixtures(context, next) {
  if (!context.path.startsWith('/fixtures/')) return next();
  const relative = decodeURIComponent(context.path.slice('/fixtures/'.length));
  const file = resolve(fixturesRoot, relative);
  if (!file.startsWith(fixturesRoot) || !existsSync(file)) {
    context.status = 404;
    return undefined;
  }
  if (statSync(file).isDirectory()) {
    context.body = JSON.stringify(readdirSync(file));
    context.type = 'application/json';
    return undefined;
  }
  context.type = types[extname(file)] ?? 'application/octet-stream';
  context.body = createReadStream(file);
  return undefined;
}

/** `new URL('./x.worker.js', import.meta.url)` in a .ts source names the .js it will become: serve the .ts. */
function tsForJs(context, next) {
  if (context.path.endsWith('.js') && context.path.startsWith('/src/')) {
    const ts = context.path.replace(/\.js$/, '.ts');
    if (!existsSync(join(process.cwd(), context.path)) && existsSync(join(process.cwd(), ts))) context.path = ts;
  }
  return next();
}

/** Writes the totals for the closing line of `npm test`. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync('.wtr-results', { recursive: true });
      writeFileSync('.wtr-results/browser.json', JSON.stringify({ passed, failed }));
    },
  };
}

const executablePath = findChromium();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { browser: true, exportConditions: ['development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  middleware: [fixtures, tsForJs],
  plugins: [
    commonjs({ include: ['**/node_modules/papaparse/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    referenceServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), summaryReporter({ flatten: false }), countsReporter()],
};
