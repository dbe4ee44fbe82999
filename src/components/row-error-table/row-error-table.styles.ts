import { css } from 'lit';

export const styles = css`
  :host {
    --_text: var(--row-error-table-text-color, #1f2937);
    --_border: var(--row-error-table-border-color, #d1d5db);
    --_error: var(--row-error-table-error-color, #b91c1c);
    --_warning: var(--row-error-table-warning-color, #92400e);
    --_header-bg: var(--row-error-table-header-background, #f3f4f6);
    display: block;
    color: var(--_text);
    font-family: var(--row-error-table-font-family, inherit);
  }
  [part='scroller'] {
    overflow: auto;
    max-block-size: var(--row-error-table-max-height, 32rem);
  }
  [part='scroller']:focus-visible {
    outline: 3px solid var(--row-error-table-focus-color, #1d4ed8);
    outline-offset: 2px;
  }
  :host([hidden]) {
    display: none;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.5rem;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_header-bg);
  }
  .error {
    color: var(--_error);
  }
  .warning {
    color: var(--_warning);
  }
  ul {
    margin: 0;
    padding-inline-start: 1rem;
  }
`;
