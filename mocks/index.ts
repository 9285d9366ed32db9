/**
 * msw handlers that imitate the invitations API with no backend: the same rules and the
 * same HTTP layer as the reference server, on a store in memory. For host pages in
 * development and for integrators' tests, in the browser (`setupWorker`) or in Node
 * (`setupServer`).
 *
 * @example
 * import { setupWorker } from 'msw/browser';
 * import { createMockApi } from 'manage-users/mocks';
 *
 * const mock = createMockApi({ baseUrl: '/api/v1/' });
 * await setupWorker(...mock.handlers).start();
 * // <manage-users base-url="/api/v1/" group-id="demo"> now talks to the mock,
 * // signed in with the token `demo-admin` (or `demo-learner`).
 *
 * @packageDocumentation
 */
import { http, type HttpHandler } from 'msw';
import { createApiApp } from '../api/http/app.ts';
import { createClock, type Clock } from '../api/domain/clock.ts';
import { outboxMailer } from '../api/mail/mailer.ts';
import { demoAuthenticate, seedDemo, DEMO_GROUP_ID, DEMO_TOKENS } from '../api/domain/seed.ts';
import { createMemoryStore } from '../api/store/memory-store.ts';
import { simulatedDelivery, undeliverableExample, type DeliveryFailure } from './simulated-delivery.ts';
import type { Store } from '../api/store/store.ts';

export { DEMO_GROUP_ID, DEMO_TOKENS };
export type { DeliveryFailure };

export interface MockApiOptions {
  /** Where the mocked API lives (default `/api/v1/`, resolved against the page). */
  baseUrl?: string;
  /** Fill the store with the demo group (default true). */
  seed?: boolean;
  /** Serve the demo-mode operations: outbox and clock (default true). */
  demo?: boolean;
  /** Days an invitation stays valid (default 10). */
  expiryDays?: number;
  /** Where accept links in the outbox point (default `<origin>/accept`). */
  acceptPage?: string;
  /** Answers slower by this many ms, to see loading states (default 0). */
  latency?: number;
  /**
   * Simulated delivery: how the mail server treats an address. `'permanent'`: refused at the
   * first attempt (`delivery.status` `failed`, shown as "Not delivered"); `'temporary'`: tried
   * again with backoff (`retrying`; move the clock to see the next attempts); nothing: sent to
   * the outbox. Default: addresses at `undeliverable.example` are refused for good.
   */
  deliveryFailure?: (email: string) => DeliveryFailure;
}

export interface MockApi {
  handlers: HttpHandler[];
  /** The state behind the handlers, for assertions. */
  store: Store;
  clock: Clock;
  /** Resolves when seeding has finished; the handlers wait for it themselves. */
  ready: Promise<void>;
}

/** Creates handlers backed by a fresh in-memory API. */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const base = new URL(options.baseUrl ?? '/api/v1/', globalThis.location?.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const store = createMemoryStore();
  const clock = createClock();
  const mailer = simulatedDelivery(
    outboxMailer(store, () => clock.now()),
    options.deliveryFailure ?? undeliverableExample,
  );
  const acceptPage = options.acceptPage ?? new URL('/accept', base).href;
  const acceptUrl = (token: string) => `${acceptPage}?token=${encodeURIComponent(token)}`;
  const ready = options.seed === false ? Promise.resolve() : seedDemo({ store, clock, acceptUrl });
  const app = createApiApp({
    store,
    clock,
    mailer,
    acceptUrl,
    hashPassword,
    authenticate: demoAuthenticate(store),
    demo: options.demo ?? true,
    ...(options.expiryDays === undefined ? {} : { expiryDays: options.expiryDays }),
  });

  const handler = http.all(`${base.href}*`, async ({ request }) => {
    await ready;
    if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
    const url = new URL(request.url);
    const path = url.pathname.slice(base.pathname.length - 1);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return app.fetch(
      new Request(new URL(`${path}${url.search}`, 'http://mock.invalid'), {
        method: request.method,
        headers: request.headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      }),
    );
  });
  return { handlers: [handler], store, clock, ready };
}

/** PBKDF2 from Web Crypto: a real KDF that also runs in the browser. */
async function hashPassword(password: string): Promise<string> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100_000 },
    key,
    256,
  );
  const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  return `pbkdf2$100000$${b64(salt)}$${b64(new Uint8Array(bits))}`;
}
