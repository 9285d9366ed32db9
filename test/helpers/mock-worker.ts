/**
 * Starts the msw worker in the test page with a fresh mock API, so browser tests talk to
 * the same rules as the reference server. Faults (network, server) are added per test.
 */
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { createMockApi, type MockApiOptions } from '../../mocks/index.ts';

const worker = setupWorker();
let started: Promise<unknown> | undefined;
let current: ReturnType<typeof createMockApi>['handlers'] = [];

export const MOCK_BASE_URL = '/api/v1/';

/** A request the page sent, as it left (retries by the SDK each count). */
export interface SeenRequest {
  method: string;
  url: string;
  idempotencyKey: string | null;
  /** The body, read as JSON. */
  json: () => Promise<unknown>;
}

/** A fresh, seeded mock API behind the page's fetch. */
export async function useMockApi(options: MockApiOptions = {}) {
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  await started;
  const mock = createMockApi({ baseUrl: MOCK_BASE_URL, ...options });
  current = mock.handlers;
  worker.resetHandlers(...current);
  await mock.ready;
  const requests: SeenRequest[] = [];
  const traffic = { inFlight: 0 };
  worker.events.removeAllListeners('request:start');
  worker.events.removeAllListeners('request:end');
  worker.events.on('request:start', ({ request }) => {
    traffic.inFlight++;
    const body = request.clone().text();
    const json = async () => JSON.parse(await body) as unknown;
    requests.push({
      method: request.method,
      url: request.url,
      idempotencyKey: request.headers.get('Idempotency-Key'),
      json,
    });
  });
  worker.events.on('request:end', () => void traffic.inFlight--);
  /** True when no request is on its way. */
  const idle = () => traffic.inFlight === 0;
  return { ...mock, requests, idle };
}

/**
 * Matching requests fail until {@link heal} (the SDK retries, so once is not enough):
 * `network` drops them, a number answers with that status.
 */
export function fail(method: 'get' | 'post', path: string, how: 'network' | number) {
  worker.use(
    http[method](`${MOCK_BASE_URL}${path}`, () =>
      how === 'network'
        ? HttpResponse.error()
        : HttpResponse.json(
            { type: 'about:blank', title: 'Down', status: how, code: 'server_error', detail: 'Down' },
            { status: how, headers: { 'Content-Type': 'application/problem+json' } },
          ),
    ),
  );
}

/** Matching requests wait until the returned function is called; then the mock answers them. */
export function hold(method: 'get' | 'post', path: string): () => void {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  // A handler that answers nothing passes the request on to the mock's own.
  worker.use(http[method](`${MOCK_BASE_URL}${path}`, () => released.then(() => undefined)));
  return () => release();
}

/** Takes away the faults; the mock answers normally again. */
export function heal() {
  worker.resetHandlers(...current);
}
