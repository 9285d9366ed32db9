import { css } from 'lit';

export const styles = css`
  .bulk {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-inline-start: auto;
  }
  .count {
    color: var(--_muted);
  }
  .sent-count {
    display: block;
  }
  th.select,
  td.select {
    width: 2.5rem;
  }
  button.sort {
    border: 0;
    background: none;
    padding: 0;
    font-weight: 600;
    color: inherit;
    min-height: 24px;
  }
  .badge.undelivered {
    color: var(--_danger);
  }
  .reason {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  tr[part~='row-expired'] time {
    color: var(--_expired);
  }
`;
