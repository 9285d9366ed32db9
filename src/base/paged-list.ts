/**
 * A list read a page at a time through the SDK's cursors: loading, the last page kept on
 * screen while the next loads, errors in words, and previous / next paging.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Page } from '../../sdk/index.ts';
import { number, type Messages } from '../strings/index.ts';

export class PagedList<T, A extends readonly unknown[]> {
  /** Cursors of the pages walked so far; the last one is the page shown. */
  cursors: Array<string | undefined> = [undefined];
  page: Page<T> | undefined;
  error = '';
  readonly #host: ReactiveControllerHost;
  readonly #task: Task<[...A, string | undefined], Page<T> | undefined>;
  #lastArgs: A | undefined;

  constructor(
    host: ReactiveControllerHost,
    options: {
      /** Reports a failure and returns the words to show. */
      fail: (error: unknown) => string;
      /** What the list depends on; a change starts again from the first page. */
      args: () => A;
      fetch: (args: A, cursor: string | undefined, signal: AbortSignal) => PromiseLike<Page<T>> | undefined;
      onPage?: (page: Page<T>) => void;
    },
  ) {
    this.#host = host;
    this.#task = new Task<[...A, string | undefined], Page<T> | undefined>(host, {
      task: async (all, { signal }) => {
        const args = all.slice(0, -1) as unknown as A;
        const request = options.fetch(args, all.at(-1) as string | undefined, signal);
        if (!request) return undefined;
        const page = await request;
        this.page = page;
        this.error = '';
        options.onPage?.(page);
        return page;
      },
      onError: (error) => {
        if ((error as Error)?.name !== 'AbortError') this.error = options.fail(error);
        this.#host.requestUpdate();
      },
      args: () => {
        const args = options.args();
        if (this.#lastArgs && args.some((value, i) => value !== this.#lastArgs![i])) this.cursors = [undefined];
        this.#lastArgs = args;
        return [...args, this.cursors.at(-1)] as [...A, string | undefined];
      },
    });
  }

  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  get items(): T[] {
    return this.page?.items ?? [];
  }

  /** Loads the page shown again (after a change the list does not know of). */
  async refresh() {
    await this.#task.run();
  }

  /** After removing `count` rows: stay on this page, or step back when it empties. */
  async afterRemoving(count: number) {
    if (count >= this.items.length && this.cursors.length > 1) this.#go(this.cursors.slice(0, -1));
    else await this.refresh();
  }

  #go(cursors: Array<string | undefined>) {
    this.cursors = cursors;
    this.#host.requestUpdate();
  }

  renderMessage(t: Messages, empty: string, filtered: boolean) {
    if (this.error) {
      return html`<p part="message" class="message error" role="alert">${this.error}
        <button part="button retry-button" @click=${() => this.refresh()}>${t.retry}</button></p>`;
    }
    if (!this.page) return html`<p part="message" class="message">${t.loading}</p>`;
    if (this.page.total === 0) return html`<p part="message" class="message">${filtered ? t.noMatches : empty}</p>`;
    return nothing;
  }

  renderPager(t: Messages, locale: string, label: string, pageSize: number) {
    const page = this.page;
    if (!page || page.total <= page.items.length) return nothing;
    const from = (this.cursors.length - 1) * pageSize + 1;
    return html`<nav class="pager" part="pager" aria-label=${label}>
      <button part="button" ?disabled=${this.cursors.length === 1} @click=${() => this.#go(this.cursors.slice(0, -1))}>${t.previousPage}</button>
      <span>${t.pageOf(number(locale, from), number(locale, from + page.items.length - 1), number(locale, page.total))}</span>
      <button part="button" ?disabled=${!page.nextCursor} @click=${() => this.#go([...this.cursors, page.nextCursor ?? undefined])}>${t.nextPage}</button>
    </nav>`;
  }
}
