/** The SDK's transport over real HTTP: retries, Retry-After, timeouts, abort, auth, errors. */
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  createInvitationsClient,
  ApiError,
  InvalidResponseError,
  NetworkError,
  SeatsExhaustedError,
  TimeoutError,
  RateLimitedError,
  TooManyEmailsError,
  type ClientOptions,
} from '../../sdk/index.ts';
import { problemBody, scriptedServer, type Step } from '../helpers/scripted-server.ts';

const group = { id: 'g', name: 'G', seats: { total: 5, active: 1, pending: 1, expired: 1, available: 2 } };
const seats = group.seats;
const emptyInvite = { results: [], seats };
const fastRetry = { limit: 2, backoffLimit: 10 };

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function setUp(script: Step[] | ((index: number) => Step), options: Partial<ClientOptions> = {}) {
  const server = await scriptedServer(script);
  close = server.close;
  const client = createInvitationsClient({
    baseUrl: server.baseUrl,
    getToken: () => 'secret-token-123',
    retry: fastRetry,
    ...options,
  });
  return { client, received: server.received, heard: server.heard };
}

describe('retries', () => {
  it('retries a GET on 5xx, 408 and 429 and then succeeds: exactly three requests', async () => {
    const { client, received } = await setUp([
      { status: 503, body: problemBody(503, 'server_error') },
      { status: 408 },
      { body: group },
    ]);
    assert.deepEqual(await client.group.get('g'), group);
    assert.equal(received.length, 3);
  });

  it('gives up after the limit: 1 + 2 requests, then a server_error', async () => {
    const { client, received } = await setUp([{ status: 500, body: 'boom' }]);
    await assert.rejects(
      client.group.get('g'),
      (error) => error instanceof ApiError && error.code === 'server_error' && error.status === 500,
    );
    assert.equal(received.length, 3);
  });

  it('honours a custom limit', async () => {
    const { client, received } = await setUp([{ status: 502 }], { retry: { limit: 4, backoffLimit: 5 } });
    await assert.rejects(client.group.get('g'));
    assert.equal(received.length, 5);
  });

  it('retries a POST with the same Idempotency-Key each time', async () => {
    const { client, received } = await setUp([{ status: 502 }, { status: 504 }, { status: 201, body: emptyInvite }]);
    await client.invitations.create('g', { batches: [{ role: 'learner', emails: ['a@b.co'] }] });
    assert.equal(received.length, 3);
    const keys = received.map((r) => r.headers['idempotency-key']);
    assert.ok(keys[0] && keys[0].length >= 16);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
    assert.deepEqual(
      received.map((r) => r.method),
      ['POST', 'POST', 'POST'],
    );
  });

  it('uses a new Idempotency-Key for each call', async () => {
    const { client, received } = await setUp([{ status: 201, body: emptyInvite }]);
    await client.invitations.create('g', { batches: [{ role: 'learner', emails: ['a@b.co'] }] });
    await client.invitations.create('g', { batches: [{ role: 'learner', emails: ['a@b.co'] }] });
    assert.notEqual(received[0]!.headers['idempotency-key'], received[1]!.headers['idempotency-key']);
    assert.equal(received[0]!.headers['content-type'], 'application/json');
  });

  for (const [status, code] of [
    [400, 'malformed_request'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'subgroup_exists'],
    [410, 'invitation_expired'],
    [413, 'too_many_emails'],
    [422, 'validation_failed'],
  ] as const) {
    it(`never retries ${status} ${code}`, async () => {
      const { client, received } = await setUp([{ status, body: problemBody(status, code) }]);
      await assert.rejects(client.subgroups.create('g', { name: 'x' }), { code, status });
      assert.equal(received.length, 1);
    });
  }

  it('retries a dropped connection, then reports a NetworkError with status 0', async () => {
    const { client, received } = await setUp([{ hangUp: true }]);
    const error = await client.group.get('g').catch((e) => e);
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.code, 'network_error');
    assert.equal(error.status, 0);
    assert.equal(received.length, 3);
  });

  it('reports an unreachable server as a NetworkError', async () => {
    const client = createInvitationsClient({ baseUrl: 'http://127.0.0.1:9/api/v1/', retry: 0 });
    await assert.rejects(client.group.get('g'), NetworkError);
  });
});

