#!/usr/bin/env node
// End-to-end test of the `npm start` demo in headless Chromium, the whole loop a newcomer goes through:
// the portal page uploads demo/samples/messy.csv through <bulk-upload>'s file input, fixes it with the
// suggestions (and removes a duplicate row), sends; the Outbox panel shows the messages with their
// invitation links; one link opens the invitee's page, where a password is typed in both fields and set;
// back on the portal, the Admin notifications panel shows the acceptance.
//
// The demo is started exactly as `npm start` starts it (scripts/demo-server.mjs), on a free port, with
// the built dist/ (built first when missing). Any page error, console error, HTTP error or dialog fails
// the step it happens in; every wait is bounded. Prints `e2e: N passed, N failed` and writes
// .wtr-results/e2e.json for `npm test`'s closing line.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { startDemo } from '../../scripts/demo-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WAIT_MS = 15000;
const TOTAL_MS = 180000;
const PASSWORD = 'violet kettle 42 harbour';

const results = [];
function record() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  mkdirSync(`${root}.wtr-results`, { recursive: true });
  writeFileSync(`${root}.wtr-results/e2e.json`, JSON.stringify({ passed, failed }));
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed;
}

const watchdog = setTimeout(() => {
  console.error(`e2e: FAIL the whole run took longer than ${TOTAL_MS / 1000} s`);
  results.push({ ok: false });
  record();
  process.exit(1);
}, TOTAL_MS);

// ---- the demo and the browser ------------------------------------------------------------------

const demo = await startDemo({ port: 0, build: !existsSync(`${root}dist/bulk-enroll.min.js`), watch: false });
const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: chromiumArgs });
const problems = [];

