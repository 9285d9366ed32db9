/**
 * A list call that is both a promise of its first page and an async iterator over every
 * item of every page, following `nextCursor`.
 */
import type { Page } from './schemas.ts';

/**
 * What a list method returns.
 *
 * @example
 * const first = await client.invitations.list({ status: 'expired' });
 * for await (const invitation of client.invitations.list({ status: 'expired' })) {
 *   console.log(invitation.email);
 * }
 */
export class PageRequest<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  readonly #cursor: string | undefined;
  #first: Promise<Page<T>> | undefined;

  constructor(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, cursor?: string) {
    this.#fetchPage = fetchPage;
    this.#cursor = cursor;
  }

  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#first ??= this.#fetchPage(this.#cursor);
    return this.#first.then(onFulfilled, onRejected);
  }

  /** Every page, one request at a time. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor = this.#cursor;
    do {
      const page = await this.#fetchPage(cursor);
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }
}
