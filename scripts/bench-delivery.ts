/**
 * Delivery throughput: 2,000 invitations (four invites of 500) sent by the outbox worker to a
 * real SMTP server on loopback (the `smtp-server` package, which takes every message), on a
 * SQLite file. Also measures the window a crash could fall into between the mail server's
 * acceptance of a message and the commit that records it (the one case that sends twice).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createApiApp } from '../api/http/app.ts';
import { createClock } from '../api/domain/clock.ts';
import { demoAuthenticate, seedDemo } from '../api/domain/seed.ts';
import { hashPassword } from '../api/domain/passwords.ts';
import { smtpMailer } from '../api/mail/smtp-mailer.ts';
import { openSqliteStore } from '../api/store/sqlite-store.ts';
import type { Store, Transaction } from '../api/store/store.ts';

const INVITES = 4;
const PER_INVITE = 500;

/** An SMTP server that takes every message and counts them. */
async function countingSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received: () => received, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

/**
 * The store, timing each transaction that settles a job: from the moment the worker asks for it
 * (the send just resolved) to its commit. A crash inside that span sends the message again.
 */
function timingSettles(store: Store, spans: number[]): Store {
  return {
    ...store,
    transaction: async <T>(work: (tx: Transaction) => Promise<T>) => {
      const start = performance.now();
      let settles = false;
      const result = await store.transaction((tx) => {
        const spied: Transaction = {
          ...tx,
          settleJob: (...args) => {
            settles = true;
            return tx.settleJob(...args);
          },
        };
        return work(spied);
      });
      if (settles) spans.push(performance.now() - start);
      return result;
    },
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

export async function deliveryThroughput() {
  const folder = await mkdtemp(join(tmpdir(), 'manage-users-delivery-bench-'));
  const sink = await countingSink();
  const store = openSqliteStore(join(folder, 'bench.db'));
  const clock = createClock();
  const acceptUrl = (token: string) => `http://localhost/accept?token=${token}`;
  await seedDemo({ store, clock, acceptUrl });
  await store.setTotalSeats('demo', 100_000);
  const spans: number[] = [];
  const app = createApiApp({
    store: timingSettles(store, spans),
    clock,
    mailer: smtpMailer(`smtp://127.0.0.1:${sink.port}`, 'Bench <bench@localhost>'),
    acceptUrl,
    hashPassword,
    authenticate: demoAuthenticate(store),
    demo: false,
  });
  const started = performance.now();
  let answered = 0;
  for (let invite = 0; invite < INVITES; invite++) {
    const emails = Array.from({ length: PER_INVITE }, (_, i) => `bench${invite}-${i}@bench.example`);
    const answer = await app.request('/groups/demo/invitations', {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ batches: [{ role: 'learner', emails }] }),
    });
    if (answer.status !== 201) throw new Error(`invite answered ${answer.status}`);
    answered = performance.now() - started;
  }
  const total = INVITES * PER_INVITE;
  while (sink.received() < total) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;
  await app.worker.stop();
  await store.close();
  await sink.close();
  await rm(folder, { recursive: true, force: true });

  const mean = spans.reduce((sum, span) => sum + span, 0) / spans.length;
  console.log(
    `\nDelivery: ${total.toLocaleString('en')} invitations (${INVITES} invites of ${PER_INVITE}) to an SMTP server on loopback, SQLite file`,
  );
  console.log(`  the ${INVITES} invites answered in ${answered.toFixed(0)} ms (their emails queued, none sent yet)`);
  console.log(`  delivered in ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(0)} messages/s`);
  console.log(
    `  crash window (mail server's 250 → the settling commit): p50 ${percentile(spans, 0.5).toFixed(2)} ms, ` +
      `p99 ${percentile(spans, 0.99).toFixed(2)} ms, mean ${mean.toFixed(2)} ms; a SIGKILL at a random moment ` +
      `finds ${((total / seconds) * (mean / 1000)).toFixed(2)} messages in it on average (throughput × mean window)`,
  );
}
