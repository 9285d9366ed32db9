/**
 * The one owner of a section's state for an element: which store it works on (its
 * section's, or its own when used alone), the client, the language, loading what the
 * store needs, and how failures and results are reported. The admin's actions are in
 * {@link SectionActions}.
 */
import { Task, TaskStatus } from '@lit/task';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { html, nothing, type ReactiveController } from 'lit';
import { createInvitationsClient, InvitationsError, type InvitationsClient, type Seats } from '../../sdk/index.ts';
import { sectionContext } from '../context.ts';
import { SectionStore, type Api } from '../state/section-store.ts';
import { loadSubgroups } from '../state/loads.ts';
import type { ManageUsersElement } from '../base/element.ts';
import { describeError, hintIntegrator, isAbort } from '../base/errors.ts';
import { pageParsed, whenPageParsed } from '../base/page-ready.ts';
import { catalogEvents, hasMessages, messagesFor, type Messages } from '../strings/index.ts';
import { Announcer } from './announcer.ts';
import { ConfirmController } from './confirm-controller.ts';
import { SectionActions } from './section-actions.ts';

/** A result or a failure, shown where the admin acted. */
export interface Feedback {
  tone: 'done' | 'error';
  text: string;
}

export interface SectionOptions<L> {
  /** `<manage-users>`: share this store with the elements inside. */
  provide?: boolean;
  /** What to load into a store of its own (default: the subgroups). */
  load?: (store: SectionStore, api: Api, signal: AbortSignal) => Promise<L>;
  /** Whether to load now (the invite dialog used alone loads when it opens). */
  loadWhen?: () => boolean;
}

export class SectionController<L = unknown> implements ReactiveController {
  readonly host: ManageUsersElement;
  readonly confirmation: ConfirmController;
  readonly announcer: Announcer;
  /** What the admin does: invite, resend, remove, deactivate, reactivate, subgroup changes. */
  readonly actions = new SectionActions(this);
  /** The load of a store of its own; `run()` it to load again. */
  readonly loading: Task<readonly [Api | undefined, boolean], L | undefined>;
  /** While an action runs, its buttons say so (`aria-disabled`). */
  busy = false;
  /** The last action's result or failure, shown near where the admin acted. */
  feedback: Feedback | undefined = undefined;

  readonly #own = new SectionStore();
  #shared: SectionStore | undefined;
  #client: { baseUrl: string; client: InvitationsClient } | undefined;
  #hadToken = false;
  /** A request was refused as unauthenticated. */
  #refused = false;

