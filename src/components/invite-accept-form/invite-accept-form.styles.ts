import { css, unsafeCSS } from 'lit';
import { visuallyHidden } from '../shared/styles.js';

// Native controls follow the colour scheme. Written through unsafeCSS only because lit-analyzer's CSS
// data predates the `color-scheme` property.
const colorScheme = unsafeCSS(':host{color-scheme:light}@media (prefers-color-scheme:dark){:host{color-scheme:dark}}');

export const styles = [
  visuallyHidden,
  colorScheme,
  css`
  :host {
    --_accent: var(--invite-accept-form-accent-color, #1d4ed8);
    --_accent-text: var(--invite-accept-form-accent-text-color, #ffffff);
    --_text: var(--invite-accept-form-text-color, #1f2937);
    --_muted: var(--invite-accept-form-muted-color, #4b5563);
    --_surface: var(--invite-accept-form-surface-color, #ffffff);
    --_border: var(--invite-accept-form-border-color, #6b7280);
    --_error: var(--invite-accept-form-error-color, #b91c1c);
    --_success: var(--invite-accept-form-success-color, #15803d);
    --_radius: var(--invite-accept-form-radius, 8px);
    --_target: var(--invite-accept-form-touch-target, 44px);
    display: block;
    box-sizing: border-box;
    max-inline-size: var(--invite-accept-form-max-width, 28rem);
    min-inline-size: 0;
    font-family: var(--invite-accept-form-font-family, system-ui, sans-serif);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--invite-accept-form-accent-color, #93c5fd);
      --_accent-text: var(--invite-accept-form-accent-text-color, #0b1220);
      --_text: var(--invite-accept-form-text-color, #e5e7eb);
      --_muted: var(--invite-accept-form-muted-color, #9ca3af);
      --_surface: var(--invite-accept-form-surface-color, #111827);
      --_border: var(--invite-accept-form-border-color, #9ca3af);
      --_error: var(--invite-accept-form-error-color, #fca5a5);
      --_success: var(--invite-accept-form-success-color, #86efac);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part='base'],
  form {
    display: grid;
    gap: 1rem;
    min-inline-size: 0;
  }
  [part='base'] {
    padding: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  [part~='field'] {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  label {
    font-weight: 600;
  }
  input {
    /* 16px or more: phones do not zoom into the field when the on-screen keyboard opens. */
    font: inherit;
    font-size: max(1rem, 16px);
    min-block-size: var(--_target);
    inline-size: 100%;
    min-inline-size: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--invite-accept-form-input-background-color, var(--_surface));
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  [part~='hint'],
  [part~='feedback'] {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  [part~='feedback'].ok {
    color: var(--_success);
  }
  [part~='feedback']:empty,
  [part~='error']:empty {
    display: none;
  }
  [part~='error'] {
    color: var(--_error);
    font-weight: 600;
  }
  [part~='login-id'] {
    font-weight: 600;
    unicode-bidi: isolate;
  }
  button,
  a.button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    max-inline-size: 100%;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
    text-align: center;
    text-decoration: none;
    touch-action: manipulation;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
    justify-self: start;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  button:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .spinner {
    display: inline-block;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 3px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }
`,
];
