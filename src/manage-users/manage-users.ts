import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import type { Group, Me } from '../../sdk/index.ts';
import { ManageUsersElement } from '../base/element.ts';
import { describeError, isAbort } from '../base/errors.ts';
import { SectionController } from '../controllers/section-controller.ts';
import type { Api, ListKind, SectionStore } from '../state/section-store.ts';
import { loadGroupState } from '../state/loads.ts';
import type { InviteDialog } from '../invite-dialog/invite-dialog.ts';
import type { PendingTable } from '../pending-table/pending-table.ts';
import type { SubgroupsManager } from '../subgroups-manager/subgroups-manager.ts';
import { number } from '../strings/index.ts';
import { tokens } from '../styles/tokens.ts';
import { styles } from './styles.ts';

type Tab = 'users' | 'pending' | 'deactivated' | 'activity';
const TABS: Tab[] = ['users', 'pending', 'deactivated', 'activity'];
/** The list each tab shows. */
const LIST_OF: Record<Tab, ListKind> = {
  users: 'active',
  pending: 'invitations',
  deactivated: 'deactivated',
  activity: 'activity',
};

/** Parts of the inner elements that the section forwards to the page. */
const FORWARDED_PARTS = [
  'toolbar',
  'search-input',
  'filter',
  'table',
  'header-cell',
  'row',
  'cell',
  'checkbox',
  'status',
  'status-pending',
  'status-expired',
  'button',
  'resend-button',
  'remove-button',
  'deactivate-button',
  'reactivate-button',
  'pager',
  'message',
  'confirm-dialog',
  'dialog',
  'box',
  'role-input',
  'email-input',
  'chip',
  'chip-valid',
  'chip-invalid',
  'chip-duplicate',
  'chip-known',
  'subgroup-input',
  'add-learners-button',
  'add-admins-button',
  'remove-box-button',
  'csv-input',
  'seat-preview',
  'submit-button',
  'results',
  'error',
  'name-input',
].join(', ');

/**
 * The Manage Users section: seat meter, **Invite New Users**, and the tabs **Users**,
 * **Pending**, **Deactivated** and **Activity** (the group's activity log). Give it `base-url` and `group-id` (and a token provider
 * in `.getToken`), or a ready `.client`. It shares the client with the elements inside it.
 * A Learner sees their own status only.
 *
 * @summary The whole Manage Users section, embeddable.
 * @tagname manage-users
 *
 * @fires seats-changed - Seat usage changed.
 * @fires invitations-sent - Invitations were sent (from the invite dialog).
 * @fires invitations-resent - Invitations were sent again.
 * @fires invitations-removed - Invitations were removed.
 * @fires members-changed - A member was deactivated or reactivated.
 * @fires subgroups-changed - Subgroups changed.
 * @fires invitations-remove-request - Cancelable, before invitations are removed.
 * @fires member-deactivate-request - Cancelable, before a member is deactivated.
 * @fires subgroup-remove-request - Cancelable, before a subgroup is removed.
 * @fires manage-users-error - An operation failed; `detail.message` is what was shown.
 *
 * @slot heading - Replaces the "Manage Users" heading.
 *
 * @csspart header - The heading row with the buttons.
 * @csspart invite-button - Invite New Users.
 * @csspart subgroups-button - Opens the subgroups manager.
 * @csspart meter - The seat meter.
 * @csspart meter-bar - Its bar (segments: `meter-active`, `meter-pending`, `meter-expired`).
 * @csspart meter-legend - Its numbers.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab (the selected one also `tab-selected`).
 * @csspart panel - A tab panel.
 * @csspart learner-view - What a Learner sees.
 *
 * Colours come in two sets a host can set apart: `--mu-color-*` for the light scheme and
 * `--mu-dark-color-*` (same names) for `prefers-color-scheme: dark`.
 *
 * @cssprop --mu-color-accent - Light scheme: buttons, links, focus ring, selected tab.
 * @cssprop --mu-color-on-accent - Light scheme: text on the accent colour.
 * @cssprop --mu-color-text - Light scheme: text.
 * @cssprop --mu-color-muted - Light scheme: secondary text.
 * @cssprop --mu-color-surface - Light scheme: background.
 * @cssprop --mu-color-subtle - Light scheme: quiet backgrounds.
 * @cssprop --mu-color-border - Light scheme: borders.
 * @cssprop --mu-color-danger - Light scheme: errors and destructive actions.
 * @cssprop --mu-color-warning - Light scheme: warnings.
 * @cssprop --mu-color-success - Light scheme: success.
 * @cssprop --mu-color-active - Light scheme: active seats in the meter.
 * @cssprop --mu-color-pending - Light scheme: pending invitations.
 * @cssprop --mu-color-expired - Light scheme: expired invitations.
 * @cssprop --mu-dark-color-accent - Dark scheme: buttons, links, focus ring, selected tab.
 * @cssprop --mu-dark-color-on-accent - Dark scheme: text on the accent colour.
 * @cssprop --mu-dark-color-text - Dark scheme: text.
 * @cssprop --mu-dark-color-muted - Dark scheme: secondary text.
 * @cssprop --mu-dark-color-surface - Dark scheme: background.
 * @cssprop --mu-dark-color-subtle - Dark scheme: quiet backgrounds.
 * @cssprop --mu-dark-color-border - Dark scheme: borders.
 * @cssprop --mu-dark-color-danger - Dark scheme: errors and destructive actions.
 * @cssprop --mu-dark-color-warning - Dark scheme: warnings.
 * @cssprop --mu-dark-color-success - Dark scheme: success.
 * @cssprop --mu-dark-color-active - Dark scheme: active seats in the meter.
 * @cssprop --mu-dark-color-pending - Dark scheme: pending invitations.
 * @cssprop --mu-dark-color-expired - Dark scheme: expired invitations.
 * @cssprop --mu-font-family - Font.
 * @cssprop --mu-font-size - Base font size.
 * @cssprop --mu-radius - Corner radius.
 * @cssprop --mu-space - Base spacing unit.
 * @cssprop --mu-density - Multiplies spacing and control height (e.g. 0.85 for compact).
 */
