/**
 * What the bench pages share: the API on the in-memory store in the page, waiting for a
 * condition, and finding elements inside shadow roots.
 */
import { createApiApp } from '../api/http/app.ts';
import { createClock } from '../api/domain/clock.ts';
import { outboxMailer } from '../api/mail/mailer.ts';
import { createMemoryStore } from '../api/store/memory-store.ts';
import { seedDemo, demoAuthenticate } from '../api/domain/seed.ts';

/** The `base-url` an element in a bench page is given: its requests go to {@link inPageApi}'s `fetch`. */
const BENCH_BASE_URL = 'http://bench.invalid/api/';

/** Points an element at the demo group as the demo admin; its requests go through `fetch` (by URL). */
export function signIn(element: HTMLElement, fetch: (url: string, init?: RequestInit) => Promise<Response>) {
  Object.assign(element, {
    baseUrl: BENCH_BASE_URL,
    groupId: 'demo',
    getToken: () => 'demo-admin',
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input instanceof Request ? input.url : input.toString(), init),
  });
}

/** The demo group on an in-memory API in this page, and a `fetch` that answers from it. */
export async function inPageApi() {
  const store = createMemoryStore();
  const clock = createClock();
  await seedDemo({ store, clock, acceptUrl: (t) => t });
  const app = createApiApp({
    store,
    clock,
    mailer: outboxMailer(store, () => clock.now()),
    acceptUrl: (t) => t,
    hashPassword: (p) => Promise.resolve(p),
    authenticate: demoAuthenticate(store),
    demo: false,
  });
  const fetch = (url: string, init?: RequestInit) =>
    app.fetch(new Request(url.replace(BENCH_BASE_URL.slice(0, -1), 'http://x'), init));
  return { store, fetch };
}

/** Resolves once `check` holds; throws after `timeout` ms, naming what it waited for. */
export async function until(check: () => boolean, what: string | (() => string), timeout = 10_000) {
  const giveUp = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > giveUp)
      throw new Error(`bench: gave up waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every element under `root` matching `selector`, inside shadow roots too. */
export function deep<E extends Element>(root: ParentNode, selector: string): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  const hosts = [...(root instanceof Element ? [root] : []), ...root.querySelectorAll('*')];
  for (const host of hosts) if (host.shadowRoot) found.push(...deep<E>(host.shadowRoot, selector));
  return found;
}