  constructor(host: ManageUsersElement, options: SectionOptions<L> = {}) {
    this.host = host;
    host.addController(this);
    this.confirmation = new ConfirmController(host);
    this.announcer = new Announcer(host);
    if (options.provide) new ContextProvider(host, { context: sectionContext, initialValue: this.#own });
    else new ContextConsumer(host, { context: sectionContext, callback: (store) => this.#share(store) });
    const load = options.load;
    this.loading = new Task(host, {
      task: async ([api, when], { signal }) => {
        if (!api || !when) return undefined;
        if (load) return load(this.#own, api, signal);
        await loadSubgroups(this.#own, api, signal);
        return undefined;
      },
      args: () => [this.store === this.#own ? this.#own.api : undefined, options.loadWhen?.() ?? true] as const,
      onError: (error) => void (isAbort(error) || this.fail(error)),
    });
  }

  /** The store this element works on: its section's, or its own when used alone. */
  get store(): SectionStore {
    const alone = this.host.client || this.host.baseUrl || this.host.groupId;
    return alone || !this.#shared ? this.#own : this.#shared;
  }

  /** The client and group, once known and once a request may go out. */
  get api(): Api | undefined {
    return this.store.api;
  }

  get seats(): Seats | undefined {
    return this.store.seats;
  }

  get subgroups() {
    return this.store.subgroups ?? [];
  }

  /** The locale in effect: the element's, its section's, then the page's `lang`. */
  get locale(): string {
    const host = this.host;
    const section = this.store === this.#own ? '' : this.store.locale;
    return host.locale || section || host.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang || 'en';
  }

  /** The catalog of the locale in effect is in: until then the element renders nothing worded. */
  get ready(): boolean {
    return hasMessages(this.locale);
  }

  /** The messages of the locale in effect. */
  get t(): Messages {
    return messagesFor(this.locale);
  }

  hostConnected() {
    catalogEvents.addEventListener('change', this.#onCatalog);
    this.#own.subscribe(this.host);
    this.#shared?.subscribe(this.host);
    if (!pageParsed()) whenPageParsed(() => this.host.requestUpdate());
  }

  hostDisconnected() {
    catalogEvents.removeEventListener('change', this.#onCatalog);
    this.#own.unsubscribe(this.host);
    this.#shared?.unsubscribe(this.host);
  }

  hostUpdate() {
    this.#retryOnFirstToken();
    const own = this.#own;
    own.locale = this.locale;
    const api = this.#ready() ? this.#ownApi() : undefined;
    if (api?.client !== own.api?.client || api?.groupId !== own.api?.groupId) own.api = api;
  }

  #onCatalog = () => this.host.requestUpdate();

  /** A token provider arriving after a request was refused for want of one: load again at once. */
  #retryOnFirstToken() {
    const hadToken = this.#hadToken;
    this.#hadToken = Boolean(this.host.getToken);
    if (hadToken || !this.#hadToken || !this.#refused) return;
    this.#refused = false;
    if (this.loading.status === TaskStatus.ERROR) void this.loading.run();
    this.#own.stale('invitations', 'active', 'deactivated');
  }

  #share(store: SectionStore | undefined) {
    this.#shared?.unsubscribe(this.host);
    this.#shared = store;
    store?.subscribe(this.host);
    this.host.requestUpdate();
  }

  /**
   * A request may go out once connected and either a way to sign it was given, or the
   * page's own scripts have run (they may still set `.getToken`).
   */
  #ready(): boolean {
    const host = this.host;
    return host.isConnected && Boolean(host.client || host.getToken || host.fetch || pageParsed());
  }

  #ownApi(): Api | undefined {
    const host = this.host;
    const client = host.client ?? (host.baseUrl ? this.#clientFor(host.baseUrl) : undefined);
    return client && host.groupId ? { client, groupId: host.groupId } : undefined;
  }

  /** One client per `base-url`; it asks the element for its token and fetch at each request. */
  #clientFor(baseUrl: string): InvitationsClient {
    if (this.#client?.baseUrl !== baseUrl) {
      const host = this.host;
      // Read at each request (a getter, so "no provider" still means cookies and no 401 retry).
      const client = createInvitationsClient({
        baseUrl,
        get getToken() {
          return host.getToken;
        },
        fetch: (input, init) => (host.fetch ?? globalThis.fetch)(input, init),
      });
      this.#client = { baseUrl, client };
    }
    return this.#client.client;
  }

  /**
   * Reports a failure: fires `manage-users-error` and returns the words to show (`typed`: what
   * the admin typed is kept on screen, see `describeError`).
   */
  fail(error: unknown, typed = false): string {
    if (error instanceof InvitationsError && error.code === 'unauthenticated') this.#refused = true;
    const message = describeError(this.t, error, typed);
    hintIntegrator(error);
    this.host.emit('manage-users-error', { error: error instanceof Error ? error : new Error(String(error)), message });
    return message;
  }

  /** New seat usage from an answer: kept, and told to the page. */
  setSeats(seats: Seats) {
    this.store.seats = seats;
    this.host.emit('seats-changed', { seats });
    this.store.changed();
  }

  /** Shows a result near where the admin acted (and so to screen readers too). */
  show(feedback: Feedback | undefined) {
    this.feedback = feedback;
    this.host.requestUpdate();
  }

  /** The last result or failure, for the element to place near its actions. */
  renderFeedback() {
    const feedback = this.feedback;
    return html`<div class="feedback" role="status">
        ${feedback?.tone === 'done' ? html`<p part="message">${feedback.text}</p>` : nothing}
      </div>
      ${feedback?.tone === 'error' ? html`<p class="error" part="error" role="alert">${feedback.text}</p>` : nothing}`;
  }

  /** The confirmation dialog and the live region. */
  renderSupport() {
    return html`${this.confirmation.render(this.t.cancel)}${this.announcer.render()}`;
  }
}
