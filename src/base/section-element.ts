/**
 * What every element of the section shares: where its client comes from (a `.client`,
 * the section's context, or `base-url` + `group-id`), its language, events, error words,
 * a confirmation dialog and a live region.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { createInvitationsClient, InvitationsError, SeatsExhaustedError, type ClientOptions, type InvitationsClient, type Subgroup } from '../../sdk/index.ts';
import { sectionContext, type Section } from '../context.ts';
import type { EventDetails } from '../events.ts';
import { catalogEvents, messagesFor, type Messages } from '../strings/index.ts';

export interface Api {
  client: InvitationsClient;
  groupId: string;
}

interface Confirmation {
  message: string;
  action: string;
  resolve: (confirmed: boolean) => void;
}

export class SectionElement extends LitElement {
  /** Language of the element (BCP 47); falls back to the section's, then the page's `lang`. */
  @property({ reflect: true }) accessor locale = '';
  /** Where the invitations API lives, when the element is used alone. */
  @property({ attribute: 'base-url' }) accessor baseUrl = '';
  /** The group to manage, when the element is used alone. */
  @property({ attribute: 'group-id' }) accessor groupId = '';
  /** A ready client; wins over `base-url` and the section's. */
  @property({ attribute: false }) accessor client: InvitationsClient | undefined = undefined;
  /** Token provider for the client made from `base-url`. */
  @property({ attribute: false }) accessor getToken: ClientOptions['getToken'] = undefined;
  /** A fetch of the host's own for the client made from `base-url`. */
  @property({ attribute: false }) accessor fetch: typeof globalThis.fetch | undefined = undefined;

  @consume({ context: sectionContext, subscribe: true })
  @state()
  protected accessor section: Section | undefined = undefined;

  /** Subgroups loaded by the element itself when no section shares them. */
  @state() protected accessor ownSubgroups: Subgroup[] | undefined = undefined;
  @state() protected accessor confirmation: Confirmation | undefined = undefined;
  @state() protected accessor announcement = '';

  #ownClient: { key: unknown[]; client: InvitationsClient } | undefined;
  #api: Api | undefined;

  /**
   * The client and group this element works on, once it has them. The same object is
   * returned until one of them changes, so it can be a task argument.
   */
  protected get api(): Api | undefined {
    const groupId = this.groupId || this.section?.groupId;
    const client = this.client ?? (this.baseUrl ? this.#clientFromAttributes() : this.section?.client);
    if (!groupId || !client) return undefined;
    if (this.#api?.client !== client || this.#api.groupId !== groupId) this.#api = { client, groupId };
    return this.#api;
  }

  #clientFromAttributes(): InvitationsClient {
    const key = [this.baseUrl, this.getToken, this.fetch];
    if (!this.#ownClient || this.#ownClient.key.some((value, i) => value !== key[i])) {
      const client = createInvitationsClient({
        baseUrl: this.baseUrl,
        ...(this.getToken ? { getToken: this.getToken } : {}),
        ...(this.fetch ? { fetch: this.fetch } : {}),
      });
      this.#ownClient = { key, client };
    }
    return this.#ownClient.client;
  }

  /** Subgroups: the section's, or those the element loaded for itself. */
  protected get subgroups(): Subgroup[] {
    return this.section?.subgroups ?? this.ownSubgroups ?? [];
  }

  /** Seat usage and subgroups, fresh from the API. */
  protected async fetchGroupState(api: Api, signal?: AbortSignal) {
    const [group, subgroups] = await Promise.all([
      api.client.group.get(api.groupId, { signal }),
      api.client.subgroups.list(api.groupId, { signal }),
    ]);
    return { group, seats: group.seats, subgroups: subgroups.items };
  }

  /** For elements that show subgroups: load them when used alone, outside a section. */
  protected loadSubgroupsWhenAlone() {
    new Task(this, {
      task: async ([api, shared], { signal }) => {
        if (!api || shared) return;
        this.ownSubgroups = (await api.client.subgroups.list(api.groupId, { signal })).items;
      },
      args: () => [this.api, this.section?.subgroups] as const,
    });
  }

  /** The locale in effect. */
  protected get effectiveLocale(): string {
    return this.locale || this.section?.locale || this.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang || 'en';
  }

  #onCatalog = () => this.requestUpdate();

  // `lang` follows `locale`, so its words are read in their language on a page in another (3.1.2).
  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (!changed.has('locale')) return;
    if (this.locale) this.lang = this.locale;
    else if (changed.get('locale')) this.removeAttribute('lang');
  }

  override connectedCallback() {
    super.connectedCallback();
    catalogEvents.addEventListener('change', this.#onCatalog);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    catalogEvents.removeEventListener('change', this.#onCatalog);
  }

  /** The messages of the locale in effect. */
  protected get t(): Messages {
    return messagesFor(this.effectiveLocale);
  }

  protected currentTime(): number {
    return this.section?.now() ?? Date.now();
  }

  /** Fires a bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends keyof EventDetails>(name: K, detail: EventDetails[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /** What to tell the admin about an error, in their language. */
  protected describeError(error: unknown): string {
    const t = this.t;
    if (error instanceof SeatsExhaustedError) return t.errorSeats(error.required, error.seats.available);
    if (!(error instanceof InvitationsError)) return t.errorGeneric;
    switch (error.code) {
      case 'network_error':
        return t.errorNetwork;
      case 'timeout':
        return t.errorTimeout;
      case 'forbidden':
        return t.errorForbidden;
      case 'unauthenticated':
        return t.errorUnauthenticated;
      case 'not_found':
        return t.errorNotFound;
      case 'rate_limited':
        return t.errorRateLimited;
      case 'subgroup_exists':
        return t.errorSubgroupExists;
      case 'server_error':
      case 'invalid_response':
        return t.errorServer;
      default:
        return error.status >= 500 ? t.errorServer : t.errorGeneric;
    }
  }

  /** Reports a failure: fires `manage-users-error` and returns the words to show. */
  protected fail(error: unknown): string {
    const message = this.describeError(error);
    this.emit('manage-users-error', { error: error instanceof Error ? error : new Error(String(error)), message });
    return message;
  }

  /** Says something to screen readers through the live region. */
  protected announce(text: string) {
    // A change of text is what a live region announces: clear first so a repeat is read.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** Asks the admin to confirm in a modal dialog; resolves true when they do. */
  protected confirm(message: string, action: string): Promise<boolean> {
    this.confirmation?.resolve(false);
    return new Promise((resolve) => {
      this.confirmation = { message, action, resolve };
    });
  }

  protected override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    if (changed.has('confirmation') && this.confirmation) {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
    }
  }

  #settle(confirmed: boolean) {
    const pending = this.confirmation;
    this.confirmation = undefined;
    pending?.resolve(confirmed);
  }

  protected renderConfirm() {
    const c = this.confirmation;
    if (!c) return nothing;
    return html`<dialog class="confirm" part="confirm-dialog" aria-labelledby="confirm-message" @close=${() => this.#settle(false)}>
      <p id="confirm-message">${c.message}</p>
      <div class="actions">
        <button part="button cancel-button" @click=${() => this.#settle(false)} autofocus>${this.t.cancel}</button>
        <button class="primary" part="button confirm-button" @click=${() => this.#settle(true)}>${c.action}</button>
      </div>
    </dialog>`;
  }

  protected renderLive() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}
