/**
 * The SQLite store with reader threads (`SQLITE_READERS`): lists run beside the writer on
 * connections of their own, and still see every write that was answered before them; closing
 * the store waits for the reads in flight, then stops the threads.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../helpers/free-port.ts';
import { roomyDatabase, startServer } from '../helpers/server-process.ts';
import { sqliteFiles } from '../helpers/sqlite-files.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import { createInvitationsClient, type InvitationsClient } from '../../sdk/index.ts';

const files = sqliteFiles();
after(() => files.remove());

describe('the reference server with reader threads', () => {
  let server: ChildProcess;
  let client: InvitationsClient;
  before(async () => {
    const file = files.path();
    await roomyDatabase(file);
    const port = await freePort();
    server = await startServer(file, port, { SQLITE_READERS: '2' });
    client = createInvitationsClient({
      baseUrl: `http://127.0.0.1:${port}/api/v1/`,
      getToken: () => 'demo-admin',
      retry: 0,
    });
  });
  after(() => server.kill('SIGKILL'));

  it('lists an invitation in the request right after the invite that made it', async () => {
    for (let n = 0; n < 20; n++) {
      const email = `fresh${n}@readers.example`;
      await client.invitations.create('demo', { batches: [{ role: 'learner', emails: [email] }] });
      const [newest] = (await client.invitations.list('demo', { sort: '-createdAt', limit: 1 })).items;
      const found = await client.invitations.list('demo', { q: email });
      assert.deepEqual([newest?.email, found.total], [email, 1]);
    }
  });

  it('leaves a removed invitation out of the request right after the removal', async () => {
    for (let n = 0; n < 20; n++) {
      const email = `gone${n}@readers.example`;
      const { results } = await client.invitations.create('demo', { batches: [{ role: 'learner', emails: [email] }] });
      const listed = (await client.invitations.list('demo', { q: email })).total;
      const ids = results.flatMap((result) => (result.invitation ? [result.invitation.id] : []));
      await client.invitations.remove('demo', ids);
      assert.deepEqual([listed, (await client.invitations.list('demo', { q: email })).total], [1, 0]);
    }
  });

  it('stops on SIGTERM after its lists ran on reader threads', async () => {
    await client.invitations.list('demo', { q: 'readers.example' });
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    assert.deepEqual(await exited, [0, null]);
  });
});

describe('closing a SQLite store with reader threads', () => {
  it('answers the reads in flight, then refuses new ones', async () => {
    const store = files.open({ readers: 2 });
    await store.insertGroup({ id: 'g', name: 'Group', totalSeats: 5 });
    const inFlight = store.members('g', { sort: 'email', limit: 10 });
    await store.close();
    assert.equal((await inFlight).total, 0);
    await assert.rejects(store.members('g', { sort: 'email', limit: 10 }), /closed/);
  });

  it('leaves the database in one file that a copy can take whole (its WAL checkpointed and gone)', async () => {
    const path = files.path();
    const store = openSqliteStore(path, { readers: 2 });
    await store.insertGroup({ id: 'g', name: 'Group', totalSeats: 5 });
    await Promise.all([store.subgroups('g'), store.members('g', { sort: 'email', limit: 10 })]);
    await store.close();
    assert.equal(existsSync(`${path}-wal`), false);
  });
});

describe('opening a SQLite store with reader threads', () => {
  it('refuses a number of reader threads that is not a whole number from 0, saying so', () => {
    for (const readers of [-1, 1.5, Number('two')]) {
      assert.throws(() => openSqliteStore(files.path(), { readers }), /SQLITE_READERS.*a whole number from 0/);
    }
  });
});
