/** The contract suite against the msw handlers (intercepted fetch, in-memory store). */
import { after, before } from 'node:test';
import { setupServer } from 'msw/node';
import { createMockApi } from '../../mocks/index.ts';
import { defineContractSuite } from './suite.ts';

const baseUrl = 'http://lms.test/api/v1/';
const server = setupServer();
before(() => server.listen({ onUnhandledFrame: 'error' }));
after(() => server.close());

defineContractSuite('msw handlers (memory)', async () => {
  const mock = createMockApi({ baseUrl });
  server.resetHandlers(...mock.handlers);
  await mock.ready;
  return {
    baseUrl,
    addGroup: (id) => mock.store.insertGroup({ id, name: 'Another group', totalSeats: 5 }),
    close: () => server.resetHandlers(),
  };
});
