import { expect, waitUntil } from '@open-wc/testing';
import { readFixture } from '../helpers/fixtures.js';

/** Opens test/bundle/plain-page.html (one <script type="module"> tag, no build step) in an iframe. */
async function plainPage(page = 'plain-page.html'): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.src = `/test/bundle/${page}`;
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

  it('loads no validation library, and no other language, until needed', async () => {
    const win = await plainPage();
    const scripts = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(scripts.some((name) => name.includes('worker'))).to.equal(false);
    expect(scripts.some((name) => name.includes('bulk-enroll.es.min.js'))).to.equal(false);
  });

  it('speaks Spanish on a page with <html lang="es">, loading the strings from the file beside it', async () => {
    const win = await plainPage('plain-page-es.html');
    const upload = win.document.querySelector('bulk-upload')!;
    await waitUntil(() => upload.shadowRoot!.textContent!.includes('Descargar plantilla'), 'the Spanish strings arrive');
    const scripts = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(scripts.filter((name) => name.endsWith('/dist/bulk-enroll.es.min.js'))).to.have.length(1);
  });
});
