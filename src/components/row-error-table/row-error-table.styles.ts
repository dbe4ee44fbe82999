import { css } from 'lit';
import { visuallyHidden } from '../shared/styles.js';

export const styles = [
  visuallyHidden,
  css`
  :host {
    --_text: var(--row-error-table-text-color, #1f2937);
    --_bg: var(--row-error-table-background, #ffffff);
    --_border: var(--row-error-table-border-color, #d1d5db);
    --_error: var(--row-error-table-error-color, #b91c1c);
    --_warning: var(--row-error-table-warning-color, #92400e);
    --_success: var(--row-error-table-success-color, #166534);
    --_header-bg: var(--row-error-table-header-background, #f3f4f6);
    --_accent: var(--row-error-table-accent-color, #1d4ed8);
    --_button-bg: var(--row-error-table-button-background, #ffffff);
    --_focus: var(--row-error-table-focus-color, #1d4ed8);
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--row-error-table-font-family, inherit);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--row-error-table-text-color, #e5e7eb);
      --_bg: var(--row-error-table-background, #111827);
      --_border: var(--row-error-table-border-color, #4b5563);
      --_error: var(--row-error-table-error-color, #fca5a5);
      --_warning: var(--row-error-table-warning-color, #fcd34d);
      --_success: var(--row-error-table-success-color, #86efac);
      --_header-bg: var(--row-error-table-header-background, #1f2937);
      --_accent: var(--row-error-table-accent-color, #93c5fd);
      --_button-bg: var(--row-error-table-button-background, #1f2937);
      --_focus: var(--row-error-table-focus-color, #93c5fd);
    }
  }
  :host([hidden]) {
    display: none;
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding-block-end: 0.5rem;
  }
  [part='filters'],
  [part='groups'],
  .actions-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .actions-bar {
    margin-inline-start: auto;
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_text);
    background: var(--_button-bg);
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
    padding: 0.25rem 0.625rem;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button:focus-visible,
  input:focus-visible,
  [part~='row-header']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  [part~='group-error'] {
    color: var(--_error);
  }
  [part~='group-warning'] {
    color: var(--_warning);
  }
  [part='scroller'] {
    overflow: auto;
    max-block-size: var(--row-error-table-max-height, 32rem);
    border: 1px solid var(--_border);
  }
  [part='scroller']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    inline-size: 100%;
    table-layout: fixed;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem;
  }
  th,
  td {
    border-block-end: 1px solid var(--_border);
    border-inline-end: 1px solid var(--_border);
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_header-bg);
  }
  thead th:first-child,
  tbody th {
    inline-size: 4rem;
  }
  /* The problems column gets the room: its messages say what to do, in full. */
  thead th:nth-child(n + 2) {
    inline-size: 11%;
  }
  thead th.problems-header {
    inline-size: 36%;
  }
  thead th.actions-header,
  thead th.result-header {
    inline-size: 9rem;
  }
  tr.spacer td {
    padding: 0;
    border: 0;
  }
  ul {
    margin: 0;
    padding-inline-start: 1rem;
  }
  li {
    margin-block-end: 0.125rem;
  }
  .label {
    font-weight: 600;
  }
  .message {
    font-size: 0.875rem;
  }
  .error {
    color: var(--_error);
  }
  .warning {
    color: var(--_warning);
  }
  .outcome.invited {
    color: var(--_success);
  }
  .outcome.rejected {
    color: var(--_error);
  }
  .outcome.unconfirmed {
    color: var(--_warning);
  }
  [part='apply-button'] {
    margin-inline-start: 0.25rem;
    padding: 0 0.375rem;
  }
  [part='input'] {
    box-sizing: border-box;
    inline-size: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    padding: 0.125rem 0.25rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  [part='empty'] {
    padding: 1rem;
    margin: 0;
  }
`,
];
