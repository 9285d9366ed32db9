import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ActivityType, type ActivityEvent } from '../../sdk/index.ts';
import { ManageUsersElement } from '../base/element.ts';
import { describeError } from '../base/errors.ts';
import { listQuery } from '../base/filters.ts';
import { PagedList } from '../base/paged-list.ts';
import { SectionController } from '../controllers/section-controller.ts';
import { wrappableEmail } from '../strings/index.ts';
import { activityMessages, dateTime, type ActivityMessages } from '../strings/activity.ts';
import { tokens } from '../styles/tokens.ts';
import { lists } from '../styles/lists.ts';

/**
 * The Activity tab: every change of the group, newest first, with who made it, what it was
 * and when, in the admin's language; a filter by type of change, and paging. `<manage-users>`
 * loads it (a chunk of its own) when an Admin first opens the tab.
 *
 * @summary The group's activity log.
 * @tagname activity-log
 *
 * @fires manage-users-error - Loading failed; `detail.message` is what was shown.
 *
 * @csspart toolbar - The filter.
 * @csspart filter - The type-of-change select.
 * @csspart table - The table.
 * @csspart header-cell - A column heading.
 * @csspart row - A row (one change).
 * @csspart cell - A cell.
 * @csspart button - Every button.
 * @csspart pager - Paging controls.
 * @csspart message - Empty, loading and error messages.
 */
export class ActivityLog extends ManageUsersElement {
  /** @internal */
  static override styles = [tokens, lists];

  /** Rows a page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;

  /** @internal */
  @state() accessor type: ActivityType | '' = '';

  // Used alone it loads nothing up front: the list is all it shows.
  readonly #section: SectionController = new SectionController(this, {
    load: () => Promise.resolve(undefined),
  });

  #list = new PagedList(this, this.#section, {
    kind: () => 'activity',
    query: () => ({ type: this.type, pageSize: this.pageSize }),
    fetch: (api, { type, pageSize }, cursor, signal) =>
      api.client.activity.list(
        api.groupId,
        { ...(type ? { type } : {}), ...listQuery({ pageSize, query: '', role: '', subgroupId: '', cursor }) },
        { signal },
      ),
    onFiltered: (page) => this.#section.announcer.announce(this.#section.t.resultsCount(page.total)),
  });

  /** Loads the current page again. */
  async refresh() {
    await this.#list.refresh();
  }

  protected override render() {
    const t = this.#section.t;
    const a = activityMessages(this.#section.locale);
    const locale = this.#section.locale;
    return html`
      <div class="toolbar" part="toolbar">${this.renderFilter(a)}</div>
      <div class="scroll" aria-busy=${this.#list.loading ? 'true' : 'false'}>
        <table part="table">
          ${this.#list.renderCaption(a.caption, locale)}
          <thead>
            <tr>
              ${[a.colWhen, a.colWho, a.colWhat].map((name) => html`<th scope="col" part="header-cell">${name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this.#list.items.map((event) => this.renderRow(a, event))}
          </tbody>
        </table>
      </div>
      ${this.#list.renderMessage(t, (error) => describeError(t, error), a.empty, Boolean(this.type))}
      ${this.#list.renderPager(t, locale, a.caption, this.pageSize)} ${this.#section.renderSupport()}
    `;
  }

  protected renderFilter(a: ActivityMessages) {
    const onChange = (event: Event) => (this.type = (event.target as HTMLSelectElement).value as ActivityType | '');
    return html`<label
      >${a.filterType}
      <select part="filter type-filter" .value=${live(this.type)} @change=${onChange}>
        <option value="">${a.allChanges}</option>
        ${ActivityType.options.map((type) => html`<option value=${type}>${a.types[type]}</option>`)}
      </select>
    </label>`;
  }

  protected renderRow(a: ActivityMessages, event: ActivityEvent) {
    const actor = event.actor;
    return html`<tr part="row">
      <td part="cell">
        <time class="date" datetime=${event.occurredAt}>${dateTime(this.#section.locale, event.occurredAt)}</time>
      </td>
      <td part="cell" class="email">
        ${actor.type === 'member' ? html`${actor.name}<br /><span class="hint">${wrappableEmail(actor.email)}</span>` : a.system}
      </td>
      <td part="cell">${a.what[event.type](event)}</td>
    </tr>`;
  }
}
