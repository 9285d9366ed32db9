/**
 * Signed webhooks over real HTTP: the reference server with WEBHOOK_URL and WEBHOOK_SECRET set,
 * and a receiver on loopback that checks every delivery with the `standardwebhooks` package.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createInvitationsClient } from '../../sdk/index.ts';
import { createServer } from '../../demo/server/app.ts';
import { listenReferenceServer } from '../helpers/browser.ts';
import { waitFor } from '../helpers/wait-for.ts';

const SECRET = `whsec_${Buffer.from('thirty-two bytes of test secret!').toString('base64')}`;
const G = 'demo';

interface Call {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback that records each call and answers it as `answer` says. */
async function startReceiver(answer: (call: Call, index: number, response: ServerResponse) => void) {
  const calls: Call[] = [];
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      answer(call, calls.length - 1, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, calls, close };
}

async function startApi(webhookUrl: string) {
  const api = await listenReferenceServer({ webhookUrl, webhookSecret: SECRET });
  const admin = createInvitationsClient({ baseUrl: `${api.origin}/api/v1/`, getToken: () => 'demo-admin', retry: 0 });
  return { api, admin };
}

describe('signed webhooks', () => {
  it('retries a failed delivery with the same webhook-id, then delivers every event in order, each verified', async () => {
    const receiver = await startReceiver((_call, index, response) => response.writeHead(index === 0 ? 500 : 204).end());
    const { api, admin } = await startApi(receiver.url);
    try {
      const cardiology = await admin.subgroups.create(G, { name: 'Cardiology' });
      await admin.subgroups.rename(G, cardiology.id, { name: 'Cardiology Unit' });
      await admin.members.deactivate(G, 'usr_marco');
      await waitFor(() => receiver.calls.length === 1, 'the first call');
      // The failed event waits a minute (the worker's first backoff), and the group's later events behind it.
      await admin.demo.advanceClock(61_000);
      await waitFor(() => receiver.calls.length === 4, 'the retry and the two later events');

      const hook = new Webhook(SECRET);
      const events = receiver.calls.map((call) => hook.verify(call.body, call.headers as Record<string, string>));
      const ids = receiver.calls.map((call) => call.headers['webhook-id']);
      assert.equal(ids[1], ids[0], 'the retry carries the same webhook-id');
      const log = (await admin.activity.list(G)).items.reverse();
      assert.deepEqual(
        ids.slice(1),
        log.map((event) => event.id),
        'one delivery per event, in the order they happened',
      );
      assert.deepEqual(
        events.slice(1).map((event) => (event as { type: string }).type),
        ['subgroup.created', 'subgroup.renamed', 'member.deactivated'],
      );
      assert.deepEqual(events[3], {
        type: 'member.deactivated',
        timestamp: log[2]?.occurredAt,
        data: { groupId: G, ...log[2] },
      });
    } finally {
      await receiver.close();
      await api.close();
    }
  });

  it('answers the admin at once while the receiver does not answer', async () => {
    const receiver = await startReceiver(() => undefined); // never answers
    const { api, admin } = await startApi(receiver.url);
    try {
      await admin.subgroups.create(G, { name: 'Cardiology' });
      await waitFor(() => receiver.calls.length === 1, 'the first call');
      const oncology = await admin.subgroups.create(G, { name: 'Oncology' });
      assert.equal(oncology.name, 'Oncology');
      assert.equal(receiver.calls.length, 1, 'the next event waits for the first one');
    } finally {
      await receiver.close();
      await api.close();
    }
  });

  it('refuses to start with a secret that is not whsec_ and base64', async () => {
    const options = { database: ':memory:', publicUrl: 'http://localhost', demo: true };
    await assert.rejects(
      createServer({ ...options, webhookUrl: 'http://127.0.0.1:9/hooks', webhookSecret: 'hunter2' }),
      /WEBHOOK_SECRET must be whsec_/,
    );
  });
});
