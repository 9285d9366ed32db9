import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Member, MemberStatus, Role } from '../../sdk/index.ts';
import { ManageUsersElement } from '../base/element.ts';
import { SectionController } from '../controllers/section-controller.ts';
import { FocusController } from '../controllers/focus-controller.ts';
import { describeError } from '../base/errors.ts';
import { PagedList } from '../base/paged-list.ts';
import { listQuery, renderRoleFilter, renderSearch, renderSubgroupFilter } from '../base/filters.ts';
import { number, shortDate, wrappableEmail } from '../strings/index.ts';
import { tokens } from '../styles/tokens.ts';
import { lists } from '../styles/lists.ts';

/**
 * The Users tab (active members) or the Deactivated tab: search, filter by type and
 * subgroup, deactivate after a confirmation, reactivate when a seat is free.
 *
 * @summary Members of the group, active or deactivated.
 * @tagname members-panel
 *
 * @fires members-changed - A member was deactivated or reactivated.
 * @fires seats-changed - Seat usage changed.
 * @fires member-deactivate-request - Cancelable, before a member is deactivated.
 * @fires manage-users-error - An operation failed; `detail.message` is what was shown.
 *
 * @csspart toolbar - Search and filters.
 * @csspart search-input - The search field.
 * @csspart filter - Each filter select.
 * @csspart table - The table.
 * @csspart row - A row.
 * @csspart cell - A cell.
 * @csspart button - Every button.
 * @csspart deactivate-button - Deactivate buttons.
 * @csspart reactivate-button - Reactivate buttons.
 * @csspart pager - Paging controls.
 * @csspart message - Empty, loading and error messages.
 * @csspart confirm-dialog - The confirmation dialog.
 */
export class MembersPanel extends ManageUsersElement {
  /** @internal */
  static override styles = [tokens, lists];

  /** Which members to show. */
  @property({ reflect: true }) accessor status: MemberStatus = 'active';
  /** Rows a page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;
  /** The signed-in member, who cannot deactivate themselves. */
  @property({ attribute: 'current-member-id' }) accessor currentMemberId = '';

  /** @internal */
  @state() accessor query = '';
  /** @internal */
  @state() accessor roleFilter: Role | '' = '';
  /** @internal */
  @state() accessor subgroupId = '';
  readonly #section: SectionController = new SectionController(this);

  constructor() {
    super();
    // A row that went away (deactivated, reactivated) leaves focus on the next row, the previous one, or the table.
    new FocusController(this);
  }

  #list = new PagedList(this, this.#section, {
    kind: () => this.status,
    query: () => ({
      status: this.status,
      q: this.query,
      role: this.roleFilter,
      subgroupId: this.subgroupId,
      pageSize: this.pageSize,
    }),
    fetch: (api, { status, q, role, subgroupId, pageSize }, cursor, signal) =>
      api.client.members.list(
        api.groupId,
        { status, sort: 'name', ...listQuery({ pageSize, query: q, role, subgroupId, cursor }) },
        { signal },
      ),
    onFiltered: (page) =>
      this.#section.announcer.announce(
        page.total ? this.#section.t.resultsCount(page.total) : this.#section.t.noUsersMatch,
      ),
  });

  /** Loads the current page again. */
  async refresh() {
    await this.#list.refresh();
  }

  async #change(member: Member, to: MemberStatus) {
    const actions = this.#section.actions;
    await (to === 'deactivated' ? actions.deactivate(member) : actions.reactivate(member));
  }

  protected renderRow(m: Member, active: boolean) {
    const t = this.#section.t;
    const locale = this.#section.locale;
    return html`<tr part="row">
      <th scope="row" part="cell name-cell">
        ${m.name} ${m.id === this.currentMemberId ? html`<span class="hint">${t.you}</span>` : nothing}
      </th>
      <td part="cell" class="email">${wrappableEmail(m.email)}</td>
      <td part="cell">${m.role === 'admin' ? t.admin : t.learner}</td>
      <td part="cell">${m.subgroup?.name ?? t.none}</td>
      <td part="cell"><time class="date" datetime=${m.joinedAt}>${shortDate(locale, m.joinedAt)}</time></td>
      <td part="cell">
        ${
          m.id === this.currentMemberId
            ? nothing
            : active
              ? html`<button
                  part="button deactivate-button"
                  aria-disabled=${this.#section.busy ? 'true' : 'false'}
                  aria-label=${t.deactivatePerson(m.name)}
                  @click=${() => this.#change(m, 'deactivated')}
                >
                  ${t.deactivate}
                </button>`
              : html`<button
                  part="button reactivate-button"
                  aria-disabled=${this.#section.busy ? 'true' : 'false'}
                  aria-label=${t.reactivatePerson(m.name)}
                  @click=${() => this.#change(m, 'active')}
                >
                  ${t.reactivate}
                </button>`
        }
      </td>
    </tr>`;
  }

  protected override render() {
    if (!this.#section.ready) return nothing;
    const t = this.#section.t;
    const locale = this.#section.locale;
    const active = this.status === 'active';
    const caption = active ? t.usersCaption : t.deactivatedCaption;
    const page = this.#list.page;
    return html`
      <div class="toolbar" part="toolbar">
        ${renderSearch(t.search, t.searchUsers, (text) => (this.query = text))}
        ${renderRoleFilter(t, this.roleFilter, (role) => (this.roleFilter = role))}
        ${renderSubgroupFilter(t, this.#section.subgroups, this.subgroupId, (id) => (this.subgroupId = id))}
      </div>
      ${this.#section.renderFeedback()}
      <div class="scroll" aria-busy=${this.#list.loading ? 'true' : 'false'}>
        <table part="table" tabindex="-1" data-focus-list>
          <caption>
            ${caption}${page ? html` <span class="hint total">(${number(locale, page.total)})</span>` : nothing}
          </caption>
          <thead>
            <tr>
              <th scope="col" part="header-cell">${t.colName}</th>
              <th scope="col" part="header-cell">${t.colEmail}</th>
              <th scope="col" part="header-cell">${t.colType}</th>
              <th scope="col" part="header-cell">${t.colSubgroup}</th>
              <th scope="col" part="header-cell">${t.colJoined}</th>
              <th scope="col" part="header-cell"><span class="visually-hidden">${t.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.#list.items.map((m) => this.renderRow(m, active))}
          </tbody>
        </table>
      </div>
      ${this.#list.renderMessage(t, (error) => describeError(t, error), t.noUsers, Boolean(this.query || this.roleFilter || this.subgroupId))}
      ${this.#list.renderPager(t, locale, caption, this.pageSize)} ${this.#section.renderSupport()}
    `;
  }
}
