/**
 * The reference server: the invitations API under `/api/v1/`, its OpenAPI document, the
 * invitee's accept page, and the demo host page with the built widget.
 */
import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import type { BlankEnv } from 'hono/types';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { createApiApp } from '../../api/http/app.ts';
import { openApiDocument } from '../../api/http/openapi.ts';
import { allowOrigins } from '../../api/http/cors.ts';
import type { RateLimit } from '../../api/http/rate-limit.ts';
import { createClock } from '../../api/domain/clock.ts';
import { outboxMailer, type Mailer } from '../../api/mail/mailer.ts';
import { smtpMailer } from '../../api/mail/smtp-mailer.ts';
import { demoAuthenticate, seedDemo } from '../../api/domain/seed.ts';
import { hashPassword } from '../../api/domain/passwords.ts';
import { isCommonPassword } from '../../api/domain/common-passwords.ts';
import { negotiateLanguage, type Language } from '../../api/domain/language.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import { openPostgresStore } from '../../api/store/postgres-store.ts';
import type { Store } from '../../api/store/store.ts';
import { InvitationPreview, Member, Problem } from '../../sdk/schemas.ts';
import { acceptPage } from './accept-page.ts';
import { clientAddressOf } from './client-address.ts';
import { idempotencySecret } from './idempotency-secret.ts';
import { ACCEPT_PAGE_CSP, DEMO_PAGE_CSP, securityHeaders } from './security-headers.ts';

export const API_BASE = '/api/v1';

/** Largest accept form read: a token, a name and a password fit many times over. */
export const MAX_FORM_BYTES = 16 * 1024;

type ApiApp = ReturnType<typeof createApiApp>;

export interface ServerOptions {
  /** A PostgreSQL URL (`postgres://…`), or a SQLite file, or `:memory:`. */
  database: string;
  /** Reader threads of a SQLite file (`SQLITE_READERS`, default 2; 0: every query on the main thread). */
  sqliteReaders?: number | undefined;
  /** Where the server is reached from outside, for links in emails. */
  publicUrl: string;
  /** Outbox, clock and demo tokens (never in production). */
  demo: boolean;
  smtpUrl?: string | undefined;
  mailFrom?: string;
  /** Keys idempotency fingerprints (`IDEMPOTENCY_SECRET`); default: generated and kept in `<database>.secret`. */
  idempotencySecret?: string | undefined;
  /** Proxy hops in front of the server whose `X-Forwarded-For` is trusted (`TRUST_PROXY`, default 0). */
  trustProxy?: number;
  /** Other origins whose pages may call the API (exact, e.g. `https://lms.example.com`). */
  corsOrigins?: readonly string[];
  /** Requests one caller may make in a window (default 1,200 a minute); the bench raises it. */
  rateLimit?: RateLimit;
  /** Days before expiry that a pending invitation gets its reminder (`REMINDER_DAYS`, default 3). */
  reminderDays?: number | undefined;
  /** Ms the delivery worker holds a claimed job (`JOB_LEASE_SECONDS`, default 120 s). */
  jobLeaseMs?: number | undefined;
  /** Where every activity event is POSTed (`WEBHOOK_URL`); needs {@link ServerOptions.webhookSecret}. */
  webhookUrl?: string | undefined;
  /** The Standard Webhooks secret the events are signed with (`WEBHOOK_SECRET`, `whsec_…`). */
  webhookSecret?: string | undefined;
}

/** PostgreSQL for a `postgres://` URL, SQLite otherwise. */
function openStore({ database, sqliteReaders }: ServerOptions) {
  return /^postgres(ql)?:\/\//.test(database)
    ? openPostgresStore(database)
    : Promise.resolve(openSqliteStore(database, { readers: sqliteReaders }));
}

