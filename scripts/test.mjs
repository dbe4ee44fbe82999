#!/usr/bin/env node
// `npm test`: type-check, lint, template check, build, size budgets, the browser tests in headless
// Chromium, the core's tests under Node, and the built Storybook's smoke test. Every step runs
// even when an earlier one failed, so one run shows everything; the last line sums them all:
// `N passed, N failed` (each test case counts once, each check step counts once).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { ensureChromium, chromiumVersion } from './chromium.mjs';

const only = process.argv.slice(2);
const chrome = ensureChromium();
process.env.CHROME_PATH = chrome;
console.log(`Using ${chromiumVersion(chrome)} at ${chrome}`);

rmSync('.wtr-results', { recursive: true, force: true });
mkdirSync('.wtr-results', { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  { name: 'type-check', kind: 'check', cmd: [bin('tsc'), '-p', 'tsconfig.test.json'] },
  { name: 'lint', kind: 'check', cmd: [bin('eslint'), '--max-warnings=0', '.'] },
  { name: 'templates', kind: 'check', cmd: [bin('lit-analyzer'), '--strict', '--maxWarnings', '0', '--rules.no-missing-import', 'off', 'src'] },
  { name: 'translations', kind: 'check', cmd: ['node', 'scripts/check-translations.mjs'] },
  { name: 'build', kind: 'check', cmd: ['npm', 'run', '--silent', 'build'] },
  { name: 'size', kind: 'check', cmd: ['node', 'scripts/size.mjs'] },
  { name: 'browser', kind: 'suite', results: 'browser.json', cmd: [bin('wtr'), '--config', 'web-test-runner.config.mjs'] },
  { name: 'node', kind: 'suite', results: 'node.json', cmd: ['node', 'scripts/run-node-tests.mjs'] },
  { name: 'e2e', kind: 'suite', results: 'e2e.json', cmd: ['node', 'test/e2e/demo.e2e.mjs'] },
  { name: 'storybook', kind: 'suite', results: 'storybook.json', cmd: ['sh', '-c', 'npm run --silent build-storybook && node scripts/storybook-smoke.mjs'] },
];

let passed = 0;
let failed = 0;
const lines = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n── ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (step.kind === 'check') {
    if (ok) passed++;
    else failed++;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`);
    continue;
  }
  const file = `.wtr-results/${step.results}`;
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1 };
  if (!ok && counts.failed === 0) counts.failed = 1; // the runner failed outside any test
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
}

console.log(`\n${lines.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