export class ManageUsers extends ManageUsersElement {
  /** @internal */
  static override styles = [tokens, styles];

  /** The time relative expiry is shown against; the demo moves it with its clock. */
  @property({ attribute: false }) accessor now: () => number = Date.now;

  /** Rows a page of each table shows (1–200, default 50), passed to the Users, Pending and Deactivated tables. */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;

  /** @internal */
  @state() accessor tab: Tab = 'users';

  readonly #section: SectionController<{ me: Me; group?: Group }> = new SectionController(this, {
    provide: true,
    load: (store, api, signal) => this.#load(store, api, signal),
  });

  constructor() {
    super();
    this.#section.store.shown = LIST_OF[this.tab];
  }

  /**
   * The signed-in member; for an Admin, seats and subgroups too. Those are asked for beside `me`,
   * not after it (one round trip less before the tabs show); a Learner's are refused (403) and dropped.
   */
  async #load(store: SectionStore, api: Api, signal: AbortSignal): Promise<{ me: Me; group?: Group }> {
    const groupState = loadGroupState(store, api, signal);
    groupState.catch(() => undefined); // awaited below for an Admin only
    const me = await api.client.group.me(api.groupId, { signal });
    store.me = me;
    if (me.role !== 'admin') return { me };
    const group = await groupState;
    this.emit('seats-changed', { seats: group.seats });
    return { me, group };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    this.#section.store.now = this.now;
  }

  /** Opens the invite dialog. */
  async openInviteDialog() {
    await (await this.#dialog('invite-dialog'))?.show();
  }

  /** Reloads seats, subgroups and the list on screen (the others when they are shown). */
  async refresh() {
    this.#section.store.stale('invitations', 'active', 'deactivated');
    await this.#section.loading.run();
  }

  /** A dialog of this section, once its tag is defined (the script-tag bundle loads the dialogs apart). */
  async #dialog<K extends 'invite-dialog' | 'subgroups-manager'>(tag: K) {
    await customElements.whenDefined(tag);
    return this.renderRoot.querySelector(tag) as (K extends 'invite-dialog' ? InviteDialog : SubgroupsManager) | null;
  }

  #selectTab(tab: Tab, focus = false) {
    this.tab = tab;
    this.#section.store.shown = LIST_OF[tab];
    this.#section.store.changed();
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey(event: KeyboardEvent) {
    const index = TABS.indexOf(this.tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.#selectTab(TABS.at(target % TABS.length) ?? 'users', true);
  }

  #showPending(event: CustomEvent<{ status: 'pending' | 'expired' | 'all' }>) {
    const table = this.renderRoot.querySelector<PendingTable>('pending-table');
    if (table) table.status = event.detail.status;
    this.#selectTab('pending', true);
  }

  protected override render() {
    return html`<section part="section" aria-labelledby="title" @show-pending=${this.#showPending}>
        ${this.renderBody()}
      </section>
      ${this.#section.renderSupport()}`;
  }

  protected renderBody() {
    if (!this.#section.ready) return nothing;
    const t = this.#section.t;
    const loading = this.#section.loading;
    const loaded = loading.value;
    if (!loaded) {
      const failed = loading.status === TaskStatus.ERROR && !isAbort(loading.error);
      return html`<header class="header" part="header">
          <h2 id="title"><slot name="heading">${t.title}</slot></h2>
        </header>
        ${
          failed
            ? html`<p class="error" role="alert">
                ${describeError(t, loading.error)}
                <button part="button" @click=${() => loading.run()}>${t.retry}</button>
              </p>`
            : html`<p class="hint" role="status">${t.loading}</p>`
        }`;
    }
    if (!loaded.group) return this.renderLearner(loaded.me);
    return html`
      <header class="header" part="header">
        <div>
          <h2 id="title"><slot name="heading">${t.title}</slot></h2>
          <p class="hint group-name">${loaded.group.name}</p>
        </div>
        <div class="header-actions">
          <button
            part="button subgroups-button"
            @click=${async () => (await this.#dialog('subgroups-manager'))?.show()}
          >
            ${t.manageSubgroups}
          </button>
          <button class="primary" part="button invite-button" @click=${() => this.openInviteDialog()}>
            ${t.inviteNewUsers}
          </button>
        </div>
      </header>
      ${this.renderMeter()} ${this.renderTabs(loaded.me)}
      <invite-dialog exportparts=${FORWARDED_PARTS}></invite-dialog>
      <subgroups-manager exportparts=${FORWARDED_PARTS}></subgroups-manager>
    `;
  }

  protected renderLearner(me: Me) {
    const t = this.#section.t;
    return html`<header class="header" part="header">
        <h2 id="title"><slot name="heading">${t.title}</slot></h2>
      </header>
      <div class="learner" part="learner-view">
        <h3>${t.learnerTitle}</h3>
        <p>${t.learnerBody(me.name, me.email)}</p>
        <p class="hint">${t.learnerHint}</p>
      </div>`;
  }

  protected renderMeter() {
    const t = this.#section.t;
    const seats = this.#section.seats;
    if (!seats) return nothing;
    const locale = this.#section.locale;
    const occupied = seats.active + seats.pending + seats.expired;
    // Widths go through the CSSOM (the element's style property), which a CSP without
    // 'unsafe-inline' allows; a style attribute, styleMap's first render included, it refuses.
    const share = (n: number) => `width:${seats.total ? (100 * n) / Math.max(seats.total, occupied) : 0}%`;
    // "Pending" counts what the Pending tab lists, valid or expired (the article's words); then the two kinds.
    const figures: Array<[string, number, string]> = [
      [t.seatsTotal, seats.total, 'total'],
      [t.seatsActive, seats.active, 'active'],
      [t.seatsPending, seats.pending + seats.expired, 'all-pending'],
      [t.seatsValid, seats.pending, 'pending'],
      [t.seatsExpired, seats.expired, 'expired'],
      [t.seatsAvailable, seats.available, 'available'],
    ];
    return html`<div class="meter" part="meter">
      <div class="meter-head">
        <span id="meter-label" class="meter-title">${t.seats}</span>
        <span class="hint">${t.seatsSummary(occupied, seats.total)}</span>
      </div>
      <div
        class="bar"
        part="meter-bar"
        role="meter"
        aria-labelledby="meter-label"
        aria-valuemin="0"
        aria-valuemax=${seats.total}
        aria-valuenow=${Math.min(occupied, seats.total)}
        aria-valuetext=${t.seatsSummary(occupied, seats.total)}
      >
        <span class="segment active" part="meter-active" .style=${share(seats.active)}></span>
        <span class="segment pending" part="meter-pending" .style=${share(seats.pending)}></span>
        <span class="segment expired" part="meter-expired" .style=${share(seats.expired)}></span>
      </div>
      <dl class="legend" part="meter-legend">
        ${figures.map(
          ([label, value, kind]) =>
            html`<div class="figure ${kind}">
              <dt><span class="swatch" aria-hidden="true"></span>${label}</dt>
              <dd>${number(locale, value)}</dd>
            </div>`,
        )}
      </dl>
      <p class="hint">${t.seatsExplain}</p>
    </div>`;
  }

  protected renderTabs(me: Me) {
    const members = (status: 'active' | 'deactivated') =>
      html`<members-panel
        status=${status}
        page-size=${this.pageSize}
        current-member-id=${me.id}
        exportparts=${FORWARDED_PARTS}
      ></members-panel>`;
    return html`${this.renderTabList()} ${this.#panel('users', members('active'))}
    ${this.#panel('pending', html`<pending-table page-size=${this.pageSize} exportparts=${FORWARDED_PARTS}></pending-table>`)}
    ${this.#panel('deactivated', members('deactivated'))}
    ${this.#panel('activity', html`<activity-log page-size=${this.pageSize} exportparts=${FORWARDED_PARTS}></activity-log>`)}`;
  }

  protected renderTabList() {
    const t = this.#section.t;
    const label: Record<Tab, string> = {
      users: t.tabUsers,
      pending: t.tabPending,
      deactivated: t.tabDeactivated,
      activity: t.tabActivity,
    };
    const seats = this.#section.seats;
    const pendingCount = seats ? seats.pending + seats.expired : undefined;
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t.tabs} @keydown=${this.#onTabKey}>
      ${TABS.map((tab) => {
        const selected = this.tab === tab;
        return html`<button
          role="tab"
          id="tab-${tab}"
          part="tab ${selected ? 'tab-selected' : ''}"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="panel-${tab}"
          tabindex=${selected ? 0 : -1}
          @click=${() => this.#selectTab(tab)}
        >
          ${label[tab]}${tab === 'pending' && pendingCount !== undefined ? html` <span class="count">${number(this.#section.locale, pendingCount)}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  /** A tab's panel, shown while its tab is selected. */
  #panel(tab: Tab, content: TemplateResult) {
    return html`<div
      role="tabpanel"
      id="panel-${tab}"
      part="panel"
      aria-labelledby="tab-${tab}"
      ?hidden=${this.tab !== tab}
    >
      ${content}
    </div>`;
  }
}
