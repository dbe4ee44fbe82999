import { expect, waitUntil } from '@open-wc/testing';
import { readFixture } from '../helpers/fixtures.js';

/** Opens test/bundle/plain-page.html (one <script type="module"> tag, no build step) in an iframe. */
async function plainPage(): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.src = '/test/bundle/plain-page.html';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  await Promise.all(['bulk-upload', 'row-error-table', 'invite-accept-form'].map((tag) => win.customElements.whenDefined(tag)));
  return win;
}

describe('dist/bulk-enroll.min.js on a plain page', () => {
  it('defines the three elements from one script tag and validates a file in its own worker', async () => {
    const win = await plainPage();
    const doc = win.document;
    expect(doc.querySelectorAll(':not(:defined)').length).to.equal(0);
    const upload = doc.querySelector('bulk-upload') as HTMLElement & {
      validateFile(file: Blob, name?: string): Promise<{ summary: { rows: number } } | undefined>;
      state: string;
    };
    expect(upload.shadowRoot!.textContent).to.contain('Download template');
    const bytes = await readFixture('excel-win-csv-utf8-bom-crlf.csv');
    const report = await upload.validateFile(new (win as unknown as typeof globalThis).File([bytes as BlobPart], 'users.csv'));
    expect(report?.summary.rows).to.equal(10);
    await waitUntil(() => upload.state === 'review');
    const workers = win.performance.getEntriesByType('resource').filter((e) => e.name.includes('bulk-enroll.worker.min.js'));
    expect(workers.length).to.be.greaterThan(0); // one per worker of the pool, all the same file
  });

  it('loads no validation library until a file is chosen', async () => {
    const win = await plainPage();
    const scripts = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(scripts.some((name) => name.includes('worker'))).to.equal(false);
  });
});