/** A new page whose errors of any kind are collected into `problems`. */
async function openPage(name) {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => problems.push(`${name}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name}: console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${name}: HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`${name}: request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('dialog', (dialog) => {
    problems.push(`${name}: unexpected dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

let stopped = false;
/**
 * Runs one step. After a failed step of the loop the remaining steps are not run and count as failed;
 * a failed check (`check: true`, e.g. accessibility) does not stop the loop.
 */
async function step(name, fn, { check = false } = {}) {
  if (stopped) {
    results.push({ name, ok: false });
    console.log(`  -    ${name} (not run: an earlier step failed)`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    if (problems.length) throw new Error(problems.splice(0).join('\n       '));
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    if (!check) stopped = true;
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n       ${error instanceof Error ? error.message : String(error)}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- helpers that run in the page --------------------------------------------------------------

/** Waits until no row of the review has an issue with `code`. */
const waitNoIssue = (page, code) =>
  page.waitForFunction((c) => document.querySelector('bulk-upload').currentReport?.rows.every((row) => !row.issues.some((i) => i.code === c)), {}, code);

/** A button in the review's `<row-error-table>`, by part and by the start of its text (or its aria-label). */
async function tableButton(page, part, text) {
  const handle = await page.waitForFunction(
    (p, t) => {
      const table = document.querySelector('bulk-upload')?.shadowRoot?.querySelector('row-error-table');
      const buttons = [...(table?.shadowRoot?.querySelectorAll(`button[part~="${p}"]`) ?? [])];
      return buttons.find((b) => !b.disabled && (b.textContent.trim().startsWith(t) || b.getAttribute('aria-label') === t)) ?? false;
    },
    {},
    part,
    text,
  );
  return handle.asElement();
}

/** Picks the group of an issue and applies all its suggestions with the group's "apply all" button. */
async function applyAll(page, groupLabel, applyLabel, code) {
  await (await tableButton(page, 'group-button', groupLabel)).click();
  await (await tableButton(page, 'apply-all-button', applyLabel)).click();
  await waitNoIssue(page, code);
}

async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
  });
}

/** A check step: the page, as it is now, passes axe-core. */
function axeStep(name, page) {
  return step(
    name,
    async () => {
      const violations = await axeViolations(page);
      assert(violations.length === 0, `axe-core: ${violations.join('; ')}`);
    },
    { check: true },
  );
}

// ---- the loop ----------------------------------------------------------------------------------

console.log(`e2e: the demo at ${demo.url}`);
const portal = await openPage('portal');
let invitePage;
let messages = [];
let invitee;

try {
  await step('the portal page opens with the uploader ready', async () => {
    await portal.goto(demo.url, { waitUntil: 'load' });
    await portal.waitForFunction(() => customElements.get('bulk-upload') && document.querySelector('bulk-upload').state === 'ready');
    await portal.waitForSelector('bulk-upload >>> input[type=file]');
    assert((await portal.$eval('h1', (h) => h.textContent)) === 'Bulk upload new users', 'the page heading is not "Bulk upload new users"');
  });

  await axeStep('the portal page passes axe-core', portal);

  await step('the sample files can be downloaded from the page', async () => {
    const hrefs = await portal.$$eval('.samples a[download]', (links) => links.map((a) => a.href));
    assert(hrefs.length >= 4, `expected at least 4 sample files, found ${hrefs.length}`);
    for (const href of hrefs) {
      const status = await portal.evaluate(async (url) => (await fetch(url)).status, href);
      assert(status === 200, `${href}: HTTP ${status}`);
    }
  });

  await step('uploading messy.csv shows its problems', async () => {
    const input = await portal.waitForSelector('bulk-upload >>> input[type=file]');
    await input.uploadFile(`${root}demo/samples/messy.csv`);
    await portal.waitForFunction(() => document.querySelector('bulk-upload').state === 'review');
    const summary = await portal.evaluate(() => document.querySelector('bulk-upload').currentReport.summary);
    assert(summary.rows === 9 && summary.valid === 2 && summary.invalid === 7, `unexpected summary ${JSON.stringify(summary)}`);
    await tableButton(portal, 'group-button', 'Phone number without +');
  });

  await step('"Add + to 1 phone number" fixes the phone that lost its +', () =>
    applyAll(portal, 'Phone number without +', 'Add + to 1 phone number', 'phone.missing_plus'),
  );
  await step('"Apply all 2 suggestions" fixes the login types', () =>
    applyAll(portal, 'Unknown login type', 'Apply all 2 suggestions', 'login_type.invalid'),
  );
  await step('"Correct 2 email addresses" fixes the misspelt domains', () =>
    applyAll(portal, 'Possibly misspelt email', 'Correct 2 email addresses', 'email.typo'),
  );
  await step('removing the duplicate row clears the duplicate login', async () => {
    await (await tableButton(portal, 'group-button', 'Login ID used on several rows')).click();
    await (await tableButton(portal, 'action-button', 'Remove row 6')).click();
    await waitNoIssue(portal, 'login_id.duplicate');
    const summary = await portal.evaluate(() => document.querySelector('bulk-upload').currentReport.summary);
    assert(summary.valid === 6 && summary.invalid === 2, `after the fixes: ${JSON.stringify(summary)} (expected 6 valid, 2 held back)`);
  });

  // The rows the review calls ready are the rows that are sent (those with a record).
  let toSend = 0;
  await step(
    'every row the review calls ready is sent (the other row of a removed duplicate too)',
    async () => {
      const rows = await portal.evaluate(() =>
        document.querySelector('bulk-upload').currentReport.rows.map((row) => ({ row: row.row, record: Boolean(row.record), error: row.issues.some((i) => i.severity === 'error') })),
      );
      toSend = rows.filter((row) => row.record).length;
      const lost = rows.filter((row) => !row.error && !row.record).map((row) => row.row);
      assert(lost.length === 0, `row(s) ${lost.join(', ')} have no error but no record either, so they would not be sent (row-error-table's Remove does not re-validate rows that lose a duplicate)`);
    },
    { check: true },
  );

  await step(`sending invites the valid users and holds 2 rows back`, async () => {
    const send = await portal.waitForSelector('bulk-upload >>> button[part~="send-button"]');
    const label = await send.evaluate((b) => b.textContent.replace(/\s+/g, ' ').trim());
    assert(label === `Send ${toSend} invitations; 2 rows held back`, `the send button says "${label}"`);
    await send.click();
    await portal.waitForFunction(() => document.querySelector('bulk-upload').state === 'done');
    const summary = await portal.$eval('bulk-upload >>> [part=summary]', (p) => p.textContent.replace(/\s+/g, ' ').trim());
    assert(summary.startsWith(`${toSend} users invited.`), `the results say "${summary}"`);
  });

  await step('the outbox lists a text message or an email for each invited user, with its invitation link', async () => {
    await portal.waitForFunction((n) => document.querySelectorAll('#outbox-list .message').length === n, {}, toSend);
    messages = await portal.$$eval('#outbox-list .message', (items) =>
      items.map((item) => ({
        channel: item.classList.contains('sms') ? 'sms' : 'email',
        heading: item.querySelector('h3').textContent,
        text: item.querySelector('.text').textContent,
        link: item.querySelector('a.invite-link').href,
      })),
    );
    assert(messages.filter((m) => m.channel === 'sms').length === 3, `expected 3 text messages (phone logins): ${JSON.stringify(messages)}`);
    for (const m of messages) {
      assert(m.link.startsWith(`${demo.url}invite.html?token=`), `the link ${m.link} does not open the demo's invitee page`);
      assert(m.text.includes(m.link), `the message to ${m.heading} does not hold its link`);
    }
    assert(messages.some((m) => m.heading === 'Text message to +14085550145'), 'Lucas (a phone login whose + was added) got no text message');
    // The name with markup is shown as text: no <img> was created in the panel.
    assert((await portal.$$('#outbox img')).length === 0, 'markup from a name was rendered in the outbox');
    invitee = messages.find((m) => m.heading === 'Email to dana.lee@acme.example');
    assert(invitee, 'no email to dana.lee@acme.example in the outbox');
  });

  await axeStep('the portal with the results and the outbox passes axe-core', portal);

  await step("the invitation link opens the invitee's page, naming the invitee as text", async () => {
    invitePage = await openPage('invitee');
    await invitePage.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await invitePage.goto(invitee.link, { waitUntil: 'load' });
    await invitePage.waitForFunction(() => document.querySelector('invite-accept-form')?.state === 'ready');
    const heading = await invitePage.$eval('invite-accept-form >>> [part~=heading]', (h) => h.textContent);
    assert(heading.includes('<img src=x onerror=alert(1)>Dana Lee'), `the heading is "${heading}"`);
    assert((await invitePage.$$('invite-accept-form >>> img')).length === 0, 'markup from the name was rendered');
  });

  await axeStep("the invitee's page passes axe-core", invitePage);

  await step('typing a good password twice and submitting accepts the invitation', async () => {
    await invitePage.type('invite-accept-form >>> #password', PASSWORD);
    await invitePage.type('invite-accept-form >>> #confirmation', PASSWORD);
    await (await invitePage.waitForSelector('invite-accept-form >>> button[part~="submit-button"]')).click();
    await invitePage.waitForFunction(() => document.querySelector('invite-accept-form').state === 'accepted');
    const heading = await invitePage.$eval('invite-accept-form >>> [part~=heading]', (h) => h.textContent);
    assert(heading === 'Your password is set', `the heading is "${heading}"`);
    const token = demo.backend.store.tokenFor('dana.lee@acme.example');
    assert(demo.backend.store.invitations.get(token)?.status === 'accepted', 'the backend did not record the acceptance');
  });

  await step('opening the link again says it was already accepted', async () => {
    await invitePage.goto(invitee.link, { waitUntil: 'load' });
    await invitePage.waitForFunction(() => document.querySelector('invite-accept-form')?.state === 'already-accepted');
  });

  await step('the portal shows the admin notification of the acceptance', async () => {
    await portal.bringToFront();
    await portal.waitForFunction(() => document.querySelectorAll('#notifications-list .notification').length === 1);
    const text = await portal.$eval('#notifications-list .notification', (n) => n.textContent);
    assert(text.includes('Dana Lee accepted the invitation') && text.includes('dana.lee@acme.example'), `the notification says "${text}"`);
    assert(text.includes('admin@acme.example'), `the notification is not addressed to the admin: "${text}"`);
  });
} finally {
  await browser.close().catch(() => {});
  await demo.close();
  clearTimeout(watchdog);
}

process.exit(record() === 0 ? 0 : 1);
