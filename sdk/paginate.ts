/**
 * A list call that is both a promise of its first page and an async iterator over every
 * item of every page, following `nextCursor`.
 */
import type { Page } from './schemas.ts';

/**
 * What a list method returns.
 *
 * @example
 * const { items, nextCursor } = await client.invitations.list('g_123', { status: 'expired' });
 * for await (const invitation of client.invitations.list('g_123', { status: 'expired' })) {
 *   console.log(invitation.email);
 * }
 */
export class PageRequest<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  /** Fetches the page after `cursor`, or the first page when it is undefined. */
  readonly #fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  #first: Promise<Page<T>> | undefined;

  constructor(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
    this.#fetchPage = fetchPage;
  }

  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#first ??= this.#fetchPage(undefined);
    return this.#first.then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.then().finally(onFinally);
  }

  /** Every page, one request at a time. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | undefined;
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
