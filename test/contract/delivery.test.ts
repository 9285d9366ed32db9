/**
 * Delivery over real HTTP with a real SMTP server on loopback: the invite answers as soon as
 * it committed, whatever the mail server does, and `delivery` tells what became of the email.
 */
import { describe, it } from 'node:test';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import assert from 'node:assert/strict';
import { createInvitationsClient, type Invitation } from '../../sdk/index.ts';
import { retryDelay } from '../../api/jobs/worker.ts';
import { listenReferenceServer } from '../helpers/browser.ts';
import { freePort } from '../helpers/free-port.ts';
import { startSmtpServer, type Refusal } from '../helpers/smtp-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const G = 'demo';

/** The reference server (SQLite, demo mode) sending through `smtpPort`, and an admin's client. */
async function serverSendingTo(smtpPort: number) {
  const server = await listenReferenceServer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
  const admin = createInvitationsClient({
    baseUrl: `${server.origin}/api/v1/`,
    getToken: () => 'demo-admin',
    retry: 0,
  });
  const invitation = async (email: string): Promise<Invitation> => {
    const [found] = (await admin.invitations.list(G, { q: email })).items;
    assert.ok(found, `${email} is listed`);
    return found;
  };
  const deliveryOf = async (email: string) => (await invitation(email)).delivery;
  return { server, admin, invitation, deliveryOf };
}

const refuseWith = (code: number, text: string): Refusal => ({ code, text });

describe('delivery through SMTP', () => {
  it('answers 201 invited at once, retries two temporary refusals, and sends exactly one message', async () => {
    const smtp = await startSmtpServer({
      refuse: (to, attempt) => (to === 'flaky@x.org' && attempt <= 2 ? refuseWith(451, 'Try again later') : undefined),
    });
    const { server, admin, deliveryOf } = await serverSendingTo(smtp.port);
    try {
      const answer = await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['flaky@x.org'] }] });
      assert.equal(answer.results[0]?.status, 'invited');
      assert.equal(answer.results[0]?.invitation?.delivery.status, 'queued');

      const first = await waitFor(async () => {
        const delivery = await deliveryOf('flaky@x.org');
        return delivery.attempts === 1 && delivery;
      }, 'the first attempt');
      assert.equal(first.status, 'retrying');
      assert.match(first.error ?? '', /451 Try again later/);
      await admin.demo.advanceClock(retryDelay(1));
      assert.deepEqual(
        { ...(await deliveryOf('flaky@x.org')), lastAttemptAt: null, error: null },
        { status: 'retrying', attempts: 2, lastAttemptAt: null, error: null },
      );
      await admin.demo.advanceClock(retryDelay(2));
      const sent = await deliveryOf('flaky@x.org');
      assert.deepEqual(
        { status: sent.status, attempts: sent.attempts, error: sent.error },
        {
          status: 'sent',
          attempts: 3,
          error: null,
        },
      );
      await admin.demo.advanceClock(retryDelay(3));
      assert.equal(smtp.received.filter((message) => message.to === 'flaky@x.org').length, 1);
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('stops after one attempt when the address is refused for good, and says why', async () => {
    const smtp = await startSmtpServer({
      refuse: (to) => (to === 'nobody@x.org' ? refuseWith(550, '5.1.1 No such mailbox here') : undefined),
    });
    const { server, admin, deliveryOf } = await serverSendingTo(smtp.port);
    try {
      await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['nobody@x.org'] }] });
      const failed = await waitFor(async () => {
        const delivery = await deliveryOf('nobody@x.org');
        return delivery.status === 'failed' && delivery;
      }, 'the refusal');
      assert.equal(failed.attempts, 1);
      assert.match(failed.error ?? '', /^The mail server refused it: 550 5\.1\.1 No such mailbox here$/);
      await admin.demo.advanceClock(retryDelay(1) * 100);
      assert.equal(smtp.attemptsFor('nobody@x.org'), 1);
      assert.equal((await deliveryOf('nobody@x.org')).attempts, 1);
      const [logged] = (await admin.activity.list(G, { type: 'invitation.delivery_failed' })).items;
      assert.equal(logged?.reason, failed.error);
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('never turns an unreachable mail server into a 5xx or an "already invited"; resend stays consistent', async () => {
    const { server, admin, deliveryOf } = await serverSendingTo(await freePort());
    try {
      const emails = Array.from({ length: 6 }, (_, i) => `down${i}@x.org`);
      const answer = await admin.invitations.create(G, { batches: [{ role: 'learner', emails: emails.slice(0, 4) }] });
      assert.deepEqual(new Set(answer.results.map((result) => result.status)), new Set(['invited']));
      const retrying = await waitFor(async () => {
        const delivery = await deliveryOf('down0@x.org');
        return delivery.status === 'retrying' && delivery;
      }, 'the first failed attempt');
      assert.equal(retrying.error, 'The mail server could not be reached.');
      await admin.demo.advanceClock(61_000);
      const [resent] = (await admin.invitations.resend(G, [answer.results[0]?.invitation?.id ?? ''])).results;
      assert.equal(resent?.status, 'resent');
      assert.equal(resent?.invitation?.delivery.status, 'queued');
      const again = await waitFor(async () => {
        const delivery = await deliveryOf('down0@x.org');
        return delivery.status === 'retrying' && delivery;
      }, 'the new send to fail once');
      assert.equal(again.attempts, 1, 'the resend starts its own count');
      const more = await admin.invitations.create(G, { batches: [{ role: 'learner', emails: emails.slice(2) }] });
      assert.deepEqual(
        more.results.map((result) => result.status),
        ['already_invited', 'already_invited', 'invited', 'invited'],
      );
    } finally {
      await server.close();
    }
  });

  it('answers at once when the mail server never greets, and calls that a timeout to try again', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { server, admin, deliveryOf } = await serverSendingTo((silent.address() as AddressInfo).port);
    try {
      const answer = await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['mute@x.org'] }] });
      assert.equal(answer.results[0]?.invitation?.delivery.status, 'queued');
      const retrying = await waitFor(
        async () => {
          const delivery = await deliveryOf('mute@x.org');
          return delivery.status === 'retrying' && delivery;
        },
        'the greeting to time out (10 s)',
        20_000,
      );
      assert.equal(retrying.error, 'The mail server did not answer in time.');
    } finally {
      await server.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
