/**
 * The durable job queue and its worker, on every store: exactly one worker gets each job,
 * ordered jobs of one group run in order, temporary failures come back after a backoff,
 * permanent ones stop, and a dead worker's jobs are taken over when its lease runs out.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClock } from '../../api/domain/clock.ts';
import { JobError, MAX_ATTEMPTS, retryDelay, startWorker, type JobHandler } from '../../api/jobs/worker.ts';
import { createMemoryStore } from '../../api/store/memory-store.ts';
import { openPostgresStore } from '../../api/store/postgres-store.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import type { JobClaim, Store } from '../../api/store/store.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/postgres.ts';
import { waitFor } from '../helpers/wait-for.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const job = (kind: string, groupKey: string, payload: unknown, ordered = false) => ({
  kind,
  groupKey,
  ordered,
  payload: JSON.stringify(payload),
  dueAt: T0,
  createdAt: T0,
});
const claimAs = (worker: string, limit = 100): JobClaim => ({
  worker,
  now: T0,
  wallNow: new Date().toISOString(),
  claimedUntil: new Date(Date.now() + 60_000).toISOString(),
  limit,
});

let postgres: ThrowawayPostgres;
let folder: string;
before(async () => {
  postgres = await startPostgres();
  folder = await mkdtemp(join(tmpdir(), 'manage-users-jobs-'));
});
after(async () => {
  await postgres.stop();
  await rm(folder, { recursive: true, force: true });
});

/**
 * Two stores on one database, as two server processes have. SQLite and memory: one store
 * shared (node:sqlite waits for a lock synchronously, so two connections in one process would
 * block each other; the restart test in delivery.test.ts runs SQLite across processes).
 */
const targets: Array<[string, () => Promise<[Store, Store]>]> = [
  [
    'SQLite',
    () => {
      const store = openSqliteStore(join(folder, `${crypto.randomUUID()}.db`));
      return Promise.resolve([store, store]);
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = await postgres.createDatabase();
      const first = await openPostgresStore(url);
      return [first, await openPostgresStore(url)];
    },
  ],
  [
    'memory',
    () => {
      const store = createMemoryStore();
      return Promise.resolve([store, store]);
    },
  ],
];

for (const [name, open] of targets) {
  describe(`job queue on ${name}`, () => {
    it('gives each job to exactly one of two workers claiming at once', async () => {
      const [one, two] = await open();
      await one.transaction(async (tx) => {
        for (let i = 0; i < 200; i++) await tx.enqueueJobs([job('mail', 'g', i)]);
      });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? one : two).transaction((tx) => tx.claimJobs(claimAs(`w${i}`, 30))),
        ),
      );
      const ids = claims.flat().map((claimed) => claimed.id);
      assert.equal(ids.length, 200);
      assert.equal(new Set(ids).size, 200);
      await Promise.all([one.close(), two === one ? undefined : two.close()]);
    });

    it('keeps a later ordered job of a group back while an earlier one is pending', async () => {
      const [store] = await open();
      await store.transaction(async (tx) => {
        await tx.enqueueJobs([job('webhook', 'g1', 'first', true)]);
        await tx.enqueueJobs([job('webhook', 'g1', 'second', true)]);
        await tx.enqueueJobs([job('webhook', 'g2', 'other group', true)]);
      });
      const first = await store.claimJobs(claimAs('w'));
      assert.deepEqual(
        first.map((claimed) => JSON.parse(claimed.payload)),
        ['first', 'other group'],
      );
      const retrying = first[0]?.id ?? 0;
      await store.settleJob(retrying, 'w', { status: 'pending', dueAt: T0, error: 'try later' });
      assert.deepEqual(
        (await store.claimJobs(claimAs('w'))).map((claimed) => JSON.parse(claimed.payload)),
        ['first'],
        'the retried job comes back before the one behind it',
      );
      await store.settleJob(retrying, 'w', { status: 'done' });
      assert.deepEqual(
        (await store.claimJobs(claimAs('w'))).map((claimed) => JSON.parse(claimed.payload)),
        ['second'],
      );
      await store.close();
    });

    it('hands a job whose lease ran out (its worker died) to another worker', async () => {
      const [store] = await open();
      await store.enqueueJobs([job('mail', 'g', 'x')]);
      const dying = await store.claimJobs({ ...claimAs('dead'), claimedUntil: new Date(Date.now() - 1).toISOString() });
      assert.equal(dying.length, 1);
      const taken = await store.claimJobs(claimAs('alive'));
      assert.deepEqual(
        taken.map((claimed) => [claimed.id, claimed.attempts]),
        [[dying[0]?.id, 2]],
      );
      await store.settleJob(taken[0]?.id ?? 0, 'dead', { status: 'done' });
      assert.deepEqual(await store.jobCounts('mail'), { pending: 1, failed: 0 }, 'the dead worker settles nothing');
      await store.close();
    });
  });
}

