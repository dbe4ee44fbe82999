import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/bulk-upload.js';
import { createMemoryAdapter } from '../src/core/adapter/memory-adapter.js';
import type { BulkUploadElement } from '../src/bulk-upload.js';
import { cleanCsv, messyCsv } from './sample-data.js';

/**
 * `<bulk-upload>` takes an admin from the template to invitations. Every story runs on the
 * in-memory backend; validation runs in the real worker.
 */
const meta: Meta = {
  title: 'Elements/bulk-upload',
  component: 'bulk-upload',
  args: { brand: 'iPlum', 'default-country': '', 'header-mode': 'strict' },
  render: (args) =>
    html`<bulk-upload
      brand=${args['brand']}
      default-country=${args['default-country']}
      header-mode=${args['header-mode']}
      .adapter=${createMemoryAdapter({ latency: [200, 600] })}
    ></bulk-upload>`,
};
export default meta;

type Story = StoryObj;

async function upload(canvasElement: HTMLElement, csv: string, name: string): Promise<void> {
  const el = canvasElement.querySelector('bulk-upload') as BulkUploadElement;
  await el.validateFile(new File([csv], name, { type: 'text/csv' }));
}

/** Ready: instructions, the template, and the drop zone. */
export const Ready: Story = {};

/** A white-labelled uploader: the template's first header reads "Acme ID (phone/email)". */
export const WhiteLabel: Story = { args: { brand: 'Acme' } };

/** Review of a messy file: missing `+`, scientific notation, a typo'd domain, a missing name, markup in a cell. */
export const ReviewWithProblems: Story = {
  play: async ({ canvasElement }) => upload(canvasElement, messyCsv, 'messy.csv'),
};

/** Review of a clean file: every user ready to invite. */
export const ReviewClean: Story = {
  play: async ({ canvasElement }) => upload(canvasElement, cleanCsv, 'clean.csv'),
};
