import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/row-error-table.js';
import { validateCsv } from '../src/core/index.js';
import { messyCsv } from './sample-data.js';

/** `<row-error-table>` on its own, given a report. Cell text is always text: the markup below stays inert. */
const meta: Meta = {
  title: 'Elements/row-error-table',
  component: 'row-error-table',
  args: { filter: 'errors' },
  argTypes: { filter: { control: 'inline-radio', options: ['errors', 'warnings', 'all'] } },
  loaders: [async () => ({ report: await validateCsv(messyCsv) })],
  render: (args, { loaded }) => html`<row-error-table filter=${args['filter']} .report=${loaded['report']}></row-error-table>`,
};
export default meta;

type Story = StoryObj;

/** Only the rows with errors. */
export const Errors: Story = {};

/** Only the rows with warnings. */
export const Warnings: Story = { args: { filter: 'warnings' } };

/** Every row. */
export const All: Story = { args: { filter: 'all' } };
