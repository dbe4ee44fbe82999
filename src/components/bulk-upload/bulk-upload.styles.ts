import { css } from 'lit';
import { visuallyHidden } from '../shared/styles.js';

export const styles = [
  visuallyHidden,
  css`
  :host {
    --_accent: var(--bulk-upload-accent-color, #1d4ed8);
    --_accent-text: var(--bulk-upload-accent-text-color, #ffffff);
    --_text: var(--bulk-upload-text-color, #1f2937);
    --_muted: var(--bulk-upload-muted-color, #4b5563);
    --_surface: var(--bulk-upload-surface-color, #ffffff);
    --_border: var(--bulk-upload-border-color, #6b7280);
    --_error: var(--bulk-upload-error-color, #b91c1c);
    --_success: var(--bulk-upload-success-color, #166534);
    --_radius: var(--bulk-upload-radius, 8px);
    --_font: var(--bulk-upload-font-family, system-ui, sans-serif);
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--bulk-upload-accent-color, #93c5fd);
      --_accent-text: var(--bulk-upload-accent-text-color, #0b1220);
      --_text: var(--bulk-upload-text-color, #e5e7eb);
      --_muted: var(--bulk-upload-muted-color, #9ca3af);
      --_surface: var(--bulk-upload-surface-color, #111827);
      --_border: var(--bulk-upload-border-color, #9ca3af);
      --_error: var(--bulk-upload-error-color, #fca5a5);
      --_success: var(--bulk-upload-success-color, #86efac);
    }
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: grid;
    gap: 1rem;
    padding: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  ol {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  [part='dropzone'] {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    padding: 2rem 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
  }
  :host([dragover]) [part='dropzone'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  button,
  .file-button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  .primary,
  .file-button {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button:focus-visible,
  input[type='file']:focus-visible + .file-button {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  input[type='file'] {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .muted {
    color: var(--_muted);
  }
  progress {
    inline-size: 100%;
  }
  .problems {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  select {
    font: inherit;
    min-height: 44px;
    margin-inline-start: 0.25rem;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  select:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='summary'] {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  .file-info {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .error {
    color: var(--_error);
  }
  .success {
    color: var(--_success);
  }
  .notice {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .notice p {
    margin: 0 0 0.5rem;
  }
  [part='next-steps'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms;
    }
  }
`,
];