export async function createServer(options: ServerOptions) {
  const store = await openStore(options);
  const clock = createClock();
  const mailer: Mailer = options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.mailFrom ?? 'Manage Users <no-reply@localhost>')
    : outboxMailer(store, () => clock.now());
  const acceptUrl = (token: string) => `${options.publicUrl}/accept?token=${encodeURIComponent(token)}`;
  // Seed invitations are for show: their emails stay in the outbox even with SMTP.
  if (options.demo) await seedDemo({ store, clock, acceptUrl });

  const api = createApiApp({
    store,
    clock,
    mailer,
    acceptUrl,
    hashPassword,
    isCommonPassword,
    // Production deployments plug in their own session check here.
    authenticate: options.demo ? demoAuthenticate(store) : () => Promise.resolve(undefined),
    demo: options.demo,
    clientAddress: clientAddressOf(options.trustProxy ?? 0),
    idempotencySecret: await idempotencySecret(options.database, options.idempotencySecret),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.reminderDays === undefined ? {} : { reminderDays: options.reminderDays }),
    ...(options.jobLeaseMs === undefined ? {} : { jobLeaseMs: options.jobLeaseMs }),
    ...(options.webhookUrl && options.webhookSecret
      ? { webhook: { url: options.webhookUrl, secret: options.webhookSecret } }
      : {}),
  });
  const openapi = JSON.stringify(openApiDocument({ demo: options.demo, serverUrl: API_BASE }), null, 2);

  const app = new Hono();
  let draining = false;
  app.use('*', securityHeaders());
  // While shutting down, each answer closes its connection: keep-alive clients reconnect elsewhere.
  app.use('*', async (c, next) => {
    await next();
    if (draining) c.header('Connection', 'close');
  });
  // The API is opened to the listed origins; the outbox and the clock (demo only) are not.
  const cors = allowOrigins(options.corsOrigins ?? []);
  app.use(
    `${API_BASE}/*`,
    createMiddleware<BlankEnv>((c, next) => (c.req.path.startsWith(`${API_BASE}/dev/`) ? next() : cors(c, next))),
  );
  app.get(`${API_BASE}/openapi.json`, (c) => c.body(openapi, 200, { 'Content-Type': 'application/json' }));
  app.route(API_BASE, api);
  // Unknown API paths get the API's own 404 problem body.
  app.notFound((c) => (c.req.path.startsWith(`${API_BASE}/`) ? api.fetch(c.req.raw) : c.text('Not found', 404)));
  routeAcceptPage(app, api);
  if (options.demo) routeDemoPage(app);
  routeHealth(app, store, () => draining);

  return {
    app,
    store,
    clock,
    /** From now on `/readyz` answers 503, so the load balancer sends no new requests. */
    drain: () => void (draining = true),
    /** Stops the delivery worker (after the jobs in flight), then closes the database. */
    close: async () => {
      await api.worker.stop();
      await store.close();
    },
  };
}

/**
 * For load balancers: `/healthz` is 200 while the process runs; `/readyz` is 200 while the
 * database answers and the server is not shutting down, 503 otherwise.
 */
function routeHealth(app: Hono, store: Store, draining: () => boolean) {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (draining()) return c.json({ status: 'draining' }, 503);
    try {
      await store.ping();
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
}

/** Calls the API in-process as the page's own visitor: same address, same forwarded hops. */
function callerOf(c: Context, api: ApiApp) {
  const forwarded = c.req.header('X-Forwarded-For');
  return (path: string, init: RequestInit = {}) =>
    api.request(
      path,
      {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          ...(forwarded ? { 'X-Forwarded-For': forwarded } : {}),
        },
      },
      c.env,
    );
}