describe('Retry-After', () => {
  it('waits the seconds a 429 asks for before retrying', async () => {
    const { client, received } = await setUp([
      { status: 429, headers: { 'Retry-After': '1' }, body: problemBody(429, 'rate_limited') },
      { body: group },
    ]);
    const started = Date.now();
    await client.group.get('g');
    assert.equal(received.length, 2);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  });

  it('caps a long Retry-After at maxRetryAfter', async () => {
    const { client, received } = await setUp([{ status: 503, headers: { 'Retry-After': '3600' } }, { body: group }], {
      retry: { limit: 1, maxRetryAfter: 50 },
    });
    const started = Date.now();
    await client.group.get('g');
    assert.equal(received.length, 2);
    assert.ok(Date.now() - started < 3000);
  });

  it('reports a 429 that outlasts the retries as RateLimitedError with retryAfter', async () => {
    const { client, received } = await setUp([
      { status: 429, headers: { 'Retry-After': '0' }, body: problemBody(429, 'rate_limited') },
    ]);
    const error = await client.group.get('g').catch((e) => e);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfter, 0);
    assert.equal(received.length, 3);
  });
});

describe('timeouts and abort', () => {
  it('gives up on a slow answer with a TimeoutError', async () => {
    const { client, received } = await setUp([{ delay: 1500, body: group }], { timeout: 300 });
    const error = await client.group.get('g').catch((e) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /did not answer/);
    assert.equal(received.length, 1);
  });

  it('stops when the caller aborts, with an AbortError, and does not retry', async () => {
    const { client, received, heard } = await setUp([{ delay: 300, body: group }]);
    const controller = new AbortController();
    void heard().then(() => controller.abort());
    await assert.rejects(client.group.get('g', { signal: controller.signal }), { name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal(received.length, 1);
  });

  it('stops waiting between retries when aborted', async () => {
    const { client, received, heard } = await setUp([{ status: 503, headers: { 'Retry-After': '5' } }], {
      retry: { limit: 2, maxRetryAfter: 5000 },
    });
    const controller = new AbortController();
    // The 503 is answered at once; 100 ms after it arrived the client is waiting out Retry-After.
    void heard().then(() => setTimeout(() => controller.abort(), 100));
    const started = Date.now();
    await assert.rejects(client.group.get('g', { signal: controller.signal }), { name: 'AbortError' });
    assert.ok(Date.now() - started < 2000);
    assert.equal(received.length, 1);
  });

  it('rejects at once with an already aborted signal', async () => {
    const { client, received } = await setUp([{ body: group }]);
    await assert.rejects(client.group.get('g', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(received.length, 0);
  });
});

describe('auth', () => {
  it('asks for a token for every request and sends it as a bearer token', async () => {
    let calls = 0;
    const { client, received } = await setUp([{ body: group }], { getToken: async () => `t${++calls}` });
    await client.group.get('g');
    await client.group.get('g');
    assert.deepEqual(
      received.map((r) => r.headers.authorization),
      ['Bearer t1', 'Bearer t2'],
    );
  });

  it('after a 401 asks once more for a token and repeats the request with it', async () => {
    let calls = 0;
    const { client, received } = await setUp(
      [{ status: 401, body: problemBody(401, 'unauthenticated') }, { body: group }],
      {
        getToken: () => `t${++calls}`,
      },
    );
    assert.deepEqual(await client.group.get('g'), group);
    assert.equal(calls, 2);
    assert.deepEqual(
      received.map((r) => r.headers.authorization),
      ['Bearer t1', 'Bearer t2'],
    );
  });

  it('a second 401 is reported, not retried again', async () => {
    let calls = 0;
    const { client, received } = await setUp([{ status: 401, body: problemBody(401, 'unauthenticated') }], {
      getToken: () => `t${++calls}`,
    });
    await assert.rejects(client.group.get('g'), { code: 'unauthenticated', status: 401 });
    assert.equal(received.length, 2);
    assert.equal(calls, 2);
  });

  it('sends no Authorization header without a token provider', async () => {
    const { client, received } = await setUp([{ body: group }], { getToken: undefined });
    await client.group.get('g');
    assert.equal(received[0]!.headers.authorization, undefined);
  });

  it('never puts the token in an error', async () => {
    for (const step of [
      { status: 403, body: problemBody(403, 'forbidden') },
      { status: 500 },
      { body: { nope: 1 } },
      { hangUp: true },
    ]) {
      const { client } = await setUp([step]);
      const error = await client.group.get('g').catch((e) => e);
      assert.ok(error instanceof Error);
      const everything = `${error.message} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
      assert.doesNotMatch(everything, /secret-token-123/);
      await close?.();
      close = undefined;
    }
  });
});

describe('errors and responses', () => {
  it('turns seats_exhausted into SeatsExhaustedError with the seat numbers', async () => {
    const { client } = await setUp([
      { status: 409, body: problemBody(409, 'seats_exhausted', { seats: { ...seats, available: 0 }, required: 3 }) },
    ]);
    const error = await client.invitations
      .create('g', { batches: [{ role: 'learner', emails: ['a@b.co'] }] })
      .catch((e) => e);
    assert.ok(error instanceof SeatsExhaustedError);
    assert.equal(error.required, 3);
    assert.equal(error.seats.available, 0);
    assert.equal(error.message, 'detail of seats_exhausted');
    assert.equal(error.request?.method, 'POST');
    assert.match(error.request?.url ?? '', /groups\/g\/invitations$/);
  });

  it('refuses an invite of more than 500 addresses with TooManyEmailsError, before sending anything', async () => {
    const { client, received } = await setUp([{ body: emptyInvite }]);
    const emails = Array.from({ length: 501 }, (_, i) => `p${i}@b.co`);
    const error = await client.invitations
      .create('g', {
        batches: [
          { role: 'learner', emails: emails.slice(0, 300) },
          { role: 'admin', emails: emails.slice(300) },
        ],
      })
      .catch((e) => e);
    assert.ok(error instanceof TooManyEmailsError);
    assert.equal(error.code, 'too_many_emails');
    assert.equal(error.status, 0);
    assert.equal(error.limit, 500);
    assert.match(error.message, /at most 500 addresses; this one has 501/);
    assert.equal(received.length, 0);
  });

  it("turns a server's 413 too_many_emails into TooManyEmailsError", async () => {
    const { client } = await setUp([{ status: 413, body: problemBody(413, 'too_many_emails') }]);
    const error = await client.invitations
      .create('g', { batches: [{ role: 'learner', emails: ['a@b.co'] }] })
      .catch((e) => e);
    assert.ok(error instanceof TooManyEmailsError);
    assert.equal(error.status, 413);
  });

  it('a body that breaks the contract is an InvalidResponseError, not a crash later', async () => {
    const { client } = await setUp([{ body: { ...group, seats: { total: 'many' } } }]);
    const error = await client.group.get('g').catch((e) => e);
    assert.ok(error instanceof InvalidResponseError);
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /seats/);
  });

  it('a body that is not JSON is an InvalidResponseError', async () => {
    const { client } = await setUp([
      { body: '<html>proxy error</html>', headers: { 'Content-Type': 'application/json' } },
    ]);
    await assert.rejects(client.group.get('g'), InvalidResponseError);
  });

  it('an error without a problem body still says what happened', async () => {
    const { client } = await setUp([{ status: 404, body: 'nothing' }]);
    const error = await client.group.get('g').catch((e) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'http_error');
    assert.match(error.message, /HTTP 404/);
  });

  it('a 204 resolves with nothing', async () => {
    const { client, received } = await setUp([{ status: 204 }]);
    assert.equal(await client.subgroups.remove('g', 's 1'), undefined);
    assert.equal(received[0]!.method, 'DELETE');
    assert.equal(received[0]!.url, '/api/v1/groups/g/subgroups/s%201');
  });
});

describe('lists', () => {
  const invitation = (n: number) => ({
    id: `inv_${n}`,
    email: `p${n}@x.org`,
    role: 'learner',
    subgroup: null,
    status: 'pending',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSentAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-11T00:00:00.000Z',
    sendCount: 1,
    invitedBy: { id: 'usr_1', email: 'a@x.org' },
    delivery: { status: 'sent', attempts: 1, lastAttemptAt: '2026-01-01T00:00:01.000Z', error: null },
  });

  it('a list call is its first page, and iterates over every page following the cursor', async () => {
    const pages = [
      { items: [invitation(1), invitation(2)], nextCursor: 'c2', total: 5 },
      { items: [invitation(3), invitation(4)], nextCursor: 'c3', total: 5 },
      { items: [invitation(5)], nextCursor: null, total: 5 },
    ];
    const { client, received } = await setUp((index) => ({ body: pages[Math.max(0, index - 1)] }));
    const first = await client.invitations.list('g', { status: 'expired', limit: 2 });
    assert.equal(first.items.length, 2);
    assert.equal(received[0]!.url, '/api/v1/groups/g/invitations?status=expired&limit=2');
    const ids = [];
    for await (const item of client.invitations.list('g', { status: 'expired', limit: 2 })) ids.push(item.id);
    assert.deepEqual(ids, ['inv_1', 'inv_2', 'inv_3', 'inv_4', 'inv_5']);
    assert.deepEqual(
      received.slice(1).map((r) => new URL(r.url, 'http://x').searchParams.get('cursor')),
      [null, 'c2', 'c3'],
    );
  });

  it('checks query values before sending', async () => {
    const { client, received } = await setUp([{ body: {} }]);
    await assert.rejects(async () => client.invitations.list('g', { limit: 999 }), { code: 'validation_failed' });
    assert.equal(received.length, 0);
  });
});
