#!/usr/bin/env node
// Runs the DOM-free core's tests under Node's own test runner, proving `bulk-enroll/core`
// runs unchanged in Node. The same files run in Chromium under @web/test-runner.
// Prints `node: N passed, N failed` and writes the counts for the summary of `npm test`.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return find(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

// test/core: shared with Chromium; test/node: Node-only (servers on 127.0.0.1, file system).
const roots = ['test/core', 'test/node'].filter((dir) => existsSync(dir));
const files = process.argv.slice(2).length ? process.argv.slice(2) : roots.flatMap(find).sort();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './test/helpers/node-globals.mjs', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=.wtr-results/node.tap', ...files],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
mkdirSync('.wtr-results', { recursive: true });
child.on('exit', async (code) => {
  const { readFileSync } = await import('node:fs');
  let passed = 0;
  let failed = 0;
  try {
    const tap = readFileSync('.wtr-results/node.tap', 'utf8');
    passed = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    failed = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  writeFileSync('.wtr-results/node.json', JSON.stringify({ passed, failed }));
  console.log(`node: ${passed} passed, ${failed} failed`);
  process.exit(code ?? 1);
});
