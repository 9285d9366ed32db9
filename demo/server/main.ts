/**
 * Starts the reference server: `PORT` (8000), `DATABASE_URL` (`postgres://…`) or `DATABASE` (a SQLite
 * file, default demo/manage-users.db),
 * `WEBHOOK_URL` and `WEBHOOK_SECRET` (`whsec_…`) to POST every activity event, signed (Standard Webhooks),
 * `SQLITE_READERS` (2) for the reader threads that run a SQLite file's lists (0: none),
 * `SMTP_URL` and `MAIL_FROM` for real mail, `PUBLIC_URL` for links in emails, `REMINDER_DAYS` (3) for
 * when before expiry a pending invitation's reminder goes out, `JOB_LEASE_SECONDS` (120) for how
 * long the delivery worker holds a job (after a crash, the emails in flight go out again this much later),
 * `NODE_ENV=production` to turn demo mode off, `TRUST_PROXY=1` behind one reverse proxy (the
 * client address for rate limits is then read from `X-Forwarded-For`), `CORS_ORIGINS`
 * (comma-separated exact origins) for host pages on other origins. It listens on 127.0.0.1
 * unless `HOST` says otherwise (`HOST=0.0.0.0` for every interface).
 * A `PORT` in use or a `DATABASE` that cannot be opened stops it with one line naming the variable
 * (`start-up.ts`); the port is taken before the database is opened.
 *
 * On SIGTERM or SIGINT it shuts down gracefully: `/readyz` turns 503, it stops accepting
 * connections, finishes the requests in flight and the emails being sent, then closes the database.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createServer } from './app.ts';
import { parseOrigins } from '../../api/http/cors.ts';
import { lingerOnClose } from './lingering-close.ts';
import { listenOn, openDatabase } from './start-up.ts';

const port = Number(process.env.PORT ?? 8000);
const demo = process.env.NODE_ENV !== 'production';
const host = process.env.HOST ?? '127.0.0.1';
const database =
  process.env.DATABASE_URL ?? process.env.DATABASE ?? new URL('../manage-users.db', import.meta.url).pathname;

// The port first: a port in use stops start-up before the database is created, migrated or seeded.
let server: Awaited<ReturnType<typeof createServer>> | undefined;
const http = createAdaptorServer({
  fetch: (request, env) =>
    server
      ? server.app.fetch(request, env)
      : new Response('Starting', { status: 503, headers: { 'Retry-After': '1' } }),
});
await listenOn(http, port, host);
// A client still sending a body refused with 413 reads the 413, not a reset.
lingerOnClose(http);

server = await openDatabase(
  () =>
    createServer({
      database,
      sqliteReaders: process.env.SQLITE_READERS === undefined ? undefined : Number(process.env.SQLITE_READERS),
      publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
      demo,
      smtpUrl: process.env.SMTP_URL,
      corsOrigins: parseOrigins(process.env.CORS_ORIGINS),
      ...(process.env.MAIL_FROM ? { mailFrom: process.env.MAIL_FROM } : {}),
      trustProxy: Number(process.env.TRUST_PROXY ?? 0) || 0,
      idempotencySecret: process.env.IDEMPOTENCY_SECRET,
      reminderDays: process.env.REMINDER_DAYS === undefined ? undefined : Number(process.env.REMINDER_DAYS),
      jobLeaseMs:
        process.env.JOB_LEASE_SECONDS === undefined ? undefined : Number(process.env.JOB_LEASE_SECONDS) * 1000,
      webhookUrl: process.env.WEBHOOK_URL,
      webhookSecret: process.env.WEBHOOK_SECRET,
    }),
  database,
);
const origin = `http://${host.includes(':') ? `[${host}]` : host}:${(http.address() as AddressInfo).port}`;
console.log(`Manage Users demo: ${origin}/  (API: ${origin}/api/v1/, demo mode ${demo ? 'on' : 'off'})`);

let stopping = false;
async function shutDown() {
  if (stopping) return;
  stopping = true;
  server?.drain();
  // close() stops accepting and resolves once every request in flight has been answered;
  // a client that keeps an idle connection open longer than this is cut off.
  setTimeout(() => 'closeAllConnections' in http && http.closeAllConnections(), 10_000).unref();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await server?.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutDown());
