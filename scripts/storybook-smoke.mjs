#!/usr/bin/env node
// Smoke test of the built Storybook: opens every story (and every docs page) of storybook-static/
// in headless Chromium and fails on page errors, console errors, HTTP errors, Storybook's error
// events (storyErrored, storyThrewException, playFunctionThrewException, storyMissing), an empty
// root, undefined custom elements, or axe-core violations in the story.
// Prints `storybook: N passed, N failed` and writes the counts for `npm test`'s closing line.
import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { serveStatic } from './static-server.mjs';
import { chromiumArgs, ensureChromium } from './chromium.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const failEvents = ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'];

function record(passed, failed) {
  mkdirSync('.wtr-results', { recursive: true });
  writeFileSync('.wtr-results/storybook.json', JSON.stringify({ passed, failed }));
  console.log(`storybook: ${passed} passed, ${failed} failed`);
}

if (!existsSync('storybook-static/index.json')) {
  console.error('storybook-static/index.json is missing: run `npm run build-storybook` first.');
  record(0, 1);
  process.exit(1);
}

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
const entries = Object.values(index.entries).sort((a, b) => a.id.localeCompare(b.id));
const { server, url } = await serveStatic({ '/': 'storybook-static' });
const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: chromiumArgs });

/** Installed before any script: catches Storybook's channel as it is created and records its events. */
function watchChannel(names) {
  window.__smoke = { events: [], rendered: false };
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of names) value.on(name, (payload) => window.__smoke.events.push({ name, payload: String(payload?.message ?? payload?.description ?? JSON.stringify(payload)) }));
      value.on('storyRendered', () => (window.__smoke.rendered = true));
      value.on('docsRendered', () => (window.__smoke.rendered = true));
    },
  });
}

let passed = 0;
let failed = 0;
for (const entry of entries) {
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Chromium asks for /favicon.ico on its own; Storybook ships none. Everything else counts.
  const isFavicon = (url) => new URL(url, 'http://x').pathname === '/favicon.ico';
  page.on('console', (message) => {
    if (message.type() === 'error' && !isFavicon(message.location()?.url ?? '')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.evaluateOnNewDocument(watchChannel, failEvents);
  try {
    await page.goto(`${url}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__smoke.rendered || window.__smoke.events.length > 0, { timeout: 30000 });
    for (const event of await page.evaluate(() => window.__smoke.events)) problems.push(`${event.name}: ${event.payload}`);
    if (viewMode === 'story') {
      const { empty, undefinedTags } = await page.evaluate(() => {
        const root = document.querySelector('#storybook-root');
        const undefinedTags = new Set();
        const walk = (node) => {
          for (const el of node.querySelectorAll('*')) {
            if (el.localName.includes('-') && !customElements.get(el.localName)) undefinedTags.add(el.localName);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        if (root) walk(root);
        return { empty: !root || root.childElementCount === 0, undefinedTags: [...undefinedTags] };
      });
      if (empty) problems.push('the story rendered nothing');
      if (undefinedTags.length) problems.push(`undefined custom elements: ${undefinedTags.join(', ')}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      });
      for (const violation of violations) problems.push(`axe: ${violation}`);
    }
  } catch (error) {
    problems.push(`did not render: ${error.message}`);
  }
  await page.close();
  if (problems.length) {
    failed++;
    console.log(`✗ ${entry.id} (${viewMode})\n    ${problems.join('\n    ')}`);
  } else {
    passed++;
    console.log(`✓ ${entry.id} (${viewMode})`);
  }
}

await browser.close();
server.close();
record(passed, failed);
process.exit(failed === 0 ? 0 : 1);
