/**
 * The mock API for a plain page: msw's browser worker and the handlers in one module
 * (`dist/mock-api.js`), next to msw's worker script (`dist/mockServiceWorker.js`). No
 * bundler, no `msw init`.
 *
 * @example
 * <script type="module">
 *   import { startMockApi } from './mock-api.js';
 *   await startMockApi();                 // requests to /api/v1/ are answered from now on
 *   await import('./manage-users.js');
 * </script>
 *
 * @packageDocumentation
 */
import { setupWorker } from 'msw/browser';
import { createMockApi, DEMO_GROUP_ID, DEMO_TOKENS, type MockApi } from './index.ts';

export { DEMO_GROUP_ID, DEMO_TOKENS };

export interface StartMockApiOptions {
  /** Where the mocked API lives, resolved against the page (default `/api/v1/`). */
  baseUrl?: string;
  /** msw's worker script, resolved against the page (default `./mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** Answers slower by this many ms, to see loading states (default 0). */
  latency?: number;
  /** Fill the store with the demo group `demo` (default true; tokens `demo-admin`, `demo-learner`). */
  seed?: boolean;
}

export interface RunningMockApi extends Pick<MockApi, 'store' | 'clock'> {
  /** Stops intercepting; requests go to the network again. */
  stop: () => Promise<void>;
}

/**
 * Registers msw's service worker with a fresh in-memory API behind it. Resolves once
 * requests under `baseUrl` are intercepted and the demo group is seeded, so load the
 * widget after it.
 */
export async function startMockApi(options: StartMockApiOptions = {}): Promise<RunningMockApi> {
  const mock = createMockApi({
    baseUrl: options.baseUrl ?? '/api/v1/',
    seed: options.seed ?? true,
    latency: options.latency ?? 0,
  });
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? './mockServiceWorker.js' },
    quiet: true,
    onUnhandledFrame: 'bypass',
  });
  await mock.ready;
  return { store: mock.store, clock: mock.clock, stop: async () => await worker.stop() };
}
