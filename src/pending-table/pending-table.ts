import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PagedList } from '../base/paged-list.ts';
import { listQuery, renderRoleFilter, renderSearch, renderSubgroupFilter } from '../base/filters.ts';
import type { Invitation, InvitationFilter, InvitationSort, Role } from '../../sdk/index.ts';
import { ManageUsersElement } from '../base/element.ts';
import { SectionController } from '../controllers/section-controller.ts';
import { FocusController } from '../controllers/focus-controller.ts';
import { describeError } from '../base/errors.ts';
import { number, relativeTime, shortDate, wrappableEmail } from '../strings/index.ts';
import { tokens } from '../styles/tokens.ts';
import { lists } from '../styles/lists.ts';
import { styles } from './styles.ts';

/** `undelivered`: invitations whose email could not be delivered (`delivery.status` `failed`), valid or expired. */
type StatusFilter = 'all' | 'pending' | 'expired' | 'undelivered';

/** The status filter as the API's query and bulk filter say it. */
const statusQuery = (status: StatusFilter) =>
  status === 'undelivered' ? ({ status: 'all', delivery: 'failed' } as const) : { status };

/**
 * The Pending tab: every outstanding invitation, valid or expired, with its status and
 * expiry, and "Not delivered" with the mail server's reason for an invitation whose email
 * could not be delivered. Select rows to resend or remove them; remove every expired one at once. Rows
 * come a page at a time from the server, so tens of thousands stay fast.
 *
 * @summary Pending invitations: resend, remove, search, sort, filter.
 * @tagname pending-table
 *
 * @fires invitations-resent - Invitations were sent again.
 * @fires invitations-removed - Invitations were removed; `detail.seats` is the new usage.
 * @fires seats-changed - Seat usage changed.
 * @fires invitations-remove-request - Cancelable, before invitations are removed.
 * @fires manage-users-error - An operation failed; `detail.message` is what was shown.
 *
 * @csspart toolbar - Search, filters and bulk actions.
 * @csspart search-input - The search field.
 * @csspart send-count - "Sent 3 times" next to Last sent, for an invitation sent more than once.
 * @csspart filter - Each filter select.
 * @csspart table - The table.
 * @csspart header-cell - A column header.
 * @csspart row - A row.
 * @csspart cell - A cell.
 * @csspart checkbox - A selection checkbox.
 * @csspart select-matching-button - "Select all 127 matching", once every row of the page is selected.
 * @csspart clear-selection-button - Clears a selection of every matching invitation.
 * @csspart status - A status badge (also `status-pending` / `status-expired` / `status-undelivered`).
 * @csspart delivery-error - Why an invitation's email was not delivered, under its badge.
 * @csspart button - Every button.
 * @csspart resend-button - Resend buttons.
 * @csspart remove-button - Remove buttons.
 * @csspart pager - Paging controls.
 * @csspart message - Empty, loading and error messages.
 * @csspart confirm-dialog - The confirmation dialog.
 *
 * @cssprop --mu-color-accent - Buttons, links, focus ring (light scheme; `--mu-dark-color-accent` in dark).
 * @cssprop --mu-color-pending - The Pending badge (light; `--mu-dark-color-pending` in dark).
 * @cssprop --mu-color-expired - The Expired badge (light; `--mu-dark-color-expired` in dark).
 */
export class PendingTable extends ManageUsersElement {
  /** @internal */
  static override styles = [tokens, lists, styles];

  /** Which invitations to show. */
  @property({ reflect: true }) accessor status: StatusFilter = 'all';
  /** Rows a page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;

  /** @internal */
  @state() accessor query = '';
  /** @internal */
  @state() accessor roleFilter: Role | '' = '';
  /** @internal */
  @state() accessor subgroupId = '';
  /** @internal */
  @state() accessor sort: InvitationSort = '-createdAt';
  /** @internal */
  @state() accessor selected = new Set<string>();
  /** @internal Every invitation the filters match is selected, not only the rows shown. */
  @state() accessor matching = false;

