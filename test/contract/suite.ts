/**
 * The contract, as tests. The same suite runs against the reference server over real HTTP
 * and against the msw handlers: a rule that passes on one and fails on the other is a bug.
 */
import { describe, it, beforeEach, afterEach, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createInvitationsClient,
  SeatsExhaustedError,
  ApiError,
  ValidationError,
  type ActivityType,
  type InvitationsClient,
} from '../../sdk/index.ts';
import { knownOf, planInvites } from '../../api/domain/plan-invites.ts';
import { BULK_CHUNK } from '../../api/domain/bulk-invitations.ts';
import { createContractChecker, type Exchange } from '../helpers/contract-checker.ts';

export interface Target {
  baseUrl: string;
  /** Adds a group the demo callers do not belong to. */
  addGroup(id: string): Promise<void>;
  close(): Promise<void> | void;
}

const DAY = 86_400_000;
const G = 'demo';

export function defineContractSuite(name: string, start: () => Promise<Target>) {
  describe(`contract: ${name}`, () => {
    let target: Target;
    let admin: InvitationsClient;
    let learner: InvitationsClient;
    let anonymous: InvitationsClient;
    const checker = createContractChecker();
    let exchanges: Exchange[] = [];
    let validated = 0;
    /** Every request of the suite goes through here, so that each exchange is checked against the document. */
    const recordingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const requestBody = await request.clone().text();
      const response = await fetch(request);
      const url = new URL(request.url);
      const below = url.pathname.slice(new URL(target.baseUrl).pathname.length - 1);
      exchanges.push({
        method: request.method,
        url: new URL(`${below}${url.search}`, 'http://api.invalid'),
        requestHeaders: request.headers,
        requestBody,
        status: response.status,
        responseHeaders: response.headers,
        responseBody: await response.clone().text(),
      });
      return response;
    };
    const raw = (path: string, init: RequestInit = {}, token: string | null = 'demo-admin') =>
      recordingFetch(new URL(path, target.baseUrl), {
        ...init,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(init.headers as Record<string, string>),
        },
      });
    const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      raw(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    const seats = async () => (await admin.group.get(G)).seats;
    /** Invites fillers until only `keep` seats are free (seed: 25 seats, 17 occupied). */
    const leaveFree = async (keep: number) => {
      const now = await seats();
      const extra = keep - now.available;
      if (extra < 0) {
        const emails = Array.from({ length: -extra }, (_, i) => `filler${i}@fill.example`);
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails }] });
      }
    };

    beforeEach(async () => {
      target = await start();
      const make = (token?: string) =>
        createInvitationsClient({
          baseUrl: target.baseUrl,
          retry: 0,
          fetch: recordingFetch,
          ...(token ? { getToken: () => token } : {}),
        });
      admin = make('demo-admin');
      learner = make('demo-learner');
      anonymous = make();
    });
    afterEach(async () => {
      await target.close();
      const mismatches = (await Promise.all(exchanges.map((exchange) => checker.mismatches(exchange)))).flat();
      validated += exchanges.length;
      exchanges = [];
      assert.deepEqual(mismatches, [], 'every request and answer is one the OpenAPI document lists');
    });
    after(() => console.log(`# ${name}: ${validated} requests and responses validated against the OpenAPI document`));

    describe('group and me', () => {
      it('shows the seeded group with its seats', async () => {
        const group = await admin.group.get(G);
        assert.equal(group.id, G);
        assert.deepEqual(group.seats, { total: 25, active: 10, pending: 4, expired: 3, available: 8 });
      });
      it('tells each caller their role', async () => {
        assert.equal((await admin.group.me(G)).role, 'admin');
        assert.equal((await learner.group.me(G)).role, 'learner');
      });
      it('refuses a Learner with 403 and no token with 401', async () => {
        await assert.rejects(learner.group.get(G), { code: 'forbidden', status: 403 });
        await assert.rejects(learner.invitations.create(G, { batches: [{ role: 'learner', emails: ['x@y.org'] }] }), {
          code: 'forbidden',
        });
        await assert.rejects(async () => learner.invitations.list(G), { code: 'forbidden' });
        await assert.rejects(anonymous.group.get(G), { code: 'unauthenticated', status: 401 });
        await assert.rejects(anonymous.group.me(G), { code: 'unauthenticated' });
        const response = await raw(`groups/${G}`, {}, 'not-a-token');
        assert.equal(response.status, 401);
        assert.match(response.headers.get('Content-Type') ?? '', /application\/problem\+json/);
      });
      it('answers 404 for an unknown group', async () => {
        await assert.rejects(admin.group.get('nope'), { code: 'not_found', status: 404 });
      });
      it("answers another group's id exactly as an unknown one: 404, the same problem body", async () => {
        await target.addGroup('other');
        const problemOf = async (groupId: string) => {
          const response = await raw(`groups/${groupId}/invitations`);
          return { status: response.status, body: await response.json() };
        };
        const other = await problemOf('other');
        assert.equal(other.status, 404);
        assert.equal(other.body.code, 'not_found');
        assert.deepEqual(other, await problemOf('nope'));
      });
    });

    describe('subgroups', () => {
      it('creates, lists, renames and deletes, keeping members and invitations', async () => {
        const created = await admin.subgroups.create(G, { name: '  Cardiology ' });
        assert.equal(created.name, 'Cardiology');
        await admin.invitations.create(G, {
          batches: [{ role: 'learner', subgroup: { id: created.id }, emails: ['c1@x.org'] }],
        });
        let list = await admin.subgroups.list(G);
        assert.deepEqual(
          list.items.find((s) => s.id === created.id),
          { id: created.id, name: 'Cardiology', memberCount: 0, invitationCount: 1 },
        );
        const renamed = await admin.subgroups.rename(G, created.id, { name: 'Cardiology Unit' });
        assert.equal(renamed.name, 'Cardiology Unit');
        await admin.subgroups.remove(G, created.id);
        list = await admin.subgroups.list(G);
        assert.equal(
          list.items.some((s) => s.id === created.id),
          false,
        );
        const invitation = (await admin.invitations.list(G, { q: 'c1@x.org' })).items[0]!;
        assert.equal(invitation.subgroup, null);
      });
      it("counts a subgroup's active members only: Nursing has 2, its deactivated member is left out", async () => {
        const nursing = (await admin.subgroups.list(G)).items.find((s) => s.name === 'Nursing')!;
        assert.equal(nursing.memberCount, 2);
      });
      it('refuses a name that exists, ignoring case', async () => {
        await assert.rejects(admin.subgroups.create(G, { name: 'radiology' }), {
          code: 'subgroup_exists',
          status: 409,
        });
        const nursing = (await admin.subgroups.list(G)).items.find((s) => s.name === 'Nursing')!;
        await assert.rejects(admin.subgroups.rename(G, nursing.id, { name: 'RADIOLOGY' }), { code: 'subgroup_exists' });
      });
      it('tells names apart by one Unicode-aware rule: ärzte is ÄRZTE, Straße is STRASSE, Café is Café', async () => {
        const pairs = [
          ['ärzte', 'ÄRZTE'],
          ['Straße', 'STRASSE'],
          ['Caf\u00e9', 'Cafe\u0301'],
        ] as const;
        for (const [first, second] of pairs) {
          await admin.subgroups.create(G, { name: first });
          await assert.rejects(admin.subgroups.create(G, { name: second }), { code: 'subgroup_exists', status: 409 });
        }
      });
      it('a DELETE repeated with its Idempotency-Key (a retry after a lost answer) gets the same 204', async () => {
        const created = await admin.subgroups.create(G, { name: 'Temporary' });
        const remove = () =>
          raw(`groups/${G}/subgroups/${created.id}`, { method: 'DELETE', headers: { 'Idempotency-Key': 'del-1' } });
        assert.equal((await remove()).status, 204);
        assert.equal((await remove()).status, 204);
        assert.equal((await raw(`groups/${G}/subgroups/${created.id}`, { method: 'DELETE' })).status, 404);
      });
      it('trims a name before checking its length, and refuses a blank one', async () => {
        const padded = await admin.subgroups.create(G, { name: `     ${'r'.repeat(80)}` });
        assert.equal(padded.name, 'r'.repeat(80));
        const blank = await postJson(`groups/${G}/subgroups`, { name: '   ' });
        assert.equal(blank.status, 422);
        assert.deepEqual((await blank.json()).errors, [{ path: 'body.name', message: 'Must not be blank' }]);
      });
      it('answers 404 for an unknown subgroup', async () => {
        await assert.rejects(admin.subgroups.rename(G, 'sub_nope', { name: 'X' }), { code: 'not_found' });
        await assert.rejects(admin.subgroups.remove(G, 'sub_nope'), { code: 'not_found' });
      });
    });

    describe('members', () => {
      it('lists, filters, sorts and pages', async () => {
        const page = await admin.members.list(G, { status: 'active', sort: 'name', limit: 4 });
        assert.equal(page.total, 10);
        assert.equal(page.items.length, 4);
        assert.ok(page.nextCursor);
        const names = page.items.map((m) => m.name);
        assert.deepEqual(
          names,
          [...names].sort((a, b) => a.localeCompare(b)),
        );
        const all = [];
        for await (const member of admin.members.list(G, { status: 'active', limit: 3 })) all.push(member);
        assert.equal(all.length, 10);
        assert.equal(new Set(all.map((m) => m.id)).size, 10);
        const admins = await admin.members.list(G, { role: 'admin' });
        assert.ok(admins.items.every((m) => m.role === 'admin'));
        const found = await admin.members.list(G, { q: 'OKAFOR' });
        assert.deepEqual(
          found.items.map((m) => m.email),
          ['lee.learner@riverside.example'],
        );
        const deactivated = await admin.members.list(G, { status: 'deactivated' });
        assert.equal(deactivated.total, 1);
      });
      it('deactivating frees a seat; reactivating takes one, or is refused when none is free', async () => {
        const marco = (await admin.members.list(G, { q: 'marco' })).items[0]!;
        const before = await seats();
        const off = await admin.members.deactivate(G, marco.id);
        assert.equal(off.member.status, 'deactivated');
        assert.equal(off.seats.available, before.available + 1);
        assert.equal(off.seats.active, before.active - 1);
        const on = await admin.members.reactivate(G, marco.id);
        assert.equal(on.member.status, 'active');
        assert.deepEqual(on.seats, before);
        await leaveFree(0);
        const ruth = (await admin.members.list(G, { status: 'deactivated' })).items[0]!;
        const refusal = await admin.members.reactivate(G, ruth.id).catch((e) => e);
        assert.ok(refusal instanceof SeatsExhaustedError);
        assert.equal(refusal.required, 1);
        assert.equal(refusal.seats.available, 0);
      });
      it('answers 404 for an unknown member', async () => {
        await assert.rejects(admin.members.deactivate(G, 'usr_nope'), { code: 'not_found' });
      });
    });

    describe('inviting', () => {
      it('invites several boxes at once, into an existing and a new subgroup', async () => {
        const radiology = (await admin.subgroups.list(G)).items.find((s) => s.name === 'Radiology')!;
        const answer = await admin.invitations.create(G, {
          locale: 'es',
          batches: [
            { role: 'learner', subgroup: { id: radiology.id }, emails: ['r1@x.org', ' R2@x.org '] },
            { role: 'learner', subgroup: { name: 'Night Shift' }, emails: ['n1@x.org'] },
            {
              role: 'admin',
              emails: [
                'boss@x.org',
                'not an email',
                'r1@X.org',
                'kim.nguyen@riverside.example',
                'marco.rossi@riverside.example',
              ],
            },
          ],
        });
        assert.deepEqual(
          answer.results.map((r) => [r.email, r.status]),
          [
            ['r1@x.org', 'invited'],
            ['R2@x.org', 'invited'],
            ['n1@x.org', 'invited'],
            ['boss@x.org', 'invited'],
            ['not an email', 'invalid_email'],
            ['r1@X.org', 'duplicate'],
            ['kim.nguyen@riverside.example', 'already_invited'],
            ['marco.rossi@riverside.example', 'already_member'],
          ],
        );
        assert.equal(answer.results[6]!.invitation?.email, 'kim.nguyen@riverside.example');
        assert.equal(answer.results[0]!.invitation?.subgroup?.name, 'Radiology');
        assert.equal(answer.results[2]!.invitation?.subgroup?.name, 'Night Shift');
        assert.equal(answer.results[3]!.invitation?.role, 'admin');
        const invited = answer.results[0]!.invitation;
        assert.equal(invited.status, 'pending');
        assert.equal(Date.parse(invited.expiresAt) - Date.parse(invited.lastSentAt), 10 * DAY);
        assert.equal(invited.invitedBy.email, 'dana.admin@riverside.example');
        assert.deepEqual(answer.seats, { total: 25, active: 10, pending: 8, expired: 3, available: 4 });
        const mail = (await admin.demo.outbox({ to: 'r1@x.org' })).items;
        assert.equal(mail.length, 1);
        assert.match(mail[0]!.subject, /Riverside/);
        assert.match(mail[0]!.text, /Alumno/);
        assert.match(mail[0]!.acceptUrl, /\/accept\?token=[\w-]{43}&lang=es$/);
        assert.ok((await admin.subgroups.list(G)).items.some((s) => s.name === 'Night Shift'));
      });
      it('keeps the name of `Ana Ruiz <ana@…>` (or `{ email, name }`) on the invitation', async () => {
        const answer = await admin.invitations.create(G, {
          batches: [
            {
              role: 'learner',
              emails: ['Ana Ruiz <ana.ruiz@x.org>', { email: 'bo@x.org', name: '  Bo Lind ' }, 'cy@x.org'],
            },
          ],
        });
        assert.deepEqual(
          answer.results.map((r) => [r.email, r.name, r.invitation?.name]),
          [
            ['ana.ruiz@x.org', 'Ana Ruiz', 'Ana Ruiz'],
            ['bo@x.org', 'Bo Lind', 'Bo Lind'],
            ['cy@x.org', undefined, undefined],
          ],
        );
        const listed = await admin.invitations.list(G, { q: 'ana.ruiz' });
        assert.equal(listed.items[0]!.name, 'Ana Ruiz');
      });
      it('greets the invitee by name in the email, in English and Spanish', async () => {
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['Ana Ruiz <ana.ruiz@x.org>'] }] });
        await admin.invitations.create(G, {
          locale: 'es',
          batches: [{ role: 'learner', emails: ['Luis Gil <luis@x.org>'] }],
        });
        const [english] = (await admin.demo.outbox({ to: 'ana.ruiz@x.org' })).items;
        const [spanish] = (await admin.demo.outbox({ to: 'luis@x.org' })).items;
        assert.match(english!.text, /^Hi Ana Ruiz,/);
        assert.match(english!.html, /<p>Hi Ana Ruiz,<\/p>/);
        assert.match(spanish!.text, /^Hola, Luis Gil:/);
      });
      it('refuses a name over 100 characters with 422', async () => {
        const emails = [{ email: 'long@x.org', name: 'N'.repeat(101) }];
        const response = await postJson(`groups/${G}/invitations`, { batches: [{ role: 'learner', emails }] });
        assert.equal(response.status, 422);
      });
      it("reports a deactivated member's address as deactivated_member with the member's id, taking no seat", async () => {
        const before = await seats();
        const answer = await admin.invitations.create(G, {
          batches: [{ role: 'learner', emails: ['Ruth.Mensah@riverside.example'] }],
        });
        assert.deepEqual(answer.results, [
          { email: 'Ruth.Mensah@riverside.example', status: 'deactivated_member', memberId: 'usr_ruth' },
        ]);
        assert.deepEqual(answer.seats, before);
      });
      it('looks up addresses without changing anything: the preview from planInvites equals the invite', async () => {
        const before = await seats();
        const emails = [
          'new.one@x.org',
          'Kim.Nguyen@riverside.example',
          'marco.rossi@riverside.example',
          'ruth.mensah@riverside.example',
          'NEW.ONE@x.org',
          'not-an-email',
          'new.two@x.org',
        ];
        const found = await admin.invitations.knownAddresses(G, emails);
        assert.deepEqual(found.members.map((m) => `${m.email} ${m.status}`).sort(), [
          'marco.rossi@riverside.example active',
          'ruth.mensah@riverside.example deactivated',
        ]);
        assert.deepEqual(
          found.invitations.map((i) => i.email),
          ['kim.nguyen@riverside.example'],
        );
        assert.deepEqual(await seats(), before);
        const preview = planInvites([{ emails }], knownOf(found.members, found.invitations));
        const answer = await admin.invitations.create(G, { batches: [{ role: 'learner', emails }] });
        assert.deepEqual(
          preview.results.map((r) => r.status),
          answer.results.map((r) => r.status),
        );
        assert.equal(preview.seatsNeeded, before.available - answer.seats.available);
        assert.equal(preview.seatsNeeded, 2);
      });
      it('is all or nothing: short of seats it creates nothing, not even a new subgroup', async () => {
        const before = await seats();
        const emails = Array.from({ length: before.available + 1 }, (_, i) => `many${i}@x.org`);
        const error = await admin.invitations
          .create(G, { batches: [{ role: 'learner', subgroup: { name: 'Overflow' }, emails }] })
          .catch((e) => e);
        assert.ok(error instanceof SeatsExhaustedError, String(error));
        assert.equal(error.status, 409);
        assert.equal(error.required, before.available + 1);
        assert.deepEqual(error.seats, before);
        assert.deepEqual(await seats(), before);
        assert.equal((await admin.invitations.list(G, { q: 'many' })).total, 0);
        assert.equal(
          (await admin.subgroups.list(G)).items.some((s) => s.name === 'Overflow'),
          false,
        );
        assert.equal((await admin.demo.outbox({ to: 'many0@x.org' })).items.length, 0);
      });
      it('never oversells: 20 parallel invites for the last seat create exactly one', async () => {
        await leaveFree(1);
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            admin.invitations.create(G, { batches: [{ role: 'learner', emails: [`p${i}@race.example`] }] }),
          ),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a) => a.status === 'rejected');
        assert.equal(won.length, 1);
        assert.ok(lost.every((a) => a.reason instanceof SeatsExhaustedError));
        assert.equal((await admin.invitations.list(G, { q: '@race.example' })).total, 1);
        assert.equal((await seats()).available, 0);
      });
      it('replays the same Idempotency-Key: one invitation, one email; another body is a conflict', async () => {
        const body = { batches: [{ role: 'learner', emails: ['once@x.org'] }] };
        const first = await postJson(`groups/${G}/invitations`, body, { 'Idempotency-Key': 'k-1' });
        const second = await postJson(`groups/${G}/invitations`, body, { 'Idempotency-Key': 'k-1' });
        assert.equal(first.status, 201);
        assert.equal(second.status, 201);
        assert.deepEqual(await second.json(), await first.json());
        assert.equal((await admin.invitations.list(G, { q: 'once@' })).total, 1);
        assert.equal((await admin.demo.outbox({ to: 'once@x.org' })).items.length, 1);
        const other = await postJson(
          `groups/${G}/invitations`,
          { batches: [{ role: 'admin', emails: ['once@x.org'] }] },
          { 'Idempotency-Key': 'k-1' },
        );
        assert.equal(other.status, 422);
        assert.equal((await other.json()).code, 'idempotency_conflict');
      });
      it('forgets an Idempotency-Key after 24 hours: the key then runs another request', async () => {
        const invite = (email: string) =>
          postJson(
            `groups/${G}/invitations`,
            { batches: [{ role: 'learner', emails: [email] }] },
            {
              'Idempotency-Key': 'k-day',
            },
          );
        assert.equal((await invite('today@x.org')).status, 201);
        await admin.demo.advanceClock(DAY + 1000);
        assert.equal((await invite('tomorrow@x.org')).status, 201);
        assert.equal((await admin.invitations.list(G, { q: 'tomorrow@' })).total, 1);
      });
      it('refuses more than 500 emails with 413', async () => {
        const emails = Array.from({ length: 501 }, (_, i) => `p${i}@x.org`);
        const response = await postJson(`groups/${G}/invitations`, { batches: [{ role: 'learner', emails }] });
        assert.equal(response.status, 413);
        assert.equal((await response.json()).code, 'too_many_emails');
      });
    });

    describe('pending invitations', () => {
      it('lists valid and expired ones with status, filters, sorts and pages', async () => {
        const all = await admin.invitations.list(G);
        assert.equal(all.total, 7);
        const expired = await admin.invitations.list(G, { status: 'expired' });
        assert.equal(expired.total, 3);
        assert.ok(expired.items.every((i) => i.status === 'expired'));
        const pending = await admin.invitations.list(G, { status: 'pending', sort: 'expiresAt' });
        assert.equal(pending.total, 4);
        const expiries = pending.items.map((i) => i.expiresAt);
        assert.deepEqual(expiries, [...expiries].sort());
        const byEmail = await admin.invitations.list(G, { sort: '-email', limit: 2 });
        assert.equal(byEmail.items[0]!.email, 'kim.nguyen@riverside.example');
        const admins = await admin.invitations.list(G, { role: 'admin' });
        assert.deepEqual(
          admins.items.map((i) => i.email),
          ['grace.obi@riverside.example'],
        );
        const nursing = (await admin.subgroups.list(G)).items.find((s) => s.name === 'Nursing')!;
        assert.equal((await admin.invitations.list(G, { subgroupId: nursing.id })).total, 2);
        const every = [];
        for await (const invitation of admin.invitations.list(G, { limit: 2 })) every.push(invitation.id);
        assert.equal(new Set(every).size, 7);
      });
      it('removing frees seats at once; unknown ids are reported', async () => {
        const expired = await admin.invitations.list(G, { status: 'expired' });
        const ids = expired.items.map((i) => i.id);
        const answer = await admin.invitations.remove(G, [...ids, 'inv_nope']);
        assert.deepEqual(answer.removed.sort(), [...ids].sort());
        assert.deepEqual(answer.notFound, ['inv_nope']);
        assert.deepEqual(answer.seats, { total: 25, active: 10, pending: 4, expired: 0, available: 11 });
      });
      it('resend rotates the link, restarts the 10 days, keeps seats, and is limited to once a minute', async () => {
        const created = await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['again@x.org'] }] });
        const id = created.results[0]!.invitation!.id;
        const firstLink = (await admin.demo.outbox({ to: 'again@x.org' })).items[0]!.acceptUrl;
        const tooSoon = await admin.invitations.resend(G, [id]);
        assert.equal(tooSoon.results[0]!.status, 'rate_limited');
        assert.ok(tooSoon.results[0]!.retryAfter! > 0 && tooSoon.results[0]!.retryAfter! <= 60);
        await admin.demo.advanceClock(61_000);
        const before = await seats();
        const resent = await admin.invitations.resend(G, [id, 'inv_nope']);
        assert.equal(resent.results[0]!.status, 'resent');
        assert.equal(resent.results[1]!.status, 'not_found');
        const invitation = resent.results[0]!.invitation!;
        assert.equal(invitation.sendCount, 2);
        assert.equal(Date.parse(invitation.expiresAt) - Date.parse(invitation.lastSentAt), 10 * DAY);
        assert.deepEqual(await seats(), before);
        const mails = (await admin.demo.outbox({ to: 'again@x.org' })).items;
        assert.equal(mails.length, 2);
        const newLink = mails[0]!.acceptUrl;
        assert.notEqual(newLink, firstLink);
        await assert.rejects(anonymous.invitee.lookUp(tokenOf(firstLink)), { code: 'not_found', status: 404 });
        assert.equal((await anonymous.invitee.lookUp(tokenOf(newLink))).email, 'again@x.org');
      });
      it('an expired invitation still holds its seat until resent or removed; resend revives it', async () => {
        const ana = (await admin.invitations.list(G, { q: 'ana.silva' })).items[0]!;
        assert.equal(ana.status, 'expired');
        const resent = await admin.invitations.resend(G, [ana.id]);
        assert.equal(resent.results[0]!.invitation!.status, 'pending');
        assert.deepEqual(await seats(), { total: 25, active: 10, pending: 5, expired: 2, available: 8 });
      });
    });

    describe('bulk actions by filter', () => {
      it('removes every expired invitation in one request and answers the count and the seats', async () => {
        const answer = await admin.invitations.removeMatching(G, { status: 'expired' });
        assert.deepEqual(answer, {
          removed: 3,
          seats: { total: 25, active: 10, pending: 4, expired: 0, available: 11 },
        });
        assert.equal((await admin.invitations.list(G)).total, 4);
      });
      it('removes only what every part of the filter matches', async () => {
        const nursing = (await admin.subgroups.list(G)).items.find((s) => s.name === 'Nursing')!;
        const answer = await admin.invitations.removeMatching(G, {
          status: 'pending',
          subgroup: nursing.id,
          role: 'learner',
        });
        assert.equal(answer.removed, 1);
        assert.equal((await admin.invitations.list(G, { q: 'hugo.martin' })).total, 0);
        assert.equal((await admin.invitations.removeMatching(G, { q: 'riverside.example', role: 'admin' })).removed, 1);
        assert.equal((await admin.invitations.list(G)).total, 5);
      });
      it('resends every match once, counting those sent too recently', async () => {
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['fresh@x.org'] }] });
        const answer = await admin.invitations.resendMatching(G, { q: 'x.org' });
        assert.deepEqual(answer, { resent: 0, rateLimited: 1 });
        await admin.demo.advanceClock(61_000);
        assert.deepEqual(await admin.invitations.resendMatching(G, { status: 'expired' }), {
          resent: 3,
          rateLimited: 0,
        });
        assert.equal((await admin.invitations.list(G, { status: 'expired' })).total, 0);
        assert.equal((await admin.demo.outbox({ to: 'ana.silva@riverside.example' })).items.length, 2);
      });
      it('records one removal per invitation, each with its actor, when a removal takes several chunks', async () => {
        const many = BULK_CHUNK + 5;
        await admin.demo.seed({ groupId: G, invitations: many, expired: many, members: 0 });
        const expired: string[] = [];
        for await (const invitation of admin.invitations.list(G, { status: 'expired', limit: 200 })) {
          expired.push(invitation.id);
        }
        assert.equal((await admin.invitations.removeMatching(G, { status: 'expired' })).removed, expired.length);
        const removals: Array<[string, string]> = [];
        for await (const event of admin.activity.list(G, { type: 'invitation.removed', limit: 200 })) {
          removals.push([event.subject.id, event.actor.type === 'member' ? event.actor.email : 'system']);
        }
        assert.deepEqual(removals.map(([id]) => id).sort(), expired.sort());
        assert.deepEqual(new Set(removals.map(([, actor]) => actor)), new Set(['dana.admin@riverside.example']));
      });
      it('refuses a body with both ids and a filter, or an unknown filter field, with 422', async () => {
        const both = await postJson(`groups/${G}/invitations/remove`, { ids: ['inv_seed_1'], filter: {} });
        assert.equal(both.status, 422);
        const unknown = await postJson(`groups/${G}/invitations/resend`, { filter: { state: 'expired' } });
        assert.equal(unknown.status, 422);
        assert.equal((await admin.invitations.list(G)).total, 7);
      });
    });

    describe('the clock and expiry', () => {
      it('after 10 days every pending invitation is expired and still holds its seat', async () => {
        const before = await seats();
        await admin.demo.advanceClock(10 * DAY + 1000);
        const after = await seats();
        assert.deepEqual(after, { ...before, pending: 0, expired: before.pending + before.expired });
        assert.equal((await admin.invitations.list(G, { status: 'pending' })).total, 0);
      });
    });

    describe('delivery', () => {
      it('answers with the email queued, and lists it sent once the worker delivered it', async () => {
        const answer = await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['d@x.org'] }] });
        assert.deepEqual(answer.results[0]?.invitation?.delivery, {
          status: 'queued',
          attempts: 0,
          lastAttemptAt: null,
          error: null,
        });
        await admin.demo.outbox({ to: 'd@x.org' });
        const sent = await admin.invitations.list(G, { delivery: 'sent', q: 'd@x.org' });
        assert.deepEqual(
          sent.items.map((item) => [item.email, item.delivery.status, item.delivery.attempts]),
          [['d@x.org', 'sent', 1]],
        );
        assert.equal((await admin.invitations.list(G, { delivery: 'queued' })).total, 0);
        assert.equal((await admin.invitations.list(G, { delivery: 'failed' })).total, 0);
        const [delivered] = (await admin.activity.list(G, { type: 'invitation.delivered' })).items;
        assert.deepEqual([delivered?.subject.label, delivered?.actor], ['d@x.org', { type: 'system' }]);
      });
    });

    describe('reminders', () => {
      const outboxOf = async (to: string) => (await admin.demo.outbox({ to })).items;
      it('sends one reminder 3 days before expiry, in the invite language with the same link, once', async () => {
        await admin.invitations.create(G, { locale: 'es', batches: [{ role: 'learner', emails: ['remind@x.org'] }] });
        const [invitation] = await outboxOf('remind@x.org');
        await admin.demo.advanceClock(7 * DAY);
        const [reminder, ...rest] = await outboxOf('remind@x.org');
        assert.equal(rest.length, 1);
        assert.match(reminder?.subject ?? '', /^Recordatorio: le han invitado a unirse a Riverside General Hospital$/);
        assert.equal(reminder?.acceptUrl, invitation?.acceptUrl);
        assert.match(reminder?.text ?? '', /su enlace caduca el \d+ de \w+ de \d{4}/);
        await admin.demo.advanceClock(2 * DAY);
        assert.equal((await outboxOf('remind@x.org')).length, 2);
        const reminded = (await admin.activity.list(G, { type: 'invitation.reminded' })).items;
        assert.deepEqual(
          reminded.map((event) => event.subject.label),
          ['remind@x.org'],
        );
      });
      it('sends the reminder due on the way when the clock jumps past the expiry ("Jump 11 days")', async () => {
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['jump@x.org'] }] });
        await admin.demo.advanceClock(11 * DAY);
        const [reminder, invitation, ...rest] = await outboxOf('jump@x.org');
        assert.equal(rest.length, 0);
        assert.match(reminder?.subject ?? '', /^Reminder: /);
        assert.equal(reminder?.acceptUrl, invitation?.acceptUrl);
      });
      it('sends none for an invitation accepted or removed before then', async () => {
        const emails = ['taken@x.org', 'dropped@x.org', 'waiting@x.org'];
        const created = await admin.invitations.create(G, { batches: [{ role: 'learner', emails }] });
        const [link] = await outboxOf('taken@x.org');
        await anonymous.invitee.accept(tokenOf(link?.acceptUrl ?? ''), { name: 'Taken', password: 'correct horse' });
        await admin.invitations.remove(G, [created.results[1]?.invitation?.id ?? '']);
        await admin.demo.advanceClock(7 * DAY);
        const counts = await Promise.all(emails.map(async (email) => (await outboxOf(email)).length));
        assert.deepEqual(counts, [1, 1, 2]);
      });
      it('starts a new cycle with a resend', async () => {
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['cycle@x.org'] }] });
        await admin.demo.advanceClock(5 * DAY);
        const [invitation] = (await admin.invitations.list(G, { q: 'cycle@x.org' })).items;
        await admin.invitations.resend(G, [invitation?.id ?? '']);
        await admin.demo.advanceClock(2 * DAY);
        assert.equal((await outboxOf('cycle@x.org')).length, 2, 'the first send’s reminder is not sent');
        await admin.demo.advanceClock(5 * DAY);
        const [reminder, resent] = await outboxOf('cycle@x.org');
        assert.match(reminder?.subject ?? '', /^Reminder: /);
        assert.equal(reminder?.acceptUrl, resent?.acceptUrl);
      });
    });

    describe("the invitee's side", () => {
      it('looks up, accepts once, and moves the seat from pending to active', async () => {
        await admin.invitations.create(G, {
          batches: [{ role: 'learner', subgroup: { name: 'Nursing' }, emails: ['new.nurse@x.org'] }],
        });
        const link = (await admin.demo.outbox({ to: 'new.nurse@x.org' })).items[0]!.acceptUrl;
        const token = tokenOf(link);
        const preview = await anonymous.invitee.lookUp(token);
        assert.deepEqual(
          { ...preview, expiresAt: undefined },
          {
            email: 'new.nurse@x.org',
            groupName: 'Riverside General Hospital',
            role: 'learner',
            status: 'pending',
            expiresAt: undefined,
          },
        );
        const before = await seats();
        const member = await anonymous.invitee.accept(token, { name: ' Nell Nurse ', password: 'correct horse' });
        assert.equal(member.name, 'Nell Nurse');
        assert.equal(member.status, 'active');
        assert.equal(member.subgroup?.name, 'Nursing');
        const after = await seats();
        assert.deepEqual(after, { ...before, active: before.active + 1, pending: before.pending - 1 });
        await assert.rejects(anonymous.invitee.accept(token, { name: 'Again', password: 'correct horse' }), {
          code: 'not_found',
          status: 404,
        });
        const again = await admin.invitations.create(G, {
          batches: [{ role: 'learner', emails: ['NEW.nurse@x.org'] }],
        });
        assert.equal(again.results[0]!.status, 'already_member');
      });
      it('the link shows the name the admin gave, to prefill the form', async () => {
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['Ana Ruiz <ana.ruiz@x.org>'] }] });
        const link = (await admin.demo.outbox({ to: 'ana.ruiz@x.org' })).items[0]!.acceptUrl;
        assert.equal((await anonymous.invitee.lookUp(tokenOf(link))).name, 'Ana Ruiz');
      });
      it('refuses an expired link with 410', async () => {
        const link = (await admin.demo.outbox({ to: 'ana.silva@riverside.example' })).items[0]!.acceptUrl;
        await assert.rejects(anonymous.invitee.lookUp(tokenOf(link)), { code: 'invitation_expired', status: 410 });
        await assert.rejects(anonymous.invitee.accept(tokenOf(link), { name: 'Ana', password: 'long enough' }), {
          code: 'invitation_expired',
          status: 410,
        });
      });
      it('answers 404 for an unknown token and 422 for a short password', async () => {
        await assert.rejects(anonymous.invitee.lookUp('x'.repeat(43)), { code: 'not_found' });
        const link = (await admin.demo.outbox({ to: 'kim.nguyen@riverside.example' })).items[0]!.acceptUrl;
        const response = await raw(
          `invitations/${tokenOf(link)}/accept`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: 'Kim', password: 'short' }),
          },
          null,
        );
        assert.equal(response.status, 422);
        assert.equal((await response.json()).errors[0].path, 'body.password');
      });
      it('takes a password of 128 characters and refuses one of 129 (OWASP ASVS: at least 64 allowed)', async () => {
        const token = tokenOf((await admin.demo.outbox({ to: 'kim.nguyen@riverside.example' })).items[0]!.acceptUrl);
        const tooLong = await raw(
          `invitations/${token}/accept`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: 'Kim', password: 'x'.repeat(129) }),
          },
          null,
        );
        assert.equal(tooLong.status, 422);
        assert.equal((await tooLong.json()).errors[0].path, 'body.password');
        assert.equal((await anonymous.invitee.accept(token, { name: 'Kim', password: 'x'.repeat(128) })).name, 'Kim');
      });
    });

    describe('the activity log', () => {
      const dana = {
        type: 'member',
        id: 'usr_demo_admin',
        name: 'Dana Whitfield',
        email: 'dana.admin@riverside.example',
      } as const;
      /** Every event, newest first, walked three at a time, as [type, actor's email or 'system', subject]. */
      const walk = async (query: { type?: ActivityType } = {}) => {
        const seen: Array<[string, string, string]> = [];
        for await (const event of admin.activity.list(G, { ...query, limit: 3 })) {
          seen.push([event.type, event.actor.type === 'member' ? event.actor.email : 'system', event.subject.label]);
        }
        return seen;
      };
      /** A series of admin actions, and one invitee accepting. */
      const script = async () => {
        const cardiology = await admin.subgroups.create(G, { name: 'Cardiology' });
        await admin.subgroups.rename(G, cardiology.id, { name: 'Cardiology Unit' });
        const { results } = await admin.invitations.create(G, {
          batches: [
            { role: 'learner', subgroup: { name: 'Pharmacy' }, emails: ['p1@x.org'] },
            { role: 'learner', emails: ['p2@x.org', 'not an email'] },
          ],
        });
        const [first, second] = results.map((result) => result.invitation?.id ?? '');
        await admin.demo.advanceClock(61_000);
        await admin.invitations.resend(G, [first ?? '']);
        await admin.invitations.remove(G, [second ?? '']);
        await admin.members.deactivate(G, 'usr_marco');
        await admin.members.reactivate(G, 'usr_marco');
        const link = (await admin.demo.outbox({ to: 'p1@x.org' })).items[0]!.acceptUrl;
        await anonymous.invitee.accept(tokenOf(link), { name: 'Pat One', password: 'long enough pass' });
        await admin.subgroups.remove(G, cardiology.id);
      };

      it('holds every change of a series of admin actions, newest first, each with its actor', async () => {
        await script();
        const admin = dana.email;
        // The worker's own events (deliveries) fall in between at their own pace: see the next test.
        const byPeople = (await walk()).filter(([, actor]) => actor !== 'system');
        assert.deepEqual(byPeople.reverse(), [
          ['subgroup.created', admin, 'Cardiology'],
          ['subgroup.renamed', admin, 'Cardiology Unit'],
          ['subgroup.created', admin, 'Pharmacy'],
          ['invitation.created', admin, 'p1@x.org'],
          ['invitation.created', admin, 'p2@x.org'],
          ['invitation.resent', admin, 'p1@x.org'],
          ['invitation.removed', admin, 'p2@x.org'],
          ['member.deactivated', admin, 'marco.rossi@riverside.example'],
          ['member.reactivated', admin, 'marco.rossi@riverside.example'],
          ['invitation.accepted', 'p1@x.org', 'p1@x.org'],
          ['subgroup.removed', admin, 'Cardiology Unit'],
        ]);
      });
      it("names the actor and the subject in full, and keeps a renamed subgroup's previous name", async () => {
        await script();
        const { items, total } = await admin.activity.list(G, { type: 'subgroup.renamed' });
        assert.equal(total, 1);
        assert.deepEqual(items[0]?.actor, dana);
        assert.equal(items[0]?.subject.type, 'subgroup');
        assert.equal(items[0]?.previousName, 'Cardiology');
        const accepted = (await admin.activity.list(G, { type: 'invitation.accepted' })).items[0]?.actor;
        const member = (await admin.members.list(G, { q: 'p1@x.org' })).items[0];
        assert.deepEqual(accepted, { type: 'member', id: member?.id, name: 'Pat One', email: 'p1@x.org' });
      });
      it('records what the server does on its own as system: delivered, reminded, expired', async () => {
        await admin.invitations.create(G, { batches: [{ role: 'learner', emails: ['sys@x.org'] }] });
        await admin.demo.outbox({ to: 'sys@x.org' }); // the outbox answers once due emails went out
        await admin.demo.advanceClock(7 * DAY + 60_000); // past the reminder, 3 days before expiry
        await admin.demo.advanceClock(3 * DAY); // past the expiry
        const mine = (await walk()).filter(([, , subject]) => subject === 'sys@x.org').reverse();
        assert.deepEqual(mine, [
          ['invitation.created', dana.email, 'sys@x.org'],
          ['invitation.delivered', 'system', 'sys@x.org'],
          ['invitation.reminded', 'system', 'sys@x.org'],
          ['invitation.expired', 'system', 'sys@x.org'],
        ]);
      });
      it('filters by type', async () => {
        await script();
        assert.deepEqual(await walk({ type: 'invitation.created' }), [
          ['invitation.created', dana.email, 'p2@x.org'],
          ['invitation.created', dana.email, 'p1@x.org'],
        ]);
      });
      it('records nothing for a refused action', async () => {
        await leaveFree(0);
        const made = async () =>
          (await admin.activity.list(G, { type: 'invitation.created' })).total +
          (await admin.activity.list(G, { type: 'subgroup.created' })).total;
        const before = await made();
        await assert.rejects(
          admin.invitations.create(G, {
            batches: [{ role: 'learner', subgroup: { name: 'Never' }, emails: ['n@x.org'] }],
          }),
          SeatsExhaustedError,
        );
        assert.equal(await made(), before);
      });
      it('is for Admins only', async () => {
        await assert.rejects(async () => learner.activity.list(G), { code: 'forbidden', status: 403 });
      });
    });

    describe('bad input gets a 4xx problem, never a 5xx', () => {
      const problemOf = async (response: Response) => {
        assert.match(response.headers.get('Content-Type') ?? '', /application\/problem\+json/);
        const body = await response.json();
        assert.equal(body.status, response.status);
        assert.equal(typeof body.title, 'string');
        assert.equal(typeof body.type, 'string');
        return body;
      };
      it('malformed JSON and wrong content type: 400 malformed_request', async () => {
        const broken = await raw(`groups/${G}/invitations`, {
          method: 'POST',
          body: '{"batches": [',
          headers: { 'Content-Type': 'application/json' },
        });
        assert.equal(broken.status, 400);
        assert.equal((await problemOf(broken)).code, 'malformed_request');
        const text = await raw(`groups/${G}/invitations`, {
          method: 'POST',
          body: 'a@b.c',
          headers: { 'Content-Type': 'text/plain' },
        });
        assert.equal(text.status, 400);
        assert.equal((await problemOf(text)).code, 'malformed_request');
      });
      it('wrong types and unknown fields: 422 validation_failed with paths', async () => {
        const wrong = await postJson(`groups/${G}/invitations`, { batches: [{ role: 'owner', emails: 'a@b.c' }] });
        assert.equal(wrong.status, 422);
        const body = await problemOf(wrong);
        assert.equal(body.code, 'validation_failed');
        assert.deepEqual(body.errors.map((e: { path: string }) => e.path).sort(), [
          'body.batches.0.emails',
          'body.batches.0.role',
        ]);
        const unknown = await postJson(`groups/${G}/invitations`, {
          batches: [{ role: 'learner', emails: ['a@b.c'] }],
          sendAt: 'now',
        });
        assert.equal(unknown.status, 422);
        assert.match((await problemOf(unknown)).detail, /sendAt/);
        const query = await raw(`groups/${G}/invitations?limit=500`);
        assert.equal(query.status, 422);
        assert.equal((await problemOf(query)).errors[0].path, 'query.limit');
        const cursor = await raw(`groups/${G}/invitations?cursor=garbage`);
        assert.equal(cursor.status, 422);
        assert.equal((await problemOf(cursor)).errors[0].path, 'query.cursor');
      });
      it('a limit must be plain decimal digits', async () => {
        for (const limit of ['%2010', '0x10', '1e1']) {
          const response = await raw(`groups/${G}/members?limit=${limit}`);
          assert.equal(response.status, 422, limit);
          assert.equal((await problemOf(response)).errors[0].path, 'query.limit');
        }
      });
      it('oversize bodies: 413', async () => {
        const huge = await postJson(`groups/${G}/subgroups`, { name: 'x'.repeat(600 * 1024) });
        assert.equal(huge.status, 413);
        assert.equal((await problemOf(huge)).code, 'payload_too_large');
      });
      it('unknown routes: 404 problem', async () => {
        const response = await raw('nothing/here');
        assert.equal(response.status, 404);
        assert.equal((await problemOf(response)).code, 'not_found');
      });
      it('a known path asked with another method: 405 with Allow', async () => {
        const response = await raw(`groups/${G}/invitations`, { method: 'DELETE' });
        assert.equal(response.status, 405);
        assert.equal(response.headers.get('Allow'), 'GET, HEAD, POST');
        assert.equal((await problemOf(response)).code, 'method_not_allowed');
      });
      it('a 401 names the Bearer scheme', async () => {
        const response = await raw(`groups/${G}`, {}, null);
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
      });
      it('the SDK checks input before sending', async () => {
        await assert.rejects(
          admin.subgroups.create(G, { name: '   ' }),
          (error) => error instanceof ValidationError && error.status === 0,
        );
        await assert.rejects(admin.invitations.resend(G, []), ValidationError);
      });
      it('problem errors are ApiErrors with the server detail', async () => {
        const error = await learner.group.get(G).catch((e) => e);
        assert.ok(error instanceof ApiError);
        assert.match(error.message, /Admins/);
      });
    });
  });
}

function tokenOf(acceptUrl: string): string {
  return new URL(acceptUrl).searchParams.get('token')!;
}
