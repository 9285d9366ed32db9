import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { Task } from '@lit/task';
import type { Group, Me, Seats, Subgroup } from '../../sdk/index.ts';
import { SectionElement } from '../base/section-element.ts';
import { sectionContext, type Section } from '../context.ts';
import type { InviteDialog } from '../invite-dialog/invite-dialog.ts';
import type { MembersPanel } from '../members-panel/members-panel.ts';
import type { PendingTable } from '../pending-table/pending-table.ts';
import type { SubgroupsManager } from '../subgroups-manager/subgroups-manager.ts';
import { number } from '../strings/index.ts';
import { tokens } from '../styles/tokens.ts';
import { styles } from './styles.ts';

type Tab = 'users' | 'pending' | 'deactivated';
const TABS: Tab[] = ['users', 'pending', 'deactivated'];

/** Parts of the inner elements that the section forwards to the page. */
const FORWARDED_PARTS = [
  'toolbar', 'search-input', 'filter', 'table', 'header-cell', 'row', 'cell', 'checkbox', 'status', 'status-pending', 'status-expired',
  'button', 'resend-button', 'remove-button', 'deactivate-button', 'reactivate-button', 'pager', 'message', 'confirm-dialog',
  'dialog', 'box', 'role-input', 'email-input', 'chip', 'chip-valid', 'chip-invalid', 'chip-duplicate', 'subgroup-input',
  'add-learners-button', 'add-admins-button', 'remove-box-button', 'csv-input', 'seat-preview', 'submit-button', 'results',
  'error', 'name-input',
].join(', ');

