/**
 * The reference server killed (SIGKILL) while it delivers a 500-address invite, then started
 * again on the same database: every committed invitation is delivered, and exactly once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { freePort } from '../helpers/free-port.ts';
import { roomyDatabase, startServer } from '../helpers/server-process.ts';
import { startSmtpServer } from '../helpers/smtp-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const EMAILS = Array.from({ length: 500 }, (_, i) => `crash${i}@crash.example`);

/** How many of the invitations the database records as sent (read beside the running server). */
function recordedSent(file: string): number {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const row = db
      .prepare(`SELECT count(*) AS n FROM invitations WHERE email LIKE '%@crash.example' AND delivery_status = 'sent'`)
      .get();
    return Number(row?.n);
  } finally {
    db.close();
  }
}

describe('delivery across a crash', () => {
  let folder: string;
  before(async () => (folder = await mkdtemp(join(tmpdir(), 'manage-users-crash-'))));
  after(() => rm(folder, { recursive: true, force: true }));

  // Bounded: a server that never starts or never stops fails the test instead of holding the run.
  it(
    'delivers every committed invitation exactly once after a SIGKILL mid-delivery and a restart',
    {
      timeout: 180_000,
    },
    async () => {
      const file = join(folder, 'crash.db');
      await roomyDatabase(file);
      // The mail server takes 100 messages, then stalls: the worker has more in flight when it dies.
      const smtp = await startSmtpServer({ holdAfter: 100 });
      const port = await freePort();
      const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, JOB_LEASE_SECONDS: '2' };
      const first = await startServer(file, port, env);
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/api/v1/groups/demo/invitations`, {
          method: 'POST',
          headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
          body: JSON.stringify({ batches: [{ role: 'learner', emails: EMAILS }] }),
        });
        assert.equal(answer.status, 201);
        await waitFor(
          () => smtp.received.length === 100 && recordedSent(file) === 100,
          '100 messages sent and recorded',
        );
        const exited = once(first, 'exit');
        first.kill('SIGKILL');
        await exited;
      } finally {
        first.kill('SIGKILL');
      }
      smtp.release();
      const second = await startServer(file, port, env);
      try {
        await waitFor(() => recordedSent(file) === EMAILS.length, 'every invitation recorded as sent', 60_000);
        const recipients = smtp.received.map((message) => message.to).filter((to) => to.endsWith('@crash.example'));
        assert.deepEqual([...recipients].sort(), [...EMAILS].sort(), 'each address got exactly one message');
      } finally {
        second.kill('SIGTERM');
        await once(second, 'exit');
        await smtp.close();
      }
    },
  );
});
