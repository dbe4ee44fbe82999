import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/bulk-upload.js';
import { createMemoryAdapter } from '../src/core/adapter/memory-adapter.js';
import type { BulkUploadElement } from '../src/bulk-upload.js';
import { validateCsv } from '../src/core/index.js';
import type { ValidationClient } from '../src/worker/validation-client.js';
import { SessionStore } from '../src/components/bulk-upload/session-store.js';
import type { SavedSession } from '../src/components/bulk-upload/session-store.js';
import type { RowResult } from '../src/core/csv/results.js';
import type { ValidationReport } from '../src/core/types.js';
import { expect, waitFor } from 'storybook/test';
import { cleanCsv, messyCsv } from './sample-data.js';
import { brandOf } from './themes.js';

/**
 * `<bulk-upload>` takes an admin from the template to invitations: ready → reading and validating →
 * review (fix in place, apply suggestions in bulk, download the rows with problems) → sending →
 * results. Every story runs on the in-memory backend; validation runs in the real worker. The
 * toolbar switches the theme (two partners' white labels, dark), the language and the direction.
 */
const meta: Meta = {
  title: 'Elements/bulk-upload',
  component: 'bulk-upload',
  args: { 'default-country': '', 'header-mode': 'strict', 'batch-size': 2 },
  argTypes: {
    'header-mode': { control: 'inline-radio', options: ['strict', 'lenient'] },
  },
  loaders: [() => ({ adapter: createMemoryAdapter({ latency: [200, 500] }) })],
  render: (args, { loaded, globals, id }) =>
    html`<bulk-upload
      brand=${brandOf(globals)}
      default-country=${args['default-country']}
      header-mode=${args['header-mode']}
      batch-size=${args['batch-size']}
      storage-key=${`story-${id}`}
      persist=${args['persist'] ?? 'none'}
      .adapter=${loaded['adapter']}
      .validationClient=${loaded['validationClient'] ?? undefined}
    ></bulk-upload>`,
};
export default meta;

type Story = StoryObj;

const uploader = (canvas: HTMLElement) => canvas.querySelector('bulk-upload') as BulkUploadElement;
const upload = (canvas: HTMLElement, csv: string | Uint8Array, name: string) =>
  uploader(canvas).validateFile(new File([csv as BlobPart], name, { type: 'text/csv' }));

/** Ready: short instructions, the template, and the drop zone that is also a file button. */
export const Ready: Story = {};

/**
 * Reading and validating: progress in rows, and Cancel. (Held here by a validation client that never
 * finishes, so the state stays on screen.)
 */
export const Validating: Story = {
  loaders: [
    () => ({
      adapter: createMemoryAdapter(),
      validationClient: {
        validate: (_input: unknown, options: { onProgress?: (p: { rowsDone: number; bytesDone: number; bytesTotal: number }) => void }) => {
          options.onProgress?.({ rowsDone: 1240, bytesDone: 41_000, bytesTotal: 100_000 });
          return new Promise(() => undefined);
        },
        validateRow: () => new Promise(() => undefined),
      } as unknown as ValidationClient,
    }),
  ],
  play: async ({ canvasElement }) => void upload(canvasElement, messyCsv, 'users.csv'),
};

/** Review of a messy file: missing `+`, scientific notation, a typo'd domain, a missing name, a duplicate, markup in a cell. */
export const ReviewWithProblems: Story = {
  play: async ({ canvasElement }) => void (await upload(canvasElement, messyCsv, 'users.csv')),
};

/** Review of a clean file: every user ready to invite. */
export const ReviewClean: Story = {
  play: async ({ canvasElement }) => void (await upload(canvasElement, cleanCsv, 'clean.csv')),
};

/** A workbook uploaded by mistake: what it is and how to save it as CSV. */
export const FileProblem: Story = {
  play: async ({ canvasElement }) => void (await upload(canvasElement, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0]), 'users.xlsx')),
};

/** A header that differs from the template, read leniently: synonyms and another column order are accepted. */
export const LenientHeader: Story = {
  args: { 'header-mode': 'lenient' },
  play: async ({ canvasElement }) =>
    void (await upload(canvasElement, 'Full Name,E-mail,Mobile,iPlum ID (phone/email)\r\nAna Silva,ana@initech.example,+14155550123,phone\r\n', 'lenient.csv')),
};

/** Sending: progress in users, and Cancel (the backend here answers slowly). */
export const Sending: Story = {
  loaders: [() => ({ adapter: createMemoryAdapter({ latency: 3_600_000 }) })],
  play: async ({ canvasElement }) => {
    await upload(canvasElement, messyCsv, 'users.csv');
    void uploader(canvasElement).send();
  },
};

/**
 * A loader that saves the messy file's session as a reload finds it (in the phase given, with the
 * send results `results` makes of its report) and gives the story an in-memory backend.
 */
function saved(phase: SavedSession['phase'], results: (report: ValidationReport) => SavedSession['results']) {
  return async ({ id }: { id: string }) => {
    const report = await validateCsv(messyCsv);
    await new SessionStore(`story-${id}`).save({ fileName: 'users.csv', report, results: results(report), phase });
    return { adapter: createMemoryAdapter() };
  };
}

/**
 * Results: invited users, one rejected by the backend with its reason, and users not confirmed
 * (the server did not answer; sending them again is safe), with retry, the results download and what
 * happens next. Restored as after a reload, so the mix is always the same.
 */
export const Results: Story = {
  args: { persist: 'indexeddb' },
  loaders: [
    saved('done', (report) => {
      const valid = report.rows.filter((row) => row.record).map((row) => row.row);
      const statuses: RowResult[] = [
        { status: 'invited' },
        { status: 'rejected', message: 'This phone number is blocked for new accounts.' },
        { status: 'unconfirmed', message: 'The server did not answer in time, so it is not known whether this user was invited. Sending again is safe.' },
      ];
      return valid.map((row, i) => [row, statuses[Math.min(i, 2)]!]);
    }),
  ],
  play: async ({ canvasElement }) => {
    const el = uploader(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part=resume]')).toBeTruthy());
    el.resume();
  },
};

/** Everything sent and invited. */
export const AllInvited: Story = {
  loaders: [() => ({ adapter: createMemoryAdapter() })],
  play: async ({ canvasElement }) => {
    await upload(canvasElement, cleanCsv, 'clean.csv');
    await uploader(canvasElement).send();
  },
};

/** After a reload: the saved review is offered back (kept in IndexedDB under `storage-key`). */
export const ResumeOffer: Story = {
  args: { persist: 'indexeddb' },
  loaders: [saved('review', () => [])],
};

/** The same review in Spanish (the toolbar switches the language of every story). */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => void (await upload(canvasElement, messyCsv, 'usuarios.csv')),
};

/** Laid out right to left. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => void (await upload(canvasElement, messyCsv, 'users.csv')),
};

/** A partner's white label: its brand in the template header, its colours and font. */
export const WhiteLabel: Story = { globals: { theme: 'acme' } };

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => void (await upload(canvasElement, messyCsv, 'users.csv')),
};
