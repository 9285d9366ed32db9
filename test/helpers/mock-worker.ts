/**
 * Starts the msw worker in the test page with a fresh mock API, so browser tests talk to
 * the same rules as the reference server.
 */
import { setupWorker } from 'msw/browser';
import { createMockApi, type MockApiOptions } from '../../mocks/index.ts';

const worker = setupWorker();
let started: Promise<unknown> | undefined;

export const MOCK_BASE_URL = '/api/v1/';

/** A fresh, seeded mock API behind the page's fetch. */
export async function useMockApi(options: MockApiOptions = {}) {
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  await started;
  const mock = createMockApi({ baseUrl: MOCK_BASE_URL, ...options });
  worker.resetHandlers(...mock.handlers);
  await mock.ready;
  return mock;
}
