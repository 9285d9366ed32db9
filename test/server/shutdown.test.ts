/**
 * The reference server as an operator stops it: SIGTERM in the middle of a stream of invites.
 * Every invitation the server acknowledged (201) is in the database afterwards.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../helpers/free-port.ts';
import { roomyDatabase, startServer } from '../helpers/server-process.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';

describe('graceful shutdown', () => {
  let folder: string;
  before(async () => (folder = await mkdtemp(join(tmpdir(), 'manage-users-shutdown-'))));
  after(() => rm(folder, { recursive: true, force: true }));

  it('loses no acknowledged invitation when SIGTERM arrives mid-load', async () => {
    const file = join(folder, 'shutdown.db');
    await roomyDatabase(file);
    const port = await freePort();
    const child = await startServer(file, port);
    const exited = once(child, 'exit');
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    /** Answers that arrived after SIGTERM: requests in flight were finished, not dropped. */
    let answeredAfterKill = 0;
    const invite = async (email: string) => {
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/groups/demo/invitations`, {
        method: 'POST',
        headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
        body: JSON.stringify({ batches: [{ role: 'learner', emails: [email] }] }),
      });
      if (answer.status === 201) acknowledged.push(email);
      if (killed) answeredAfterKill++;
    };
    /** One of ten clients: invites one address after another until the server is gone. */
    const client = async () => {
      for (;;) {
        const email = `load${sent++}@shutdown.example`;
        if (acknowledged.length >= 30 && !killed) killed = child.kill('SIGTERM');
        try {
          await invite(email);
        } catch (error) {
          if (!killed) throw error; // the server failed before it was told to stop
          return; // refused or cut off after SIGTERM: not acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, client));
    const [code] = await exited;
    assert.equal(code, 0);
    assert.ok(acknowledged.length >= 30, `only ${acknowledged.length} acknowledged`);
    assert.ok(answeredAfterKill > 0, 'no request in flight was answered after SIGTERM');
    const store = openSqliteStore(file);
    const stored = await store.invitationsByEmail('demo', acknowledged);
    await store.close();
    assert.equal(stored.length, acknowledged.length);
  });
});
