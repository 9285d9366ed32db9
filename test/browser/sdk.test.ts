/** The SDK in a real browser, against the msw handlers in a service worker. */
import { expect } from '@open-wc/testing';
import { createInvitationsClient, SeatsExhaustedError } from '../../sdk/index.ts';
import { useMockApi, MOCK_BASE_URL } from '../helpers/mock-worker.ts';

describe('SDK in the browser', () => {
  const client = createInvitationsClient({ baseUrl: MOCK_BASE_URL, getToken: () => 'demo-admin', retry: 0 });

  it('resolves a relative base URL against the page and reads the group', async () => {
    await useMockApi();
    const group = await client.group.get('demo');
    expect(group.seats).to.deep.equal({ total: 25, active: 10, pending: 4, expired: 3, available: 8 });
  });

  it('invites, lists and removes, with seats following', async () => {
    await useMockApi();
    const invited = await client.invitations.create('demo', {
      batches: [{ role: 'learner', emails: ['b1@x.org', 'b2@x.org'] }],
    });
    expect(invited.results.map((r) => r.status)).to.deep.equal(['invited', 'invited']);
    expect(invited.seats.available).to.equal(6);
    const ids: string[] = [];
    for await (const invitation of client.invitations.list('demo', { q: '@x.org', limit: 1 })) ids.push(invitation.id);
    expect(ids).to.have.length(2);
    const removed = await client.invitations.remove('demo', ids);
    expect(removed.seats.available).to.equal(8);
  });

  it('throws typed errors', async () => {
    await useMockApi();
    const emails = Array.from({ length: 9 }, (_, i) => `c${i}@x.org`);
    const error = await client.invitations.create('demo', { batches: [{ role: 'learner', emails }] }).catch((e) => e);
    expect(error).to.be.instanceOf(SeatsExhaustedError);
    expect(error.required).to.equal(9);
  });

  it('can be aborted', async () => {
    await useMockApi({ latency: 300 });
    const controller = new AbortController();
    const pending = client.group.get('demo', { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e) => e);
    expect(error.name).to.equal('AbortError');
  });
});
