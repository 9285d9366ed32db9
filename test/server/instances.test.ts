/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: the seat rule,
 * idempotency keys and single-use tokens hold across them, through the database alone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../helpers/wait-for.ts';
import { createServer } from '../../demo/server/app.ts';
import { createInvitationsClient, SeatsExhaustedError, type InvitationsClient } from '../../sdk/index.ts';
import { listen } from '../helpers/browser.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/postgres.ts';

const G = 'demo';
/** Instances behind one load balancer share the secret their idempotency fingerprints are keyed with. */
const SECRET = 'shared by both instances';
type Instance = { baseUrl: string; admin: InvitationsClient; close(): Promise<void> };

let postgres: ThrowawayPostgres;
let instances: Instance[];

/** Starts one instance on the database at `url`. */
async function instance(url: string): Promise<Instance> {
  const server = await createServer({
    database: url,
    publicUrl: 'http://localhost',
    demo: true,
    idempotencySecret: SECRET,
  });
  const http = await listen(() => server.app.fetch);
  const baseUrl = `${http.origin}/api/v1/`;
  return {
    baseUrl,
    admin: createInvitationsClient({ baseUrl, retry: 0, getToken: () => 'demo-admin' }),
    close: async () => {
      await http.close();
      await server.close();
    },
  };
}

/** Instance `i % 2`: requests alternate between the two. */
const at = (i: number) => instances[i % 2]!;

before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

describe('two demo instances starting together on one empty PostgreSQL', () => {
  it('both start, and the demo group is seeded once', async () => {
    const url = await postgres.createDatabase();
    const started = await Promise.allSettled([instance(url), instance(url)]);
    const pair = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      assert.equal(pair.length, 2, String(started.map((result) => result.status === 'rejected' && result.reason)));
      assert.equal((await pair[0]!.admin.invitations.list(G, {})).total, 7);
      assert.equal((await pair[1]!.admin.demo.outbox({})).items.length, 7);
    } finally {
      await Promise.all(pair.map((i) => i.close()));
    }
  });
});

describe('two instances on one PostgreSQL', () => {
  before(async () => {
    const url = await postgres.createDatabase();
    // One after the other: the first migrates and seeds, the second finds both done.
    instances = [await instance(url), await instance(url)];
  });
  after(() => Promise.all(instances.map((i) => i.close())));

  it('creates exactly one of 20 parallel invites for the last seat, split across both', async () => {
    const { available } = (await at(0).admin.group.get(G)).seats;
    const fillers = Array.from({ length: available - 1 }, (_, i) => `filler${i}@fill.example`);
    await at(0).admin.invitations.create(G, { batches: [{ role: 'learner', emails: fillers }] });
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        at(i).admin.invitations.create(G, { batches: [{ role: 'learner', emails: [`p${i}@race.example`] }] }),
      ),
    );
    assert.equal(attempts.filter((a) => a.status === 'fulfilled').length, 1);
    const refusals = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
    assert.ok(
      refusals.every((reason) => reason instanceof SeatsExhaustedError),
      String(refusals[0]),
    );
    assert.equal((await at(1).admin.invitations.list(G, { q: '@race.example' })).total, 1);
    assert.equal((await at(1).admin.group.get(G)).seats.available, 0);
  });

  it('answers the same Idempotency-Key sent to both with one invitation and one email', async () => {
    await at(0).admin.invitations.remove(
      G,
      (await at(0).admin.invitations.list(G, { q: 'filler' })).items.map((i) => i.id),
    );
    const send = (i: number) =>
      fetch(new URL(`groups/${G}/invitations`, at(i).baseUrl), {
        method: 'POST',
        headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json', 'Idempotency-Key': 'twice' },
        body: JSON.stringify({ batches: [{ role: 'learner', emails: ['once@both.example'] }] }),
      });
    const answers = await Promise.all([send(0), send(1), send(2), send(3)]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 201, 201],
    );
    const bodies = await Promise.all(answers.map((a) => a.json()));
    assert.ok(bodies.every((body) => JSON.stringify(body) === JSON.stringify(bodies[0])));
    assert.equal((await at(0).admin.invitations.list(G, { q: 'once@both' })).total, 1);
    // Either instance's worker may be sending it: wait for it to arrive, then count.
    const outbox = () => at(1).admin.demo.outbox({ to: 'once@both.example' });
    await waitFor(async () => (await outbox()).items.length > 0, 'the email');
    assert.equal((await outbox()).items.length, 1);
  });

  it('makes one member of 20 parallel accepts of one token, split across both', async () => {
    const [mail] = (await at(0).admin.demo.outbox({ to: 'once@both.example' })).items;
    const token = new URL(mail!.acceptUrl).searchParams.get('token') ?? '';
    const accepts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(new URL(`invitations/${token}/accept`, at(i).baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `Once ${i}`, password: 'a long enough password' }),
        }),
      ),
    );
    const statuses = accepts.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join());
    assert.equal(statuses.filter((s) => s === 404).length, 19, statuses.join());
    assert.equal((await at(1).admin.members.list(G, { q: 'once@both' })).total, 1);
  });
});
