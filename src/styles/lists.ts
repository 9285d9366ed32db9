/** What the paged lists (Pending, Users, Deactivated) share: scrolling, messages, paging. */
import { css } from 'lit';

export const lists = css`
  :host {
    display: block;
  }
  .search input {
    min-width: 16rem;
  }
  .scroll {
    overflow-x: auto;
  }
  .scroll[aria-busy='true'] tbody {
    opacity: 0.6;
  }
  tbody th {
    color: var(--_text);
    font-weight: 500;
    font-size: inherit;
  }
  caption .total {
    margin-inline-start: 0.4em;
    font-weight: 400;
  }
  td time {
    white-space: nowrap;
  }
  .message {
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--_muted);
  }
  .message.error {
    color: var(--_danger);
  }
  .pager {
    display: flex;
    gap: var(--_space);
    align-items: center;
    justify-content: flex-end;
    margin-top: var(--_space);
  }
`;