describe('job worker', () => {
  const start = (handlers: Record<string, JobHandler>) => {
    const store = createMemoryStore();
    const clock = createClock();
    const worker = startWorker({ store, clock, handlers });
    const enqueue = (kind: string, payload: unknown) =>
      store.enqueueJobs([{ ...job(kind, 'g', payload), dueAt: clock.now().toISOString() }]);
    return { store, clock, worker, enqueue };
  };

  it('tries a temporary failure again after the backoff, and stops after a permanent one', async () => {
    const attempts: string[] = [];
    const { store, clock, worker, enqueue } = start({
      flaky: {
        perform(claimed) {
          attempts.push(`flaky ${claimed.attempts}`);
          return claimed.attempts < 3 ? Promise.reject(new JobError('busy', false)) : Promise.resolve();
        },
      },
      refused: {
        perform() {
          attempts.push('refused');
          return Promise.reject(new JobError('no such mailbox', true));
        },
      },
    });
    await enqueue('flaky', 1);
    await enqueue('refused', 2);
    await worker.runDue();
    assert.deepEqual(attempts.sort(), ['flaky 1', 'refused']);
    clock.advance(retryDelay(1));
    await worker.runDue();
    clock.advance(retryDelay(2));
    await worker.runDue();
    assert.deepEqual(attempts, ['flaky 1', 'refused', 'flaky 2', 'flaky 3']);
    assert.deepEqual(await store.jobCounts('flaky'), { pending: 0, failed: 0 });
    assert.deepEqual(await store.jobCounts('refused'), { pending: 0, failed: 1 });
    await worker.stop();
  });

  it(`fails a job for good after ${MAX_ATTEMPTS} temporary failures`, async () => {
    let tries = 0;
    const { store, clock, worker, enqueue } = start({
      down: { perform: () => Promise.reject(new JobError(`down ${++tries}`, false)) },
    });
    await enqueue('down', 1);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS + 2; attempt++) {
      await worker.runDue();
      clock.advance(retryDelay(attempt));
    }
    assert.equal(tries, MAX_ATTEMPTS);
    assert.deepEqual(await store.jobCounts('down'), { pending: 0, failed: 1 });
    await worker.stop();
  });

  it('stops after the batch in flight, leaving a backlog for the next start', async () => {
    let ran = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { store, worker, enqueue } = start({ mail: { perform: () => (++ran === 1 ? Promise.resolve() : held) } });
    await enqueue('mail', 'first');
    await waitFor(() => ran > 0, 'the first job to run');
    await store.enqueueJobs(Array.from({ length: 1000 }, (_, n) => job('mail', 'g', n)));
    worker.wake();
    await waitFor(() => ran > 1, 'a batch of the backlog to start');
    const stopping = worker.stop();
    release();
    await stopping;
    assert.ok((await store.jobCounts('mail')).pending > 0, 'jobs left for the next start');
  });

  it('runs a job enqueued later once woken, without being asked to', async () => {
    const done: unknown[] = [];
    const { worker, enqueue } = start({
      note: { perform: (claimed) => Promise.resolve(void done.push(claimed.payload)) },
    });
    await enqueue('note', 'hello');
    worker.wake();
    await waitFor(() => done.length > 0, 'the job to run');
    assert.deepEqual(done, ['"hello"']);
    await worker.stop();
  });
});
