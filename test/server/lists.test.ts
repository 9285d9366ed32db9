/**
 * Lists at scale, on every store (SQLite, PostgreSQL, memory): a walk through the pages sees every row exactly once
 * while rows come and go between pages, and the counts the stores keep (seats, list
 * totals, subgroup counts) equal a full recount after a series of admin actions.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createApiApp } from '../../api/http/app.ts';
import { createClock } from '../../api/domain/clock.ts';
import { hashPassword } from '../../api/domain/passwords.ts';
import { demoAuthenticate, seedDemo, DEMO_GROUP_ID } from '../../api/domain/seed.ts';
import { outboxMailer } from '../../api/mail/mailer.ts';
import { createMemoryStore } from '../../api/store/memory-store.ts';
import { openPostgresStore } from '../../api/store/postgres-store.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/postgres.ts';
import { sqliteFiles } from '../helpers/sqlite-files.ts';
import type { InvitationRow, Store } from '../../api/store/store.ts';
import { createInvitationsClient, type InvitationsClient } from '../../sdk/index.ts';
import type { Invitation, InvitationQuery, Member } from '../../sdk/schemas.ts';

const DAY = 86_400_000;
let postgres: ThrowawayPostgres;
before(async () => (postgres = await startPostgres()));
after(() => postgres.stop());
const files = sqliteFiles();
after(() => files.remove());

const stores: Array<[string, () => Store | Promise<Store>]> = [
  ['SQLite', () => openSqliteStore(':memory:')],
  ['SQLite file with reader threads', () => files.open({ readers: 2 })],
  ['PostgreSQL', async () => openPostgresStore(await postgres.createDatabase())],
  ['memory', () => createMemoryStore()],
];

async function demoApi(store: Store) {
  const clock = createClock();
  const mailer = outboxMailer(store, () => clock.now());
  const acceptUrl = (token: string) => `http://localhost/accept?token=${token}`;
  await seedDemo({ store, clock, acceptUrl });
  const app = createApiApp({
    ...{ store, clock, mailer, acceptUrl, hashPassword },
    authenticate: demoAuthenticate(store),
    demo: true,
  });
  const as = (token: string) =>
    createInvitationsClient({
      baseUrl: 'http://api.invalid/',
      getToken: () => token,
      fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    });
  const client = as('demo-admin');
  // The worker stops before the store closes: it would otherwise look for jobs in a closed database.
  const close = async () => {
    await app.worker.stop();
    await store.close();
  };
  return { client, as, clock, close };
}

/** An invitation row made directly in the store; `minute` orders it, and rows share minutes. */
function row(n: number, now: number): InvitationRow {
  const at = new Date(now - Math.floor(n / 3) * 60_000).toISOString();
  return {
    ...{ id: `inv_walk_${String(n).padStart(4, '0')}`, groupId: DEMO_GROUP_ID, email: `walker${n}@example.com` },
    ...{ name: null, role: 'learner', subgroupId: n % 4 === 0 ? 'sub_nursing' : null, tokenHash: `hash-${n}` },
    ...{ createdAt: at, lastSentAt: at, expiresAt: new Date(now + (n % 2 ? 1 : -1) * DAY).toISOString() },
    ...{ sendCount: 1, invitedById: 'usr_demo_admin', locale: 'en' },
  };
}

/** Every invitation the list shows, walking its pages with `query`. */
async function everyInvitation(client: InvitationsClient, query: InvitationQuery): Promise<Invitation[]> {
  const all: Invitation[] = [];
  for await (const invitation of client.invitations.list(DEMO_GROUP_ID, { ...query, limit: 100 })) all.push(invitation);
  return all;
}

