import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/row-error-table.js';
import type { RowOutcome } from '../src/row-error-table.js';
import { buildReport, validateCsv } from '../src/core/index.js';
import type { RowReport, ValidationReport } from '../src/core/index.js';
import { messyCsv } from './sample-data.js';

/**
 * `<row-error-table>` on its own, given a report. Choose a problem type to see only its rows and
 * apply all its suggestions; edit a row (Edit, double-click a cell, or Enter / F2 on a row number),
 * Enter or leaving the row saves, Escape cancels. Keyboard: ArrowUp / ArrowDown row by row,
 * Alt+ArrowUp / Alt+ArrowDown or `p` / `n` from problem to problem. Cell text is always text: the
 * markup in the sample stays inert.
 */
const meta: Meta = {
  title: 'Elements/row-error-table',
  component: 'row-error-table',
  args: { filter: 'errors', code: '', editable: true },
  argTypes: {
    filter: { control: 'inline-radio', options: ['errors', 'warnings', 'all', 'outcomes'] },
    code: { control: 'text' },
    editable: { control: 'boolean' },
  },
  loaders: [async () => ({ report: await validateCsv(messyCsv) })],
  render: (args, { loaded }) =>
    html`<row-error-table
      filter=${args['filter']}
      code=${args['code']}
      .editable=${Boolean(args['editable'])}
      .report=${loaded['report']}
      .outcomes=${loaded['outcomes']}
    ></row-error-table>`,
};
export default meta;

type Story = StoryObj;

/** Only the rows with errors. */
export const Errors: Story = {};

/** Only the rows with warnings. */
export const Warnings: Story = { args: { filter: 'warnings' } };

/** Every row. */
export const All: Story = { args: { filter: 'all' } };

/** The rows with one issue code, with "Add + to N phone numbers". */
export const GroupedByCode: Story = { args: { code: 'phone.missing_plus' } };

/** Read-only: no Edit, Remove or Apply buttons. */
export const ReadOnly: Story = { args: { editable: false, filter: 'all' } };

/** After sending: each row's result (invited, rejected with the backend's reason, not confirmed). */
export const Results: Story = {
  args: { filter: 'outcomes' },
  loaders: [
    async () => {
      const report = await validateCsv(messyCsv);
      const statuses: RowOutcome[] = [{ status: 'invited' }, { status: 'rejected', message: 'This phone number is blocked.' }, { status: 'unconfirmed' }];
      const outcomes = new Map(report.rows.filter((r) => r.record).map((r, i) => [r.row, statuses[i % 3]!]));
      return { report, outcomes };
    },
  ],
};

/** 100,000 rows: only the rows in view are rendered. */
export const HundredThousandRows: Story = {
  loaders: [
    () => {
      const rows: RowReport[] = Array.from({ length: 100_000 }, (_, i) => {
        const phone = `1415555${String(i % 10_000).padStart(4, '0')}`;
        return {
          row: i + 2,
          values: { loginType: 'phone', phone, email: `user${i}@acme.example`, name: `User ${i}` },
          issues: [{ code: 'phone.missing_plus', severity: 'error', column: 'phone', message: `“${phone}” has no + before the country code. Write it as +${phone}.`, suggestion: `+${phone}` }],
        };
      });
      const report: ValidationReport = buildReport({ encoding: 'utf-8', delimiter: ',', bytes: 0 }, [], rows, 0);
      return { report };
    },
  ],
};
