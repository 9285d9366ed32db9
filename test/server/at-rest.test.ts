/** What the database keeps: never a password or a raw invitation token, in any of its files. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, API_BASE } from '../../demo/server/app.ts';
import { MIGRATIONS } from '../../api/store/sqlite-migrations.ts';
import { createInvitationsClient } from '../../sdk/index.ts';
import { listen } from '../helpers/browser.ts';
import { smtpSink } from '../helpers/smtp-sink.ts';
import { waitFor } from '../helpers/wait-for.ts';

const PASSWORD = 'Prod-Secret-Passphrase-42';

/** Every file of the database (main file, WAL, shared memory), as raw bytes. */
async function databaseFiles(folder: string) {
  const names = (await readdir(folder)).filter((name) => name.startsWith('test.db') && !name.endsWith('.secret'));
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })));
}

async function assertNowhere(folder: string, secrets: string[]) {
  const files = await databaseFiles(folder);
  assert.ok(files.some((file) => file.name === 'test.db'));
  for (const file of files) {
    for (const secret of secrets) assert.equal(file.bytes.indexOf(secret), -1, `${file.name} contains ${secret}`);
  }
}

/** A file-backed server with real SMTP (so no outbox keeps the link), listening on loopback. */
async function start(folder: string, sink: { port: number }) {
  const server = await createServer({
    database: join(folder, 'test.db'),
    publicUrl: 'http://lms.test',
    demo: true,
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
  });
  const http = await listen(() => server.app.fetch);
  return { server, baseUrl: `${http.origin}${API_BASE}/`, close: () => http.close().then(() => server.close()) };
}

describe('data at rest', () => {
  it('keeps neither the password nor the raw token in any file of the database after an accept', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'manage-users-'));
    const sink = await smtpSink();
    const running = await start(folder, sink);
    try {
      const admin = createInvitationsClient({ baseUrl: running.baseUrl, getToken: () => 'demo-admin' });
      await admin.invitations.create('demo', { batches: [{ role: 'learner', emails: ['rest@x.org'] }] });
      const mail = await waitFor(
        () => sink.messages.find((message) => message.to.some((to) => to.includes('rest@x.org'))),
        'the invitation at the SMTP server',
      );
      const token = /token=3D([\w-]{43})/.exec(mail?.data.replace(/=\n/g, '') ?? '')?.[1] ?? '';
      assert.equal(token.length, 43);
      const member = await createInvitationsClient({ baseUrl: running.baseUrl }).invitee.accept(token, {
        name: 'Rest',
        password: PASSWORD,
      });
      assert.equal(member.email, 'rest@x.org');

      const db = new DatabaseSync(join(folder, 'test.db'), { readOnly: true });
      const fingerprints = db
        .prepare('SELECT fingerprint FROM stored_responses')
        .all()
        .map((row) => String(row.fingerprint));
      db.close();
      assert.ok(fingerprints.length >= 2, 'the invite and the accept were stored for replay');
      for (const fingerprint of fingerprints) assert.match(fingerprint, /^[0-9a-f]{64}$/);
      await assertNowhere(folder, [PASSWORD, token]);
      await running.close();
      await assertNowhere(folder, [PASSWORD, token]);
    } finally {
      await running.close().catch(() => undefined);
      sink.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('scrubs answers stored by an earlier version, raw paths and passwords included, from every file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'manage-users-'));
    try {
      const old = new DatabaseSync(join(folder, 'test.db'));
      old.exec(`PRAGMA journal_mode = WAL; ${MIGRATIONS[0]} PRAGMA user_version = 1;`);
      old
        .prepare('INSERT INTO stored_responses VALUES (?, ?, ?, ?, ?, ?)')
        .run(
          'public',
          'k1',
          `POST /api/v1/invitations/raw-token-123/accept\n{"name":"A","password":"${PASSWORD}"}`,
          201,
          '{}',
          new Date().toISOString(),
        );
      old.close();
      const server = await createServer({
        database: join(folder, 'test.db'),
        publicUrl: 'http://lms.test',
        demo: false,
      });
      await server.close();
      await assertNowhere(folder, [PASSWORD, 'raw-token-123']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('keeps the fingerprint secret beside the database, readable by its owner only, and replays after a restart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'manage-users-'));
    const sink = await smtpSink();
    try {
      const send = async () => {
        const running = await start(folder, sink);
        const admin = createInvitationsClient({ baseUrl: running.baseUrl, getToken: () => 'demo-admin' });
        const response = await fetch(`${running.baseUrl}groups/demo/subgroups`, {
          method: 'POST',
          headers: {
            Authorization: 'Bearer demo-admin',
            'Content-Type': 'application/json',
            'Idempotency-Key': 'restart-1',
          },
          body: JSON.stringify({ name: 'Night shift' }),
        });
        const subgroups = await admin.subgroups.list('demo');
        await running.close();
        return { status: response.status, body: await response.json(), count: subgroups.items.length };
      };
      const first = await send();
      const again = await send();
      assert.equal(first.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.count, first.count);
      assert.equal((await stat(join(folder, 'test.db.secret'))).mode & 0o777, 0o600);
    } finally {
      sink.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
