import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--invite-accept-form-accent-color, #1d4ed8);
    --_accent-text: var(--invite-accept-form-accent-text-color, #ffffff);
    --_text: var(--invite-accept-form-text-color, #1f2937);
    --_surface: var(--invite-accept-form-surface-color, #ffffff);
    --_border: var(--invite-accept-form-border-color, #6b7280);
    --_error: var(--invite-accept-form-error-color, #b91c1c);
    --_radius: var(--invite-accept-form-radius, 8px);
    display: block;
    max-inline-size: 28rem;
    font-family: var(--invite-accept-form-font-family, system-ui, sans-serif);
    color: var(--_text);
    background: var(--_surface);
  }
  :host([hidden]) {
    display: none;
  }
  form,
  [part='base'] {
    display: grid;
    gap: 1rem;
    padding: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-sizing: border-box;
    inline-size: 100%;
  }
  button,
  a.button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
    text-align: center;
    text-decoration: none;
  }
  button:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='error'] {
    color: var(--_error);
    margin: 0;
  }
`;
