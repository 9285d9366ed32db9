/** What the paged lists (Pending, Users, Deactivated) share: scrolling, messages, paging. */
import { css } from 'lit';

export const lists = css`
  :host {
    display: block;
  }
  .search {
    flex: 1 1 12rem;
    max-width: 20rem;
  }
  .search input {
    width: 100%;
  }
  /* The table scrolls inside its box, never the page (the box holds its hidden text too). */
  .scroll {
    overflow-x: auto;
    position: relative;
  }
  /* A table focused once its last row went: its ring inside, where the box cannot clip it, clear of the caption. */
  table:focus-visible {
    outline-offset: -3px;
  }
  table:focus-visible > caption {
    padding-inline-start: 8px;
  }
  /* Addresses wrap after their "@", so every column fits a 1,280 px page; narrower, the box scrolls. */
  tbody th,
  td.email {
    overflow-wrap: break-word;
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
    font-weight: 400;
  }
  /* Dates stay whole; relative times ("expires in 9 days") may wrap. */
  time.date {
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
