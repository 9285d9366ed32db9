/**
 * The contract on a vendor's own Node backend (`manage-users/server`): the Hono app of the
 * API, the SQLite, PostgreSQL and in-memory stores, the mailers, and the pieces the reference server is
 * made of. Mount `createApiApp(…)` under your base path and plug in your own session check
 * as `authenticate`; `app.fetch` runs in any Fetch-compatible server or behind
 * `@hono/node-server`.
 *
 * @example
 * import { Hono } from 'hono';
 * import { serve } from '@hono/node-server';
 * import { createApiApp, openSqliteStore, createClock, smtpMailer } from 'manage-users/server';
 * import { hashPassword, isCommonPassword } from 'manage-users/server';
 *
 * const store = openSqliteStore('./manage-users.db');
 * const api = createApiApp({
 *   store,
 *   clock: createClock(),
 *   mailer: smtpMailer(process.env.SMTP_URL!, 'Training <no-reply@lms.example.com>'),
 *   acceptUrl: (token) => `https://lms.example.com/accept?token=${encodeURIComponent(token)}`,
 *   hashPassword,
 *   isCommonPassword, // refuses the 10,000 most common passwords
 *   authenticate: async (token) => mySessions.memberFor(token), // a MemberView, or undefined for 401
 *   demo: false,
 * });
 * serve({ fetch: new Hono().route('/api/v1', api).fetch, port: 8000 });
 *
 * @packageDocumentation
 */
import type { ApiAppOptions } from './http/app.ts';

export { createApiApp, MAX_BODY_BYTES, type ApiAppOptions } from './http/app.ts';
export { allowOrigins, parseOrigins, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from './http/cors.ts';
export { openApiDocument } from './http/openapi.ts';
export type { RateLimit } from './http/rate-limit.ts';
export { openSqliteStore } from './store/sqlite-store.ts';
export { openPostgresStore } from './store/postgres-store.ts';
export { createMemoryStore } from './store/memory-store.ts';
export type { Store, Storage, Transaction, GroupRow, MemberRow, MemberView } from './store/store.ts';
export { outboxMailer, type Mail, type Mailer } from './mail/mailer.ts';
export { smtpMailer } from './mail/smtp-mailer.ts';
export { hashPassword } from './domain/passwords.ts';
export { isCommonPassword } from './domain/common-passwords.ts';
export { createClock, type Clock } from './domain/clock.ts';

/** Your session check: the member a bearer token belongs to, or `undefined` (the API answers 401). */
export type Authenticate = ApiAppOptions['authenticate'];
