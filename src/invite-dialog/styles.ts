import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  button.icon.small {
    width: 24px;
    min-height: 24px;
    font-size: 0.75rem;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  .adders {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  /* Beside the boxes, the adders stay in view; above them (narrow or zoomed), they scroll away. */
  @media (width > 40rem) {
    .layout {
      grid-template-columns: auto 1fr;
    }
    .adders {
      flex-direction: column;
      position: sticky;
      top: 0;
    }
  }
  .boxes {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .box {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    display: grid;
    gap: calc(var(--_space) * 0.5);
    background: var(--_surface);
  }
  .box label {
    font-weight: 600;
    margin-top: var(--_space);
  }
  .box-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  fieldset.roles {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 4px;
  }
  fieldset.roles legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 4px;
  }
  label.role {
    display: flex !important;
    gap: var(--_space);
    align-items: start;
    font-weight: 400 !important;
    margin: 0 !important;
  }
  label.role input {
    width: 20px;
    height: 20px;
    margin: 2px 0 0;
    accent-color: var(--_accent);
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px;
    background: var(--_surface);
  }
  .field:focus-within {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  .field input {
    flex: 1 1 12rem;
    border: 0;
    outline: none;
    min-height: 28px;
  }
  .chips {
    display: contents;
    list-style: none;
  }
  .chip span,
  [part='results'] td {
    overflow-wrap: anywhere;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 4px 0 10px;
    border-radius: 999px;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    max-width: 100%;
  }
  .chip.invalid {
    border-color: var(--_danger);
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }
  .chip.duplicate {
    border-style: dashed;
    color: var(--_warning);
  }
  .chip.known {
    border-style: dotted;
  }
  .chip .note {
    font-size: 0.75rem;
  }
  .csv {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-top: calc(var(--_space) * 2);
  }
  /* The hidden file input stays inside its label, so focusing it scrolls the label into view. */
  .file {
    position: relative;
  }
  .file span {
    display: inline-flex;
    align-items: center;
    min-height: var(--_control);
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .file:focus-within span {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .draft {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
  }
  caption {
    text-align: start;
  }
  .csv-preview {
    flex-basis: 100%;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .footer {
    margin-top: calc(var(--_space) * 2);
    border-top: 1px solid var(--_line);
  }
  /*
   * When the window is large enough, the seat preview and the buttons stay in view: the
   * form scrolls in its own box above them, so nothing it holds is ever covered. Smaller
   * (narrow, short or zoomed), the whole dialog scrolls as one and nothing is sticky.
   */
  @media (min-width: 30rem) and (min-height: 36rem) {
    dialog.main[open] {
      display: flex;
      flex-direction: column;
    }
    .body {
      overflow-y: auto;
      min-height: 6rem;
      /* Room for focus rings at the box's edges. */
      margin-inline: -6px;
      padding: 0 6px 6px;
      scroll-padding-block: var(--_space);
    }
  }
  .preview {
    margin-top: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .preview p {
    margin: 4px 0;
  }
  .preview.short {
    background: color-mix(in srgb, var(--_warning) 12%, var(--_surface));
    border: 1px solid var(--_warning);
  }
  .actions.start {
    justify-content: flex-start;
    margin-top: var(--_space);
  }
  .badge.invited {
    color: var(--_success);
  }
  .badge.already_invited,
  .badge.already_member,
  .badge.duplicate {
    color: var(--_muted);
  }
  .badge.invalid_email {
    color: var(--_danger);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: 6px;
    vertical-align: -2px;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
