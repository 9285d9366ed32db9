/**
 * The invitations API over HTTP, as a Hono app: routing from the operations table, auth,
 * body and query validation, idempotency keys, and problem bodies for every refusal.
 * The reference server serves it with Node; the msw handlers call it in the browser.
 */
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import type { MemberView } from '../store/store.ts';
import { signedIn, type ServiceOptions } from '../domain/context.ts';
import { createInvitationsService } from '../domain/service.ts';
import { mailJobHandlers } from '../mail/mail-jobs.ts';
import { startWorker, type JobHandlers } from '../jobs/worker.ts';
import { expiryJobHandlers } from '../jobs/expiry-jobs.ts';
import { webhookJobHandlers, type WebhookTarget } from '../webhooks/webhook-jobs.ts';
import { ProblemError, malformedRequest, notFound, validationFailed } from '../domain/problem.ts';
import { randomSecret } from '../domain/secrets.ts';
import { needsCaller, operations, type OperationId } from './operations.ts';
import { handlersOf, type HandlerInput, type Handlers } from './handlers.ts';
import { createIdempotency, type Answer, type Idempotency } from './idempotency.ts';
import { DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT, createRateLimiter, type RateLimit } from './rate-limit.ts';

// Validation messages in plain English (zod/mini ships without a locale).
z.config(z.locales.en());

/** Largest request body accepted (500 emails of 254 characters fit with room to spare). */
export const MAX_BODY_BYTES = 512 * 1024;

export interface ApiAppOptions extends ServiceOptions {
  /** Finds the member a bearer token belongs to. */
  authenticate: (token: string) => Promise<MemberView | undefined>;
  /** Serves the `dev/` operations (outbox, clock). Never in production. */
  demo: boolean;
  /** Requests per caller (or per client address when anonymous) and window (default 1,200 a minute). */
  rateLimit?: RateLimit;
  /** Invitation look-ups and accepts per client address and window (default 100 in 10 minutes). */
  tokenRateLimit?: RateLimit;
  /**
   * The client's address, which anonymous callers are limited by. Default: one shared
   * address (right for the msw mocks, where every request comes from the one browser).
   */
  clientAddress?: (c: Context) => string;
  /**
   * Keys the idempotency fingerprints (HMAC) and seals the invitation links the outbox keeps for
   * their emails and reminders. Keep it secret, out of the database, and the same across restarts
   * (stored answers live 24 hours, reminders days). Default: a random secret for this app only.
   */
  idempotencySecret?: string;
  /** More kinds of jobs for the worker to run, by kind (see api/jobs/worker.ts). */
  jobHandlers?: JobHandlers;
  /** Ms the worker holds a job it claimed (default 2 minutes): after a crash, its jobs go again this much later. */
  jobLeaseMs?: number;
  /**
   * Where every activity event is POSTed, signed the Standard Webhooks way (`WEBHOOK_URL`,
   * `WEBHOOK_SECRET`: `whsec_` + base64), from the job queue: see api/webhooks/webhook-jobs.ts.
   */
  webhook?: WebhookTarget | undefined;
}

type Env = { Variables: { caller: MemberView | undefined } };

/**
 * Builds the API; mount it under the base path (e.g. `/api/v1`). It starts the worker that
 * delivers the outbox's emails in this process: `app.worker.stop()` before closing the store.
 */
export function createApiApp(options: ApiAppOptions) {
  const delivery = { secret: options.idempotencySecret ?? randomSecret(), webhooks: options.webhook !== undefined };
  const { store, clock } = options;
  const worker = startWorker({
    store,
    clock,
    handlers: jobHandlersOf(options, delivery),
    ...(options.jobLeaseMs ? { leaseMs: options.jobLeaseMs } : {}),
  });
  const app = Object.assign(new Hono<Env>(), { worker });
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error);
    console.error(error);
    const detail = 'The server could not finish this request. Try again in a moment.';
    return problem(c, new ProblemError('server_error', 'Something went wrong', detail));
  });
  app.notFound((c) => {
    const detail = `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API.`;
    return problem(c, new ProblemError('not_found', 'Not found', detail));
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const detail = `The body may be at most ${MAX_BODY_BYTES} bytes.`;
        const refusal = problem(c, new ProblemError('payload_too_large', 'Request too large', detail));
        // The rest of the body is still on its way and would be read as the next request: close.
        refusal.headers.set('Connection', 'close');
        return refusal;
      },
    }),
  );
  const limits = rateLimits(options);
  app.use(
    '*',
    createMiddleware<Env>(async (c, next) => {
      const token = c.req
        .header('Authorization')
        ?.match(/^Bearer\s+(.+)$/i)?.[1]
        ?.trim();
      c.set('caller', token ? await options.authenticate(token) : undefined);
      limits.everyRequest(c);
      await next();
    }),
  );

  const routing: Routing = {
    handlers: handlersOf(createInvitationsService({ ...options, worker, ...delivery })),
    idempotency: createIdempotency(store, clock, delivery.secret),
    limits,
  };
  for (const id of Object.keys(operations) as OperationId[]) {
    if (operations[id].access !== 'demo' || options.demo) route(app, id, routing);
  }
  for (const [path, allowed] of allowedMethods(options.demo)) app.all(path, (c) => methodNotAllowed(c, allowed));
  return app;
}

