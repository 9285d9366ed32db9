/**
 * The reference server: the invitations API under `/api/v1/`, its OpenAPI document, the
 * invitee's accept page, and the demo host page with the built widget.
 */
import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { createApiApp } from '../../api/http/app.ts';
import { openApiDocument } from '../../api/http/openapi.ts';
import { createClock } from '../../api/domain/clock.ts';
import { outboxMailer, type Mailer } from '../../api/domain/mail.ts';
import { demoAuthenticate, seedDemo } from '../../api/domain/seed.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { hashPassword } from './passwords.ts';
import { smtpMailer } from './smtp-mailer.ts';
import { acceptPage, languageOf } from './accept-page.ts';

export const API_BASE = '/api/v1';

export interface ServerOptions {
  /** SQLite file, or `:memory:`. */
  database: string;
  /** Where the server is reached from outside, for links in emails. */
  publicUrl: string;
  /** Outbox, clock and demo tokens (never in production). */
  demo: boolean;
  smtpUrl?: string | undefined;
  mailFrom?: string;
}

export async function createServer(options: ServerOptions) {
  const store = openSqliteStore(options.database);
  const clock = createClock();
  const mailer: Mailer = options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.mailFrom ?? 'Manage Users <no-reply@localhost>')
    : outboxMailer(store, () => clock.now());
  const acceptUrl = (token: string) => `${options.publicUrl}/accept?token=${encodeURIComponent(token)}`;
  // Seed invitations are for show: their emails stay in the outbox even with SMTP.
  if (options.demo) await seedDemo({ store, clock, mailer: outboxMailer(store, () => clock.now()), acceptUrl });

  const api = createApiApp({
    store,
    clock,
    mailer,
    acceptUrl,
    hashPassword,
    // Production deployments plug in their own session check here.
    authenticate: options.demo ? demoAuthenticate(store) : () => undefined,
    demo: options.demo,
  });
  const openapi = JSON.stringify(openApiDocument({ demo: options.demo, serverUrl: API_BASE }), null, 2);

  const app = new Hono();
  app.get(`${API_BASE}/openapi.json`, (c) => c.body(openapi, 200, { 'Content-Type': 'application/json' }));
  app.route(API_BASE, api);
  // Unknown API paths get the API's own 404 problem body.
  app.notFound((c) => (c.req.path.startsWith(`${API_BASE}/`) ? api.fetch(c.req.raw) : c.text('Not found', 404)));

  const callApi = (path: string, init?: RequestInit) => api.request(path, init);
  app.get('/accept', async (c) => {
    const token = c.req.query('token') ?? '';
    const language = languageOf(c.req.query('lang'), c.req.header('Accept-Language'));
    const answer = await callApi(`/invitations/${encodeURIComponent(token)}`);
    const preview = answer.ok ? await answer.json() : undefined;
    return c.html(acceptPage(language, { token, preview, status: answer.status }), answer.ok ? 200 : answer.status === 410 ? 410 : 404);
  });
  app.post('/accept', async (c) => {
    const form = await c.req.parseBody();
    const token = String(form.token ?? '');
    const language = languageOf(form.lang?.toString(), c.req.header('Accept-Language'));
    const preview = await callApi(`/invitations/${encodeURIComponent(token)}`);
    if (!preview.ok) return c.html(acceptPage(language, { token, status: preview.status }), preview.status === 410 ? 410 : 404);
    const details = await preview.json();
    const accepted = await callApi(`/invitations/${encodeURIComponent(token)}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: String(form.name ?? ''), password: String(form.password ?? '') }),
    });
    if (accepted.ok) {
      const member = await accepted.json();
      return c.html(acceptPage(language, { token, done: { name: member.name, group: details.groupName } }), 201);
    }
    const problem = await accepted.json();
    return c.html(acceptPage(language, { token, preview: details, problem: problem.detail }), 422);
  });

  if (options.demo) {
    const demoPage = new URL('../index.html', import.meta.url);
    const dist = new URL('../../dist/', import.meta.url);
    app.get('/', async (c) => c.html(await readFile(demoPage, 'utf8'), 200, { 'Cache-Control': 'no-cache' }));
    // The built widget: manage-users.js and the locale chunks it loads on demand.
    app.get('/:file{manage-users\\.js(\\.map)?}', (c) => serveBuilt(c, dist, c.req.param('file')));
    app.get('/locales/:file{[\\w-]+\\.js(\\.map)?}', (c) => serveBuilt(c, dist, `locales/${c.req.param('file')}`));
  }

  return { app, store, clock, close: () => store.close() };
}

async function serveBuilt(c: Context, dist: URL, file: string) {
  try {
    const body = await readFile(new URL(file, dist));
    const type = file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  } catch {
    return c.text(`${file} is missing: run "npm run build" first.`, 404);
  }
}