for (const [name, open] of stores) {
  describe(`lists on the ${name} store`, () => {
    for (const sort of ['-createdAt', 'email', 'lastSentAt'] as const) {
      it(`walks every invitation exactly once by ${sort} while rows are added and removed`, async () => {
        const store = await open();
        const { client, close } = await demoApi(store);
        const now = Date.now();
        for (let n = 0; n < 90; n++) await store.insertInvitation(row(n, now));
        const before = new Set((await everyInvitation(client, {})).map((invitation) => invitation.id));
        const removed = new Set<string>();
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page === 0 || cursor; page++) {
          const { items, nextCursor } = await client.invitations.list(DEMO_GROUP_ID, {
            sort,
            limit: 7,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...items.map((invitation) => invitation.id));
          const gone = `inv_walk_${String(89 - page).padStart(4, '0')}`;
          await client.invitations.remove(DEMO_GROUP_ID, [gone]);
          removed.add(gone);
          await store.insertInvitation(row(1000 + page, now));
          cursor = nextCursor ?? undefined;
        }
        assert.equal(new Set(seen).size, seen.length, 'no row twice');
        const kept = [...before].filter((id) => !removed.has(id));
        assert.deepEqual(
          kept.filter((id) => !seen.includes(id)),
          [],
          'every row that stayed was seen',
        );
        await close();
      });
    }

    it('seeds a group in one request: its lists and seats count every row asked for', async () => {
      const store = await open();
      const { client, close } = await demoApi(store);
      const seed = { groupId: DEMO_GROUP_ID, invitations: 12_000, expired: 5_000, members: 6_000 };
      const { seats } = await client.demo.seed(seed);
      // The demo group had 4 pending and 3 expired invitations, 10 active members and 1 deactivated.
      assert.deepEqual([seats.pending, seats.expired, seats.active], [4 + 7_000, 3 + 5_000, 10 + 5_400]);
      const expired = await client.invitations.list(DEMO_GROUP_ID, { status: 'expired', limit: 1 });
      const members = await client.members.list(DEMO_GROUP_ID, { status: 'deactivated', limit: 1 });
      assert.deepEqual([expired.total, members.total], [3 + 5_000, 1 + 600]);
      await close();
    });

    it('seeds a new group that the demo tokens reach as demo-admin@ and demo-learner@ that group', async () => {
      const store = await open();
      const { client, as, close } = await demoApi(store);
      await client.demo.seed({ groupId: 'big', invitations: 30, expired: 10, members: 5 });
      const { seats, name } = await as('demo-admin@big').group.get('big');
      assert.deepEqual([name, seats.pending, seats.expired], ['Big group big', 20, 10]);
      const me = await as('demo-admin@big').group.me('big');
      assert.deepEqual([me.name, me.role], ['Dana Whitfield', 'admin']);
      await assert.rejects(as('demo-learner@big').invitations.list('big', {}).then(), { status: 403 });
      await assert.rejects(client.group.get('big'), { status: 404 });
      await close();
    });

    it('refuses a cursor made for another sort', async () => {
      const store = await open();
      const { client, close } = await demoApi(store);
      const { nextCursor } = await client.invitations.list(DEMO_GROUP_ID, { sort: 'email', limit: 2 });
      await assert.rejects(
        client.invitations.list(DEMO_GROUP_ID, { sort: 'lastSentAt', cursor: nextCursor ?? '' }).then(),
        {
          status: 422,
        },
      );
      await close();
    });

    it('keeps seats, totals and subgroup counts equal to a full recount after admin actions', async () => {
      const store = await open();
      const { client, clock, close } = await demoApi(store);
      await client.invitations.create(DEMO_GROUP_ID, {
        batches: [
          { role: 'learner', subgroup: { name: 'Pharmacy' }, emails: ['p1@example.com', 'p2@example.com'] },
          { role: 'admin', emails: ['a1@example.com'] },
        ],
      });
      const { items } = await client.invitations.list(DEMO_GROUP_ID, { q: 'p1@' });
      clock.advance(2 * 60_000);
      await client.invitations.resend(
        DEMO_GROUP_ID,
        items.map((invitation) => invitation.id),
      );
      await client.members.deactivate(DEMO_GROUP_ID, 'usr_marco');
      await client.members.reactivate(DEMO_GROUP_ID, 'usr_ruth');
      await client.invitations.remove(DEMO_GROUP_ID, ['inv_seed_1']);
      await client.subgroups.remove(DEMO_GROUP_ID, 'sub_radiology');
      clock.advance(5 * DAY);

      const invitations = await everyInvitation(client, {});
      const members: Member[] = [];
      for await (const member of client.members.list(DEMO_GROUP_ID, { limit: 100 })) members.push(member);
      const expired = invitations.filter((invitation) => invitation.status === 'expired').length;
      const { seats } = await client.group.get(DEMO_GROUP_ID);
      assert.deepEqual(
        { active: seats.active, pending: seats.pending, expired: seats.expired },
        { active: members.filter((m) => m.status === 'active').length, pending: invitations.length - expired, expired },
      );
      const page = await client.invitations.list(DEMO_GROUP_ID, { status: 'expired', limit: 1 });
      assert.equal(page.total, expired);
      const { items: subgroups } = await client.subgroups.list(DEMO_GROUP_ID);
      assert.deepEqual(
        subgroups.map((s) => [s.name, s.memberCount, s.invitationCount]),
        subgroups.map((s) => [
          s.name,
          members.filter((m) => m.subgroup?.id === s.id && m.status === 'active').length,
          invitations.filter((i) => i.subgroup?.id === s.id).length,
        ]),
      );
      await close();
    });
  });
}