/** The worker's kinds of jobs: emails and reminders, expiry, webhooks when a receiver is set, and the host's own. */
function jobHandlersOf(options: ApiAppOptions, delivery: { secret: string; webhooks: boolean }): JobHandlers {
  return {
    ...mailJobHandlers({ ...options, ...delivery }),
    ...expiryJobHandlers({ ...options, ...delivery }),
    ...(options.webhook ? webhookJobHandlers(options.webhook) : {}),
    ...options.jobHandlers,
  };
}

/** An operation's path in Hono's syntax: `{param}` becomes `:param`. */
function routeOf(operation: { path: string }): string {
  return '/' + operation.path.replace(/\{(\w+)\}/g, ':$1');
}

/** The methods each served path answers (GET paths answer HEAD too). */
function allowedMethods(demo: boolean): Map<string, string[]> {
  const allowed = new Map<string, string[]>();
  for (const operation of Object.values(operations)) {
    if (operation.access === 'demo' && !demo) continue;
    const method = operation.method.toUpperCase();
    const path = routeOf(operation);
    allowed.set(path, [...(allowed.get(path) ?? []), ...(method === 'GET' ? ['GET', 'HEAD'] : [method])]);
  }
  return allowed;
}

/** A known path asked with a method it does not serve: 405 with the methods it does. */
function methodNotAllowed(c: Context, allowed: string[]) {
  const detail = `${new URL(c.req.url).pathname} answers ${allowed.join(', ')}, not ${c.req.method}.`;
  const response = problem(c, new ProblemError('method_not_allowed', 'Method not allowed', detail));
  response.headers.set('Allow', allowed.join(', '));
  return response;
}

/** The request budgets: every request, and on top of it the invitee's token look-ups and accepts. */
function rateLimits(options: ApiAppOptions) {
  const everyRequest = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.clock);
  const tokenRequests = createRateLimiter(options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT, options.clock);
  const clientAddress = options.clientAddress ?? (() => 'local');
  // A header that names nobody counts as anonymous: junk tokens share their address's budget.
  const limitKey = (c: Context<Env>) => {
    const caller = c.get('caller');
    return caller ? `member ${caller.id}` : `address ${clientAddress(c)}`;
  };
  return {
    everyRequest: (c: Context<Env>) => everyRequest.take(limitKey(c)),
    tokenRequest: (c: Context<Env>) => tokenRequests.take(limitKey(c)),
  };
}

interface Routing {
  handlers: Handlers;
  idempotency: Idempotency;
  limits: ReturnType<typeof rateLimits>;
}

/** Serves one operation: reads and checks its input, runs it (once per idempotency key), answers. */
function route<Id extends OperationId>(app: Hono<Env>, id: Id, { handlers, idempotency, limits }: Routing) {
  const operation = operations[id];
  const handler: Handlers[Id] = handlers[id];
  app.on(operation.method.toUpperCase(), routeOf(operation), async (c) => {
    if (operation.access === 'public') limits.tokenRequest(c);
    const run = async (): Promise<Answer> => {
      const result = await handler(await inputOf(id, c));
      return { status: operation.status, body: result === undefined ? null : JSON.stringify(result) };
    };
    const answer = operation.method === 'get' ? await run() : await idempotency.run(c, run);
    if (answer.body === null) return c.body(null, answer.status);
    return c.body(answer.body, answer.status as 200 | 201, { 'Content-Type': 'application/json' });
  });
}

/** The operation's input, checked against its own schemas. */
async function inputOf<Id extends OperationId>(id: Id, c: Context<Env>): Promise<HandlerInput<Id>> {
  const operation: { path: string; access: string; query?: z.ZodMiniType; body?: z.ZodMiniType } = operations[id];
  const caller = c.get('caller');
  const input = {
    params: paramsOf(operation.path, c.req.param()),
    query: operation.query ? parse(operation.query, c.req.query(), 'query') : undefined,
    body: operation.body ? parse(operation.body, await readJson(c), 'body') : undefined,
    caller: needsCaller(operations[id].access) ? signedIn(caller) : undefined,
  };
  // Each part was just parsed by the schema HandlerInput<Id> derives its type from.
  return input as HandlerInput<Id>;
}

/** The path's `{names}` with their values; the router matched them, so each is there. */
function paramsOf(path: string, values: Record<string, string | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name = ''] of path.matchAll(/\{(\w+)\}/g)) {
    const value = values[name];
    if (value === undefined) throw notFound(name);
    params[name] = value;
  }
  return params;
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw malformedRequest('The body must be JSON, sent with Content-Type: application/json.');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw malformedRequest('The body is not valid JSON.');
  }
}

function parse<S extends z.ZodMiniType>(schema: S, value: unknown, where: 'body' | 'query'): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message })),
  );
}

function problem(c: Context, error: ProblemError) {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.extensions.retryAfter !== undefined) headers['Retry-After'] = String(error.extensions.retryAfter);
  if (error.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return c.body(JSON.stringify(error.toJSON()), error.status as 400, headers);
}
