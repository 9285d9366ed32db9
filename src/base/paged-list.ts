/**
 * A list read a page at a time through the SDK's cursors, as a `Task`: a new query or
 * page aborts the load it supersedes; the last page stays on screen while the next loads;
 * a stale list loads again only while it is on screen; an error shows (with Try again)
 * only until the next load starts.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Page } from '../../sdk/index.ts';
import type { Api, ListKind } from '../state/section-store.ts';
import type { SectionController } from '../controllers/section-controller.ts';
import { isAbort } from './errors.ts';
import { number, type Messages } from '../strings/index.ts';

export interface PagedListOptions<T, Q> {
  /** Which of the section's lists this is. */
  kind: () => ListKind;
  /** The filters; a change starts again from the first page. */
  query: () => Q;
  fetch: (api: Api, query: Q, cursor: string | undefined, signal: AbortSignal) => PromiseLike<Page<T>>;
  /**
   * A page arrived because the filters changed, or with another count of matches than the page
   * before it (an action removed rows or took them out of the filters): to announce the count.
   */
  onFiltered?: (page: Page<T>) => void;
  onPage?: (page: Page<T>) => void;
}

export class PagedList<T, Q> {
  /** Cursors of the pages walked so far; the last one is the page shown. */
  cursors: Array<string | undefined> = [undefined];
  page: Page<T> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #task: Task<readonly [Api | undefined, string, string | undefined, number], Page<T> | undefined>;
  /** The api and list version last seen on screen: a hidden list keeps them, so it waits. */
  #seen: readonly [Api | undefined, number] = [undefined, 0];
  #queryKey: string | undefined;
  #query: Q | undefined;
  #filtered = false;
  /** The cursors of the page on screen (the next one may be loading): the pager counts from them. */
  #pageCursors: Array<string | undefined> = [undefined];

  constructor(host: ReactiveControllerHost, section: SectionController, options: PagedListOptions<T, Q>) {
    this.#host = host;
    this.#task = new Task(host, {
      task: async ([api, , cursor], { signal }) => {
        const query = this.#query;
        const walked = this.cursors;
        if (!api || query === undefined) return undefined;
        const page = await options.fetch(api, query, cursor, signal);
        if (page.items.length === 0 && walked.length > 1) return void this.#go(walked.slice(0, -1));
        const counted = this.#filtered || (this.page !== undefined && this.page.total !== page.total);
        this.page = page;
        this.#pageCursors = walked;
        options.onPage?.(page);
        if (counted) options.onFiltered?.(page);
        this.#filtered = false;
        return page;
      },
      onError: (error) => void (isAbort(error) || section.fail(error)),
      args: () => {
        const store = section.store;
        const kind = options.kind();
        if (store.isShown(kind)) this.#seen = [store.api, store.version(kind)];
        this.#query = options.query();
        const key = JSON.stringify(this.#query);
        if (this.#queryKey !== undefined && key !== this.#queryKey) {
          this.cursors = [undefined];
          this.#filtered = true;
        }
        this.#queryKey = key;
        return [this.#seen[0], key, this.cursors.at(-1), this.#seen[1]] as const;
      },
    });
  }

  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  get items(): T[] {
    return this.page?.items ?? [];
  }

  /** Loads the page shown again. */
  async refresh() {
    await this.#task.run();
  }

  #go(cursors: Array<string | undefined>) {
    this.cursors = cursors;
    this.#host.requestUpdate();
  }

  /** The table's caption, with the count of rows that match once a page arrived: "Activity (12)". */
  renderCaption(caption: string, locale: string) {
    const page = this.page;
    return html`<caption>
      ${caption}${page ? html` <span class="hint total">(${number(locale, page.total)})</span>` : nothing}
    </caption>`;
  }

  renderMessage(t: Messages, describe: (error: unknown) => string, empty: string, filtered: boolean) {
    if (this.#task.status === TaskStatus.ERROR && !isAbort(this.#task.error)) {
      return html`<p part="message" class="message error" role="alert">
        ${describe(this.#task.error)}
        <button part="button retry-button" @click=${() => this.refresh()}>${t.retry}</button>
      </p>`;
    }
    if (!this.page) return html`<p part="message" class="message">${t.loading}</p>`;
    if (this.page.total === 0) return html`<p part="message" class="message">${filtered ? t.noMatches : empty}</p>`;
    return nothing;
  }

  renderPager(t: Messages, locale: string, label: string, pageSize: number) {
    const page = this.page;
    if (!page || page.total <= page.items.length) return nothing;
    const cursors = this.#pageCursors;
    const from = (cursors.length - 1) * pageSize + 1;
    return html`<nav class="pager" part="pager" aria-label=${label}>
      <button
        part="button"
        aria-disabled=${cursors.length === 1 ? 'true' : 'false'}
        @click=${() => cursors.length > 1 && this.#go(cursors.slice(0, -1))}
      >
        ${t.previousPage}
      </button>
      <span
        >${t.pageOf(number(locale, from), number(locale, from + page.items.length - 1), number(locale, page.total))}</span
      >
      <button
        part="button"
        aria-disabled=${page.nextCursor ? 'false' : 'true'}
        @click=${() => page.nextCursor && this.#go([...cursors, page.nextCursor])}
      >
        ${t.nextPage}
      </button>
    </nav>`;
  }
}
