/** The password rule on the reference server, and what a bogus accept costs it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, API_BASE } from '../../demo/server/app.ts';
import { createApiApp } from '../../api/http/app.ts';
import { createMemoryStore } from '../../api/store/memory-store.ts';
import { createClock } from '../../api/domain/clock.ts';
import { outboxMailer } from '../../api/mail/mailer.ts';
import { seedDemo, demoAuthenticate } from '../../api/domain/seed.ts';
import { createInvitationsClient, ValidationError } from '../../sdk/index.ts';
import { listen } from '../helpers/browser.ts';

async function withServer(test: (server: Awaited<ReturnType<typeof createServer>>, token: string) => Promise<void>) {
  const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true });
  try {
    const outbox = await (await server.app.request(`${API_BASE}/dev/outbox?to=kim.nguyen@riverside.example`)).json();
    await test(server, new URL(outbox.items[0].acceptUrl).searchParams.get('token') ?? '');
  } finally {
    await server.close();
  }
}

describe('password rule', () => {
  it('refuses a common password through the SDK as validation_failed on body.password, code common_password', async () => {
    await withServer(async (server, token) => {
      const http = await listen(() => server.app.fetch);
      try {
        const invitee = createInvitationsClient({ baseUrl: `${http.origin}${API_BASE}/` });
        const error = await invitee.invitee
          .accept(token, { name: 'Kim', password: 'PASSWORD' })
          .catch((e: unknown) => e);
        assert.ok(error instanceof ValidationError, String(error));
        assert.equal(error.code, 'validation_failed');
        assert.deepEqual(
          error.errors.map(({ path, code }) => ({ path, code })),
          [{ path: 'body.password', code: 'common_password' }],
        );
        assert.equal(
          (await invitee.invitee.accept(token, { name: 'Kim', password: 'violet tractor rhubarb' })).name,
          'Kim',
        );
      } finally {
        await http.close();
      }
    });
  });

  it('tells the invitee on the accept page why, in English and in Spanish', async () => {
    await withServer(async (server, token) => {
      const post = (lang: string) =>
        server.app.request('/accept', {
          method: 'POST',
          body: new URLSearchParams({ token, lang, name: 'Kim', password: 'aaaaaaaa' }),
        });
      const english = await post('en');
      assert.equal(english.status, 422);
      assert.match(
        await english.text(),
        /This password is one of the most common ones\. Choose one that is harder to guess\./,
      );
      assert.match(await (await post('es')).text(), /Esta contraseña es una de las más comunes\./);
    });
  });

  it('checks the token before hashing any password: an unknown link costs no scrypt', async () => {
    const store = createMemoryStore();
    const clock = createClock();
    const mailer = outboxMailer(store, () => clock.now());
    await seedDemo({ store, clock, acceptUrl: (t) => t });
    let hashes = 0;
    const hashPassword = async (password: string) => `hashed ${password.length} ${++hashes}`;
    const app = createApiApp({
      store,
      clock,
      mailer,
      acceptUrl: (t) => t,
      hashPassword,
      authenticate: demoAuthenticate(store),
      demo: true,
    });
    const accept = async (token: string) =>
      await app.request(`/invitations/${token}/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Mallory', password: 'a long enough password' }),
      });
    const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => accept(`bogus-${i}`)));
    assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [404]);
    assert.equal(hashes, 0);
  });
});