/**
 * The Manage Users section: seat meter, **Invite New Users**, and the tabs **Users**,
 * **Pending** and **Deactivated**. Give it `base-url` and `group-id` (and a token provider
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
export class ManageUsers extends SectionElement {
  /** @internal */
  static override styles = [tokens, styles];

  /** The time relative expiry is shown against; the demo moves it with its clock. */
  @property({ attribute: false }) accessor now: () => number = Date.now;

  /** @internal */
  @state() accessor tab: Tab = 'users';
  /** @internal */
  @state() accessor seats: Seats | undefined = undefined;

  @provide({ context: sectionContext })
  @state()
  accessor shared: Section | undefined = undefined;

  #load = new Task(this, {
    task: async ([api], { signal }): Promise<{ me: Me; group?: Group } | undefined> => {
      if (!api) return undefined;
      const me = await api.client.group.me(api.groupId, { signal });
      if (me.role !== 'admin') return { me };
      const { group, seats, subgroups } = await this.fetchGroupState(api, signal);
      this.seats = seats;
      this.ownSubgroups = subgroups;
      this.emit('seats-changed', { seats });
      return { me, group };
    },
    args: () => [this.api] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    const api = this.api;
    const next = api && {
      client: api.client,
      groupId: api.groupId,
      locale: this.effectiveLocale,
      now: this.now,
      seats: this.seats,
      subgroups: this.ownSubgroups,
    };
    const current = this.shared;
    if (!next) this.shared = undefined;
    else if (!current || (Object.keys(next) as Array<keyof Section>).some((key) => next[key] !== current[key])) this.shared = next;
  }

  /** Opens the invite dialog. */
  async openInviteDialog() {
    await this.#dialog('invite-dialog')?.show();
  }

  /** Reloads seats, subgroups and every list. */
  async refresh() {
    await this.#load.run();
    this.#lists().forEach((list) => void list.refresh());
  }

  #dialog<K extends 'invite-dialog' | 'subgroups-manager'>(tag: K) {
    return this.renderRoot.querySelector(tag) as (K extends 'invite-dialog' ? InviteDialog : SubgroupsManager) | null;
  }

  #lists(): Array<PendingTable | MembersPanel> {
    return [...this.renderRoot.querySelectorAll<PendingTable | MembersPanel>('pending-table, members-panel')];
  }

  async #reloadSeats() {
    const api = this.api;
    if (!api) return;
    try {
      ({ seats: this.seats, subgroups: this.ownSubgroups } = await this.fetchGroupState(api));
    } catch (error) {
      this.fail(error);
    }
  }

  #onSeats(event: CustomEvent<{ seats: Seats }>) {
    if (event.target !== this) this.seats = event.detail.seats;
  }

  #selectTab(tab: Tab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey(event: KeyboardEvent) {
    const index = TABS.indexOf(this.tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.#selectTab(TABS[(target + TABS.length) % TABS.length]!, true);
  }

  #showPending(event: CustomEvent<{ status: 'pending' | 'expired' | 'all' }>) {
    const table = this.renderRoot.querySelector<PendingTable>('pending-table');
    if (table) table.status = event.detail.status;
    this.#selectTab('pending', true);
  }

  protected override render() {
    return html`<section part="section" aria-labelledby="title"
        @seats-changed=${this.#onSeats}
        @invitations-sent=${() => (this.#reloadSeats(), this.#lists().forEach((l) => void l.refresh()))}
        @invitations-removed=${() => this.renderRoot.querySelector<PendingTable>('pending-table')?.refresh()}
        @invitations-resent=${() => this.#reloadSeats()}
        @members-changed=${() => this.#lists().forEach((l) => void l.refresh())}
        @subgroups-changed=${(e: CustomEvent<{ subgroups: Subgroup[] }>) => ((this.ownSubgroups = e.detail.subgroups), this.#lists().forEach((l) => void l.refresh()))}
        @show-pending=${this.#showPending}>
        ${this.renderBody()}
      </section>
      ${this.renderLive()}`;
  }

  protected renderBody() {
    const t = this.t;
    const loaded = this.#load.value;
    if (!loaded) {
      const error = this.#load.error;
      return html`<header class="header" part="header"><h2 id="title"><slot name="heading">${t.title}</slot></h2></header>
        ${error && (error as Error).name !== 'AbortError'
          ? html`<p class="error" role="alert">${this.describeError(error)} <button part="button" @click=${() => this.#load.run()}>${t.retry}</button></p>`
          : html`<p class="hint" role="status">${t.loading}</p>`}`;
    }
    if (!loaded.group) return this.renderLearner(loaded.me);
    return html`
      <header class="header" part="header">
        <div>
          <h2 id="title"><slot name="heading">${t.title}</slot></h2>
          <p class="hint group-name">${loaded.group.name}</p>
        </div>
        <div class="header-actions">
          <button part="button subgroups-button" @click=${() => this.#dialog('subgroups-manager')?.show()}>${t.manageSubgroups}</button>
          <button class="primary" part="button invite-button" @click=${() => this.openInviteDialog()}>${t.inviteNewUsers}</button>
        </div>
      </header>
      ${this.renderMeter()} ${this.renderTabs(loaded.me)}
      <invite-dialog exportparts=${FORWARDED_PARTS}></invite-dialog>
      <subgroups-manager exportparts=${FORWARDED_PARTS}></subgroups-manager>
    `;
  }

  protected renderLearner(me: Me) {
    const t = this.t;
    return html`<header class="header" part="header"><h2 id="title"><slot name="heading">${t.title}</slot></h2></header>
      <div class="learner" part="learner-view">
        <h3>${t.learnerTitle}</h3>
        <p>${t.learnerBody(me.name, me.email)}</p>
        <p class="hint">${t.learnerHint}</p>
      </div>`;
  }

  protected renderMeter() {
    const t = this.t;
    const seats = this.seats;
    if (!seats) return nothing;
    const locale = this.effectiveLocale;
    const occupied = seats.active + seats.pending + seats.expired;
    // Widths go through the CSSOM (the element's style property), which a CSP without
    // 'unsafe-inline' allows; a style attribute, styleMap's first render included, it refuses.
    const share = (n: number) => `width:${seats.total ? (100 * n) / Math.max(seats.total, occupied) : 0}%`;
    const figures: Array<[string, number, string]> = [
      [t.seatsTotal, seats.total, 'total'],
      [t.seatsActive, seats.active, 'active'],
      [t.seatsPending, seats.pending, 'pending'],
      [t.seatsExpired, seats.expired, 'expired'],
      [t.seatsAvailable, seats.available, 'available'],
    ];
    return html`<div class="meter" part="meter">
      <div class="meter-head">
        <span id="meter-label" class="meter-title">${t.seats}</span>
        <span class="hint">${t.seatsSummary(occupied, seats.total)}</span>
      </div>
      <div class="bar" part="meter-bar" role="meter" aria-labelledby="meter-label" aria-valuemin="0" aria-valuemax=${seats.total}
        aria-valuenow=${Math.min(occupied, seats.total)} aria-valuetext=${t.seatsSummary(occupied, seats.total)}>
        <span class="segment active" part="meter-active" .style=${share(seats.active)}></span>
        <span class="segment pending" part="meter-pending" .style=${share(seats.pending)}></span>
        <span class="segment expired" part="meter-expired" .style=${share(seats.expired)}></span>
      </div>
      <dl class="legend" part="meter-legend">
        ${figures.map(([label, value, kind]) => html`<div class="figure ${kind}"><dt><span class="swatch" aria-hidden="true"></span>${label}</dt><dd>${number(locale, value)}</dd></div>`)}
      </dl>
      <p class="hint">${t.seatsExplain}</p>
    </div>`;
  }

  protected renderTabs(me: Me) {
    const t = this.t;
    const label: Record<Tab, string> = { users: t.tabUsers, pending: t.tabPending, deactivated: t.tabDeactivated };
    const pendingCount = this.seats ? this.seats.pending + this.seats.expired : undefined;
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t.tabs} @keydown=${this.#onTabKey}>
        ${TABS.map((tab) => {
          const selected = this.tab === tab;
          return html`<button role="tab" id="tab-${tab}" part="tab ${selected ? 'tab-selected' : ''}" aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel-${tab}" tabindex=${selected ? 0 : -1} @click=${() => this.#selectTab(tab)}>
            ${label[tab]}${tab === 'pending' && pendingCount !== undefined ? html`<span class="count" aria-hidden="true">${number(this.effectiveLocale, pendingCount)}</span>` : nothing}
          </button>`;
        })}
      </div>
      <div role="tabpanel" id="panel-users" part="panel" aria-labelledby="tab-users" ?hidden=${this.tab !== 'users'}>
        <members-panel status="active" current-member-id=${me.id} exportparts=${FORWARDED_PARTS}></members-panel>
      </div>
      <div role="tabpanel" id="panel-pending" part="panel" aria-labelledby="tab-pending" ?hidden=${this.tab !== 'pending'}>
        <pending-table exportparts=${FORWARDED_PARTS}></pending-table>
      </div>
      <div role="tabpanel" id="panel-deactivated" part="panel" aria-labelledby="tab-deactivated" ?hidden=${this.tab !== 'deactivated'}>
        <members-panel status="deactivated" current-member-id=${me.id} exportparts=${FORWARDED_PARTS}></members-panel>
      </div>`;
  }
}
