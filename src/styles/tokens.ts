/**
 * The theme: public custom properties with light defaults (`--mu-color-*`) and dark
 * defaults (`--mu-dark-color-*`, used under `prefers-color-scheme: dark`), so a host can
 * set each scheme on its own; and the shared look of buttons, inputs, tables, dialogs and
 * focus. Defaults give text 4.5:1 and borders and states 3:1 on the surface and subtle
 * backgrounds in both schemes. Hosts restyle through the properties and `::part()`, never
 * by reaching into the shadow roots.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_accent: var(--mu-color-accent, #1f5fbf);
    --_on-accent: var(--mu-color-on-accent, #ffffff);
    --_text: var(--mu-color-text, #1d2433);
    --_muted: var(--mu-color-muted, #5a6478);
    --_surface: var(--mu-color-surface, #ffffff);
    --_subtle: var(--mu-color-subtle, #f3f5f9);
    --_border: var(--mu-color-border, #7d8698);
    --_danger: var(--mu-color-danger, #b3261e);
    --_warning: var(--mu-color-warning, #8a5300);
    --_success: var(--mu-color-success, #1e7b34);
    --_pending: var(--mu-color-pending, #2862c0);
    --_expired: var(--mu-color-expired, #a35800);
    --_active: var(--mu-color-active, #1e7b34);
    --_font: var(--mu-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_radius: var(--mu-radius, 8px);
    --_space: calc(var(--mu-space, 8px) * var(--mu-density, 1));
    --_control: max(24px, calc(36px * var(--mu-density, 1)));
    /* Lines that only separate (rows, cards) need no contrast; fields and states do. */
    --_line: color-mix(in srgb, var(--_border) 45%, var(--_surface));
    color-scheme: light dark;
    font-family: var(--_font);
    color: var(--_text);
    font-size: var(--mu-font-size, 0.9375rem);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--mu-dark-color-accent, #7eb0ff);
      --_on-accent: var(--mu-dark-color-on-accent, #0b1a33);
      --_text: var(--mu-dark-color-text, #e6e9ef);
      --_muted: var(--mu-dark-color-muted, #a9b1c1);
      --_surface: var(--mu-dark-color-surface, #161b24);
      --_subtle: var(--mu-dark-color-subtle, #202735);
      --_border: var(--mu-dark-color-border, #6b7689);
      --_danger: var(--mu-dark-color-danger, #ff8a80);
      --_warning: var(--mu-dark-color-warning, #ffc46b);
      --_success: var(--mu-dark-color-success, #7fd894);
      --_pending: var(--mu-dark-color-pending, #8db8ff);
      --_expired: var(--mu-dark-color-expired, #ffb169);
      --_active: var(--mu-dark-color-active, #7fd894);
    }
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: var(--_control);
    min-width: 24px;
    padding: 0 calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
  }
  button:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_subtle);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button.primary:hover:not(:disabled, [aria-disabled='true']) {
    background: color-mix(in srgb, var(--_accent) 85%, black);
  }
  button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  button.link {
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding: 0 4px;
  }
  /* Busy or not applicable yet: aria-disabled keeps the button focusable, and it looks it. */
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    min-height: var(--_control);
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='checkbox'] {
    width: 20px;
    height: 20px;
    margin: 2px;
    accent-color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .error {
    color: var(--_danger);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    padding: calc(var(--_space) * 3);
    max-width: min(44rem, calc(100vw - 1rem));
    width: 100%;
    box-shadow: 0 20px 50px rgb(0 0 0 / 0.25);
  }
  @media (max-width: 30rem) {
    dialog {
      padding: calc(var(--_space) * 2);
    }
  }
  dialog::backdrop {
    background: rgb(10 15 25 / 0.45);
  }
  dialog .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  dialog h2 {
    margin: 0;
    font-size: 1.375rem;
  }
  button.icon {
    padding: 0;
    width: var(--_control);
    border-color: transparent;
    background: none;
  }
  dialog.confirm {
    max-width: 28rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
    margin-top: calc(var(--_space) * 2);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--_space) 0;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_line);
    vertical-align: middle;
  }
  th {
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .badge.pending {
    color: var(--_pending);
  }
  .badge.expired {
    color: var(--_expired);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-bottom: var(--_space);
  }
  .toolbar label {
    display: grid;
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
