/** The msw handlers simulate delivery: integrators can see and test "Not delivered" and retries. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createMockApi } from '../../mocks/index.ts';
import { createInvitationsClient } from '../../sdk/index.ts';
import { retryDelay } from '../../api/jobs/worker.ts';
import { waitFor } from '../helpers/wait-for.ts';

const baseUrl = 'http://lms.test/api/v1/';
const server = setupServer();
before(() => server.listen({ onUnhandledFrame: 'error' }));
after(() => server.close());

async function mockWith(options: Parameters<typeof createMockApi>[0] = {}) {
  const mock = createMockApi({ baseUrl, ...options });
  server.resetHandlers(...mock.handlers);
  await mock.ready;
  return createInvitationsClient({ baseUrl, getToken: () => 'demo-admin', retry: 0 });
}

describe('simulated delivery in the mocks', () => {
  it('refuses addresses at undeliverable.example for good, and lists them with delivery=failed', async () => {
    const admin = await mockWith();
    await admin.invitations.create('demo', {
      batches: [{ role: 'learner', emails: ['ok@x.org', 'bounce@undeliverable.example'] }],
    });
    const failed = await waitFor(async () => {
      const page = await admin.invitations.list('demo', { delivery: 'failed' });
      return page.total === 1 && page.items[0];
    }, 'the refusal');
    assert.equal(failed.email, 'bounce@undeliverable.example');
    assert.deepEqual(
      { ...failed.delivery, lastAttemptAt: null },
      {
        status: 'failed',
        attempts: 1,
        lastAttemptAt: null,
        error: 'The mail server refused it: 550 5.1.1 Mailbox unavailable (simulated)',
      },
    );
    assert.equal((await admin.demo.outbox({ to: 'ok@x.org' })).items.length, 1);
  });

  it('fails the addresses an integrator chooses temporarily, and tries them again as the clock moves', async () => {
    const admin = await mockWith({ deliveryFailure: (email) => (email.startsWith('later') ? 'temporary' : undefined) });
    await admin.invitations.create('demo', { batches: [{ role: 'learner', emails: ['later@x.org'] }] });
    await admin.demo.outbox();
    await admin.demo.advanceClock(retryDelay(1));
    const [invitation] = (await admin.invitations.list('demo', { delivery: 'retrying' })).items;
    assert.equal(invitation?.email, 'later@x.org');
    assert.equal(invitation?.delivery.attempts, 2);
    assert.match(invitation?.delivery.error ?? '', /451 4\.3\.0 Try again later/);
  });
});