/** The invitee's page: `GET /accept?token=…` shows the invitation, `POST /accept` accepts it. */
function routeAcceptPage(app: Hono, api: ApiApp) {
  const page = (c: Context, html: string, status: number, retryAfter?: string | null) =>
    c.html(html, status as 200, {
      'Content-Security-Policy': ACCEPT_PAGE_CSP,
      'Cache-Control': 'no-store',
      ...(retryAfter ? { 'Retry-After': retryAfter } : {}),
    });
  /** The page for an answer that is not a success: expired, limited, or gone. */
  const refused = (c: Context, language: Language, token: string, answer: Response) => {
    const status = answer.status === 410 || answer.status === 429 ? answer.status : 404;
    const retryAfter = answer.headers.get('Retry-After');
    return page(c, acceptPage(language, { token, status, retryAfter: Number(retryAfter ?? 60) }), status, retryAfter);
  };

  app.get('/accept.css', async (c) =>
    c.body(await readFile(new URL('./accept-page.css', import.meta.url)), 200, {
      'Content-Type': 'text/css; charset=utf-8',
    }),
  );
  app.get('/accept', async (c) => {
    const token = c.req.query('token') ?? '';
    const language = negotiateLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
    const answer = await callerOf(c, api)(`/invitations/${encodeURIComponent(token)}`);
    if (!answer.ok) return refused(c, language, token, answer);
    return page(c, acceptPage(language, { token, preview: InvitationPreview.parse(await answer.json()) }), 200);
  });
  app.post(
    '/accept',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => {
        const language = negotiateLanguage(undefined, c.req.header('Accept-Language'));
        const refusal = page(c, acceptPage(language, { token: '', status: 413 }), 413);
        // The rest of the form is still on its way and would be read as the next request: close.
        refusal.headers.set('Connection', 'close');
        return refusal;
      },
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
      const token = field('token');
      const language = negotiateLanguage(field('lang') || undefined, c.req.header('Accept-Language'));
      const callApi = callerOf(c, api);
      const preview = await callApi(`/invitations/${encodeURIComponent(token)}`);
      if (!preview.ok) return refused(c, language, token, preview);
      const details = InvitationPreview.parse(await preview.json());
      const accepted = await callApi(`/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: field('name'), password: field('password') }),
      });
      if (accepted.ok) {
        const member = Member.parse(await accepted.json());
        return page(c, acceptPage(language, { token, done: { name: member.name, group: details.groupName } }), 201);
      }
      if (accepted.status !== 422) return refused(c, language, token, accepted);
      return page(
        c,
        acceptPage(language, { token, preview: details, problem: Problem.parse(await accepted.json()) }),
        422,
      );
    },
  );
}

/** The demo host page with the built widget, under the strict CSP the widget is built for. */
function routeDemoPage(app: Hono) {
  const demo = new URL('../', import.meta.url);
  const dist = new URL('../../dist/', import.meta.url);
  app.get('/', async (c) =>
    c.html(await readFile(new URL('index.html', demo), 'utf8'), 200, {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': DEMO_PAGE_CSP,
    }),
  );
  app.get('/demo.js', (c) => serveFile(c, new URL('demo.js', demo)));
  app.get('/demo.css', (c) => serveFile(c, new URL('demo.css', demo)));
  // Named by the page's <link rel="icon">, so the browser does not ask for a missing /favicon.ico.
  app.get('/favicon.svg', (c) => serveFile(c, new URL('favicon.svg', demo)));
  // The built widget: manage-users.js and the chunks it loads (the dialogs, languages other than English).
  app.get('/:file{manage-users\\.js(\\.map)?}', (c) => serveFile(c, new URL(c.req.param('file'), dist)));
  app.get('/:folder{chunks|locales}/:file{[\\w-]+\\.js(\\.map)?}', (c) =>
    serveFile(c, new URL(`${c.req.param('folder')}/${c.req.param('file')}`, dist)),
  );
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  map: 'application/json',
};

async function serveFile(c: Context, file: URL) {
  try {
    const body = await readFile(file);
    const type = TYPES[file.pathname.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  } catch {
    return c.text(`${file.pathname.split('/').pop()} is missing: run "npm run build" first.`, 404);
  }
}
