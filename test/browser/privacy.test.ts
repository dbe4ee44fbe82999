// Privacy: the admin's file never leaves the page except through the adapter. During a whole upload
// (read + validate in the worker) and send (REST adapter → the reference server on another 127.0.0.1
// port), every request the page makes goes either to the test server's own origin (modules, the worker
// script, the fixture) or to the adapter's endpoint: no analytics, no CDN, no font, no beacon.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/bulk-upload.js';
import type { BulkUploadElement } from '../../src/bulk-upload.js';
import { createRestAdapter } from '../../src/core/adapter/rest-adapter.js';
import { sendInvitations } from '../../src/core/send/index.js';
import { readFixture } from '../helpers/fixtures.js';

describe('privacy', () => {
  it('during a whole upload and send, no request leaves the page except the adapter’s', async () => {
    performance.setResourceTimingBufferSize(100_000);
    const observed: PerformanceResourceTiming[] = [];
    const observer = new PerformanceObserver((list) => observed.push(...(list.getEntries() as PerformanceResourceTiming[])));
    observer.observe({ type: 'resource', buffered: true });

    const { url: endpoint } = (await (await fetch('/__reference-server-url')).json()) as { url: string };
    expect(new URL(endpoint).origin).to.not.equal(location.origin);
    const adapter = createRestAdapter({ endpoint, timeoutMs: 10_000 });

    const el = await fixture<BulkUploadElement>(html`<bulk-upload .adapter=${adapter}></bulk-upload>`);
    const bytes = await readFixture('google-sheets-export.csv');
    const report = await el.validateFile(new File([bytes], 'google-sheets-export.csv', { type: 'text/csv' }));
    expect(report, 'the file was validated').to.exist;
    const valid = report!.rows.filter((r) => r.record).length;
    expect(valid).to.be.greaterThan(0);

    const sent = await sendInvitations(report!.rows, adapter, { batchSize: 2, checkExisting: true });
    expect(sent.summary.unconfirmed).to.equal(0);
    expect(sent.summary.invited + sent.summary.rejected).to.equal(valid);
    expect(sent.summary.invited).to.be.greaterThan(0);

    const batches = Math.ceil(valid / 2);
    await waitUntil(
      () => observed.filter((e) => e.name === `${endpoint}/invitations/batch`).length >= batches,
      'the adapter’s requests never showed in the resource timeline',
    );
    observer.disconnect();

    const names = new Set([...observed, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])].map((e) => e.name));
    const elsewhere = [...names].filter((name) => {
      const target = new URL(name, location.href);
      if (target.origin === location.origin) return false;
      return !(name === `${endpoint}/invitations/batch` || name === `${endpoint}/login-ids/lookup`);
    });
    expect(elsewhere, 'requests to anywhere else').to.deep.equal([]);
    // Only the adapter talked to the backend, and only on the routes of a send.
    const toBackend = [...names].filter((name) => name.startsWith(endpoint));
    expect(toBackend.sort()).to.deep.equal([`${endpoint}/invitations/batch`, `${endpoint}/login-ids/lookup`]);
  });
});