  readonly #section: SectionController = new SectionController(this);
  readonly #focus = new FocusController(this);

  #list = new PagedList(this, this.#section, {
    kind: () => 'invitations',
    query: () => ({
      status: this.status,
      sort: this.sort,
      q: this.query,
      role: this.roleFilter,
      subgroupId: this.subgroupId,
      pageSize: this.pageSize,
    }),
    fetch: (api, { status, sort, q, role, subgroupId, pageSize }, cursor, signal) =>
      api.client.invitations.list(
        api.groupId,
        { ...statusQuery(status), sort, ...listQuery({ pageSize, query: q, role, subgroupId, cursor }) },
        { signal },
      ),
    onPage: (page) => {
      const visible = new Set(page.items.map((item) => item.id));
      this.selected = new Set([...this.selected].filter((id) => visible.has(id)));
      this.matching = false;
    },
    onFiltered: (page) =>
      this.#section.announcer.announce(
        page.total ? this.#section.t.resultsCount(page.total) : this.#section.t.noInvitationsMatch,
      ),
  });

  /** Loads the current page again. */
  async refresh() {
    await this.#list.refresh();
  }

  get #items(): Invitation[] {
    return this.#list.items;
  }

  /**
   * What the filters on screen match, as a bulk action's filter. Every filter the list query
   * applies must be here too, or "Select all N matching" would act on rows the admin does not see.
   */
  get #filter(): InvitationFilter {
    const { status, roleFilter, subgroupId, query } = this;
    return {
      ...statusQuery(status),
      role: roleFilter || undefined,
      subgroup: subgroupId || undefined,
      q: query || undefined,
    };
  }

  get #total(): number {
    return this.#list.page?.total ?? 0;
  }

  #toggle(id: string, checked: boolean) {
    this.matching = false;
    const next = new Set(this.selected);
    if (checked) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  #toggleAll(checked: boolean) {
    this.matching = false;
    this.selected = checked ? new Set(this.#items.map((item) => item.id)) : new Set();
  }

  async #resend(ids: string[]) {
    const targets = this.#items.filter((item) => ids.includes(item.id));
    if (targets.length) await this.#section.actions.resend(targets);
  }

  #selectMatching(matching: boolean) {
    this.matching = matching;
    this.selected = matching ? new Set(this.#items.map((item) => item.id)) : new Set();
    const next = matching ? 'clear-selection-button' : 'select-all';
    this.#focus.moveTo(() => this.renderRoot.querySelector<HTMLElement>(`[part~="${next}"]`));
  }

  async #resendSelection(ids: string[]) {
    if (!this.matching) return this.#resend(ids);
    if (await this.#section.actions.resendMatching(this.#filter, this.#total)) this.#selectMatching(false);
  }

  async #remove(ids: string[]) {
    const { actions, t } = this.#section;
    const total = this.#total;
    const first = this.#items.findIndex((item) => this.matching || this.selected.has(item.id));
    const removed = this.matching
      ? await actions.removeMatching(this.#filter, total, t.confirmRemove(total))
      : await actions.remove(ids, t.confirmRemove(ids.length));
    if (!removed) return;
    this.selected = new Set();
    this.matching = false;
    // On the first removed row's checkbox: once the list has loaded again, the row that took its place.
    this.#focus.moveTo(() => this.renderRoot.querySelectorAll('tbody tr')[first]?.querySelector('input'));
  }

  async #removeAllExpired() {
    if (this.#section.seats?.expired === 0) return;
    await this.#section.actions.removeExpired((count) => this.#section.t.confirmRemoveExpired(count));
  }

  #sortBy(column: 'email' | 'expiresAt' | 'lastSentAt') {
    this.sort = this.sort === column ? `-${column}` : column;
  }

  protected override render() {
    if (!this.#section.ready) return nothing;
    const t = this.#section.t;
    const items = this.#items;
    const allChecked = items.length > 0 && items.every((item) => this.selected.has(item.id));
    const someChecked = !allChecked && items.some((item) => this.selected.has(item.id));
    return html`
      <div class="toolbar" part="toolbar">
        ${renderSearch(t.search, t.searchEmail, (text) => (this.query = text))} ${this.renderFilters()}
        ${this.renderBulk(allChecked)}
      </div>
      ${this.#section.renderFeedback()}
      <div class="scroll" aria-busy=${this.#list.loading ? 'true' : 'false'}>
        <table part="table" tabindex="-1" data-focus-list>
          <caption>
            ${t.pendingCaption}${this.#list.page ? html` <span class="hint total">(${number(this.#section.locale, this.#list.page.total)})</span>` : nothing}
          </caption>
          <thead>
            <tr>
              <th scope="col" part="header-cell" class="select">
                <input
                  type="checkbox"
                  part="checkbox select-all"
                  aria-label=${t.selectAll}
                  .checked=${live(allChecked)}
                  .indeterminate=${someChecked}
                  ?disabled=${!items.length}
                  @change=${(e: Event) => this.#toggleAll((e.target as HTMLInputElement).checked)}
                />
              </th>
              ${this.renderSortHeader('email', t.colEmail)}
              <th scope="col" part="header-cell">${t.colType}</th>
              <th scope="col" part="header-cell">${t.colSubgroup}</th>
              <th scope="col" part="header-cell">${t.colStatus}</th>
              ${this.renderSortHeader('expiresAt', t.colExpiry)}
              <th scope="col" part="header-cell">${t.colInvitedBy}</th>
              ${this.renderSortHeader('lastSentAt', t.colLastSent)}
              <th scope="col" part="header-cell"><span class="visually-hidden">${t.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${items.map((item) => this.renderRow(item))}
          </tbody>
        </table>
      </div>
      ${this.#list.renderMessage(t, (error) => describeError(t, error), t.noPending, Boolean(this.query || this.roleFilter || this.subgroupId || this.status !== 'all'))}
      ${this.#list.renderPager(t, this.#section.locale, t.pendingCaption, this.pageSize)}
      ${this.#section.renderSupport()}
    `;
  }

  /** The selection and what to do with it: Resend, Remove; and Remove all expired. */
  protected renderBulk(allChecked: boolean) {
    const t = this.#section.t;
    const selection = [...this.selected];
    const chosen = this.matching || selection.length > 0;
    const busy = this.#section.busy ? 'true' : 'false';
    return html`<div class="bulk">
      ${this.renderSelection(selection.length, allChecked)}
      <button
        part="button resend-button"
        aria-disabled=${chosen ? busy : 'true'}
        @click=${() => chosen && this.#resendSelection(selection)}
      >
        ${t.resendSelected}
      </button>
      <button
        class="danger"
        part="button remove-button"
        aria-disabled=${chosen ? busy : 'true'}
        @click=${() => chosen && this.#remove(selection)}
      >
        ${t.remove}
      </button>
      <button
        part="button remove-expired-button"
        aria-disabled=${this.#section.seats?.expired === 0 ? 'true' : busy}
        @click=${this.#removeAllExpired}
      >
        ${t.removeAllExpired}
      </button>
    </div>`;
  }

  /** "3 selected", and once the whole page is, "Select all 127 matching" (then "Clear selection"). */
  protected renderSelection(selected: number, allChecked: boolean) {
    const t = this.#section.t;
    const total = this.#total;
    if (this.matching)
      return html`<span class="count">${t.allMatchingSelected(total)}</span>
        <button class="link" part="button clear-selection-button" @click=${() => this.#selectMatching(false)}>
          ${t.clearSelection}
        </button>`;
    return html`${selected ? html`<span class="count">${t.selected(selected)}</span>` : nothing}
    ${
      allChecked && total > selected
        ? html`<button class="link" part="button select-matching-button" @click=${() => this.#selectMatching(true)}>
            ${t.selectAllMatching(total)}
          </button>`
        : nothing
    }`;
  }

  protected renderFilters() {
    const t = this.#section.t;
    return html`
      <label
        >${t.filterStatus}
        <select
          part="filter status-filter"
          .value=${live(this.status)}
          @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as StatusFilter)}
        >
          <option value="all">${t.all}</option>
          <option value="pending">${t.statusPending}</option>
          <option value="expired">${t.statusExpired}</option>
          <option value="undelivered">${t.statusUndelivered}</option>
        </select>
      </label>
      ${renderRoleFilter(t, this.roleFilter, (role) => (this.roleFilter = role))}
      ${renderSubgroupFilter(t, this.#section.subgroups, this.subgroupId, (id) => (this.subgroupId = id))}
    `;
  }

  /** "Not delivered" and the reason, for an invitation whose email failed for good. */
  protected renderDelivery({ delivery }: Invitation) {
    if (delivery.status !== 'failed') return nothing;
    return html` <span class="badge undelivered" part="status status-undelivered"
        >${this.#section.t.statusUndelivered}</span
      ><span class="reason" part="delivery-error">${delivery.error}</span>`;
  }

  protected renderSortHeader(column: 'email' | 'expiresAt' | 'lastSentAt', label: string) {
    const direction = this.sort === column ? 'ascending' : this.sort === `-${column}` ? 'descending' : 'none';
    return html`<th scope="col" part="header-cell" aria-sort=${direction}>
      <button class="sort" part="button sort-button" @click=${() => this.#sortBy(column)}>
        ${label}<span aria-hidden="true"
          >${direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}</span
        >
      </button>
    </th>`;
  }

  protected renderRow(item: Invitation) {
    const t = this.#section.t;
    const locale = this.#section.locale;
    const expired = item.status === 'expired';
    const relative = relativeTime(locale, item.expiresAt, this.#section.store.now());
    return html`<tr part="row ${expired ? 'row-expired' : 'row-pending'}">
      <td part="cell" class="select">
        <input
          type="checkbox"
          part="checkbox"
          aria-label=${t.selectRow(item.email)}
          .checked=${live(this.selected.has(item.id))}
          @change=${(e: Event) => this.#toggle(item.id, (e.target as HTMLInputElement).checked)}
        />
      </td>
      <th scope="row" part="cell email-cell">${wrappableEmail(item.email)}</th>
      <td part="cell">${item.role === 'admin' ? t.admin : t.learner}</td>
      <td part="cell">${item.subgroup?.name ?? t.none}</td>
      <td part="cell">
        <span class="badge ${item.status}" part="status status-${item.status}"
          >${expired ? t.statusExpired : t.statusPending}</span
        >${this.renderDelivery(item)}
      </td>
      <td part="cell">
        <time datetime=${item.expiresAt} title=${shortDate(locale, item.expiresAt)}
          >${expired ? t.expiredAgo(relative) : t.expiresIn(relative)}</time
        >
      </td>
      <td part="cell" class="email">${wrappableEmail(item.invitedBy.email)}</td>
      <td part="cell">
        <time class="date" datetime=${item.lastSentAt}>${shortDate(locale, item.lastSentAt)}</time>${
          item.sendCount > 1
            ? html`<span class="count sent-count" part="send-count">${t.sentTimes(item.sendCount)}</span>`
            : nothing
        }
      </td>
      <td part="cell">
        <button
          class="link"
          part="button resend-button"
          aria-disabled=${this.#section.busy ? 'true' : 'false'}
          aria-label=${t.resendPerson(item.email)}
          @click=${() => this.#resend([item.id])}
        >
          ${t.resend}
        </button>
      </td>
    </tr>`;
  }
}
