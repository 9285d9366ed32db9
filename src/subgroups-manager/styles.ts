import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  form.add {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 4px var(--_space);
    margin: calc(var(--_space) * 2) 0;
  }
  form.add label {
    grid-column: 1 / -1;
    font-weight: 600;
  }
  /* Fields shrink to the dialog at 320 px instead of pushing their buttons out of it. */
  form input {
    min-width: 0;
  }
  .list {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .list li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    align-items: center;
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_line);
  }
  .row-actions,
  form.rename {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
