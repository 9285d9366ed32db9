/** The reference server beyond the contract: SMTP, the accept page, production mode, the file database. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, API_BASE } from '../../demo/server/app.ts';
import { createApiApp } from '../../api/http/app.ts';
import { createMemoryStore } from '../../api/store/memory-store.ts';
import { createClock } from '../../api/domain/clock.ts';
import { outboxMailer } from '../../api/mail/mailer.ts';
import { seedDemo, demoAuthenticate } from '../../api/domain/seed.ts';
import { smtpSink } from '../helpers/smtp-sink.ts';
import { waitFor } from '../helpers/wait-for.ts';

const admin = { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' };

describe('reference server', () => {
  it('sends invitation emails through SMTP when SMTP_URL is set, in the invite language, plain text and HTML', async () => {
    const sink = await smtpSink();
    const server = await createServer({
      database: ':memory:',
      publicUrl: 'http://lms.test',
      demo: true,
      smtpUrl: `smtp://127.0.0.1:${sink.port}`,
      mailFrom: 'Training <no-reply@lms.test>',
    });
    try {
      const sentBefore = sink.messages.length;
      const response = await server.app.request(`${API_BASE}/groups/demo/invitations`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ locale: 'es', batches: [{ role: 'admin', emails: ['smtp@x.org'] }] }),
      });
      assert.equal(response.status, 201);
      const message = await waitFor(
        () => sink.messages.slice(sentBefore).find((m) => m.to.some((to) => to.includes('smtp@x.org'))),
        'the message at the SMTP server',
      );
      assert.match(message.from, /no-reply@lms\.test/);
      assert.match(message.data, /multipart\/alternative/);
      assert.match(message.data, /text\/plain/);
      assert.match(message.data, /text\/html/);
      assert.match(message.data, /Administrador/);
      assert.match(message.data.replace(/=\n/g, ''), /http:\/\/lms\.test\/accept\?token=3D[\w-]{43}/);
    } finally {
      await server.close();
      sink.close();
    }
  });

  it('serves the accept page: shows the invitation, creates the account, then refuses the used link', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true });
    try {
      const outbox = await (await server.app.request(`${API_BASE}/dev/outbox?to=kim.nguyen@riverside.example`)).json();
      const path = new URL(outbox.items[0].acceptUrl).pathname + new URL(outbox.items[0].acceptUrl).search;
      const page = await server.app.request(path);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /You are invited to join Riverside General Hospital as a Learner/);
      assert.match(html, /<label>Your name<input name="name"/);
      const token = new URL(outbox.items[0].acceptUrl).searchParams.get('token')!;

      const short = await server.app.request('/accept', {
        method: 'POST',
        body: new URLSearchParams({ token, name: 'Kim', password: 'short' }),
      });
      assert.equal(short.status, 422);
      assert.match(await short.text(), /role="alert"/);

      const done = await server.app.request('/accept', {
        method: 'POST',
        body: new URLSearchParams({ token, name: 'Kim Nguyen', password: 'long enough password' }),
      });
      assert.equal(done.status, 201);
      assert.match(await done.text(), /Welcome, Kim Nguyen!/);
      const again = await server.app.request(path);
      assert.equal(again.status, 404);
      assert.match(await again.text(), /not valid/);

      const spanish = await server.app.request('/accept?token=unknown', {
        headers: { 'Accept-Language': 'es-ES,es;q=0.9' },
      });
      assert.match(await spanish.text(), /Este enlace de invitación no es válido/);
      const invitedInSpanish = await server.app.request('/accept?token=unknown&lang=es');
      assert.match(await invitedInSpanish.text(), /<html lang="es">/);
    } finally {
      await server.close();
    }
  });

  it('prefills the accept page with the name the admin gave', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true });
    try {
      const invite = await server.app.request(`${API_BASE}/groups/demo/invitations`, {
        method: 'POST',
        headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
        body: JSON.stringify({ batches: [{ role: 'learner', emails: ['Ana Ruiz <ana.ruiz@x.org>'] }] }),
      });
      assert.equal(invite.status, 201);
      const outbox = await (await server.app.request(`${API_BASE}/dev/outbox?to=ana.ruiz@x.org`)).json();
      const link = new URL(outbox.items[0].acceptUrl);
      const html = await (await server.app.request(link.pathname + link.search)).text();
      assert.match(html, /<input name="name" autocomplete="name" required maxlength="100" value="Ana Ruiz">/);
    } finally {
      await server.close();
    }
  });

  it("dates a seeded invitation's email when the invitation was last sent, not when the server started", async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true });
    try {
      const list = await server.app.request(`${API_BASE}/groups/demo/invitations?q=ana.silva`, {
        headers: { Authorization: 'Bearer demo-admin' },
      });
      const invitation = (await list.json()).items[0];
      const outbox = await (await server.app.request(`${API_BASE}/dev/outbox?to=ana.silva@riverside.example`)).json();
      assert.equal(outbox.items[0].sentAt, invitation.lastSentAt);
      assert.notEqual(invitation.lastSentAt.slice(0, 10), new Date().toISOString().slice(0, 10));
    } finally {
      await server.close();
    }
  });

  it('stores passwords as salted scrypt hashes, never as given', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true });
    try {
      const outbox = await (await server.app.request(`${API_BASE}/dev/outbox?to=kim.nguyen@riverside.example`)).json();
      const token = new URL(outbox.items[0].acceptUrl).searchParams.get('token')!;
      const answer = await server.app.request(`${API_BASE}/invitations/${token}/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Kim', password: 'correct horse battery' }),
      });
      const member = await answer.json();
      const stored = (await server.store.member(member.id))?.passwordHash ?? '';
      assert.match(stored, /^scrypt\$16384\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
      assert.doesNotMatch(stored, /correct horse/);
    } finally {
      await server.close();
    }
  });

  it('has no demo endpoints, demo tokens or seed in production mode', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: false });
    try {
      assert.equal((await server.app.request(`${API_BASE}/dev/outbox`)).status, 404);
      assert.equal(
        (await server.app.request(`${API_BASE}/dev/clock`, { method: 'POST', headers: admin, body: '{"advanceMs":1}' }))
          .status,
        404,
      );
      assert.equal((await server.app.request(`${API_BASE}/groups/demo`, { headers: admin })).status, 401);
      assert.equal(await server.store.group('demo'), undefined);
      assert.equal((await server.app.request('/')).status, 404);
    } finally {
      await server.close();
    }
  });

  it('keeps its data in the database file across restarts and seeds it only once', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'manage-users-'));
    const database = join(folder, 'test.db');
    try {
      const first = await createServer({ database, publicUrl: 'http://lms.test', demo: true });
      await first.app.request(`${API_BASE}/groups/demo/invitations`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ batches: [{ role: 'learner', emails: ['kept@x.org'] }] }),
      });
      await first.close();
      const second = await createServer({ database, publicUrl: 'http://lms.test', demo: true });
      const group = await (await second.app.request(`${API_BASE}/groups/demo`, { headers: admin })).json();
      await second.close();
      assert.deepEqual(group.seats, { total: 25, active: 10, pending: 5, expired: 3, available: 7 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('answers an unexpected failure with a 500 problem body and no stack trace', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true });
    try {
      server.store.group = async () => {
        throw new Error('disk on fire at /secret/path');
      };
      const original = console.error;
      console.error = () => {};
      const response = await Promise.resolve(server.app.request(`${API_BASE}/groups/demo`, { headers: admin })).finally(
        () => (console.error = original),
      );
      assert.equal(response.status, 500);
      const body = await response.json();
      assert.equal(body.code, 'server_error');
      assert.doesNotMatch(JSON.stringify(body), /secret|fire|at /);
    } finally {
      await server.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 rate_limited with Retry-After past the limit, per caller, and recovers after the window', async () => {
    const store = createMemoryStore();
    const clock = createClock();
    const mailer = outboxMailer(store, () => clock.now());
    await seedDemo({ store, clock, acceptUrl: (t) => t });
    const app = createApiApp({
      store,
      clock,
      mailer,
      acceptUrl: (t) => t,
      hashPassword: async (p) => p,
      authenticate: demoAuthenticate(store),
      demo: true,
      rateLimit: { requests: 3, windowMs: 60_000 },
    });
    const get = (token: string) => app.request('/groups/demo/me', { headers: { Authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) assert.equal((await get('demo-admin')).status, 200);
    const limited = await get('demo-admin');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '60');
    assert.equal((await limited.json()).code, 'rate_limited');
    assert.equal((await get('demo-learner')).status, 200);
    clock.advance(60_000);
    assert.equal((await get('demo-admin')).status, 200);
  });
});
