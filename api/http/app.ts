/**
 * The invitations API over HTTP, as a Hono app: routing from the operations table, auth,
 * body and query validation, idempotency keys, and problem bodies for every refusal.
 * The reference server serves it with Node; the msw handlers call it in the browser.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import type { MemberView } from '../store/store.ts';
import { createInvitationsService, type ServiceOptions } from '../domain/service.ts';
import { ProblemError, validationFailed } from '../domain/problem.ts';
import { operations, type OperationId } from './operations.ts';
import { createIdempotency, type Answer } from './idempotency.ts';
import { DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT, createRateLimiter, type RateLimit } from './rate-limit.ts';

// Validation messages in plain English (zod/mini ships without a locale).
z.config(z.locales.en());

/** Largest request body accepted (500 emails of 254 characters fit with room to spare). */
export const MAX_BODY_BYTES = 512 * 1024;

export interface ApiAppOptions extends ServiceOptions {
  /** Finds the member a bearer token belongs to. */
  authenticate: (token: string) => MemberView | undefined;
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
}

interface HandlerInput {
  params: Record<string, string>;
  query: any;
  body: any;
  caller: MemberView | undefined;
}

type Env = { Variables: { caller: MemberView | undefined } };

/** Builds the API; mount it under the base path (e.g. `/api/v1`). */
export function createApiApp(options: ApiAppOptions) {
  const { demo } = options;
  const service = createInvitationsService(options);
  const idempotency = createIdempotency(options.store, options.clock);
  const handlers: Record<OperationId, (input: HandlerInput) => unknown> = {
    getGroup: ({ caller, params }) => service.getGroup(caller, params.groupId!),
    getMe: ({ caller, params }) => service.me(caller, params.groupId!),
    listSubgroups: ({ caller, params }) => service.listSubgroups(caller, params.groupId!),
    createSubgroup: ({ caller, params, body }) => service.createSubgroup(caller, params.groupId!, body),
    renameSubgroup: ({ caller, params, body }) => service.renameSubgroup(caller, params.groupId!, params.subgroupId!, body),
    deleteSubgroup: ({ caller, params }) => service.deleteSubgroup(caller, params.groupId!, params.subgroupId!),
    listMembers: ({ caller, params, query }) => service.listMembers(caller, params.groupId!, query),
    deactivateMember: ({ caller, params }) => service.setMemberStatus(caller, params.groupId!, params.memberId!, 'deactivated'),
    reactivateMember: ({ caller, params }) => service.setMemberStatus(caller, params.groupId!, params.memberId!, 'active'),
    listInvitations: ({ caller, params, query }) => service.listInvitations(caller, params.groupId!, query),
    invite: ({ caller, params, body }) => service.invite(caller, params.groupId!, body),
    resendInvitations: ({ caller, params, body }) => service.resend(caller, params.groupId!, body),
    removeInvitations: ({ caller, params, body }) => service.remove(caller, params.groupId!, body),
    lookUpInvitation: ({ params }) => service.lookUp(params.token!),
    acceptInvitation: ({ params, body }) => service.accept(params.token!, body),
    readOutbox: ({ query }) => service.outbox(query.to),
    advanceClock: ({ body }) => service.advanceClock(body.advanceMs),
  };

  const app = new Hono<Env>();
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error);
    console.error(error);
    return problem(c, new ProblemError(500, 'server_error', 'Something went wrong', 'The server could not finish this request. Try again in a moment.'));
  });
  app.notFound((c) => problem(c, new ProblemError(404, 'not_found', 'Not found', `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API.`)));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problem(c, new ProblemError(413, 'payload_too_large', 'Request too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`)),
    }),
  );
  const everyRequest = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.clock);
  const tokenRequests = createRateLimiter(options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT, options.clock);
  const clientAddress = options.clientAddress ?? (() => 'local');
  // A header that names nobody counts as anonymous: junk tokens share their address's budget.
  const limitKey = (c: Context<Env>) => {
    const caller = c.get('caller');
    return caller ? `member ${caller.id}` : `address ${clientAddress(c)}`;
  };
  app.use('*', async (c, next) => {
    const header = c.req.header('Authorization');
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    c.set('caller', token ? options.authenticate(token) : undefined);
    everyRequest.take(limitKey(c));
    await next();
  });

  for (const [id, operation] of Object.entries(operations) as Array<[OperationId, (typeof operations)[OperationId]]>) {
    if (operation.access === 'demo' && !demo) continue;
    const path = '/' + operation.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(operation.method.toUpperCase(), path, async (c) => {
      if (operation.access === 'public') tokenRequests.take(limitKey(c));
      const run = async (): Promise<Answer> => {
        const input: HandlerInput = {
          params: c.req.param() as Record<string, string>,
          caller: c.get('caller'),
          query: 'query' in operation ? parse(operation.query, c.req.query(), 'query') : {},
          body: 'body' in operation ? parse(operation.body, await readJson(c), 'body') : undefined,
        };
        if (operation.access === 'admin' || operation.access === 'member') requireCaller(input.caller);
        const result = await handlers[id](input);
        return { status: operation.status, body: result === undefined ? null : JSON.stringify(result) };
      };
      const answer = operation.method === 'get' ? await run() : await idempotency.run(c, run);
      return answer.body === null ? c.body(null, answer.status) : c.body(answer.body, answer.status as 200 | 201, { 'Content-Type': 'application/json' });
    });
  }
  return app;
}

/** Operations with access `admin` or `member` need a known token before anything else. */
function requireCaller(caller: MemberView | undefined): asserts caller is MemberView {
  if (!caller) throw new ProblemError(401, 'unauthenticated', 'Sign-in required', 'No valid token was given.');
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError(400, 'malformed_request', 'Malformed request', 'The body must be JSON, sent with Content-Type: application/json.');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'malformed_request', 'Malformed request', 'The body is not valid JSON.');
  }
}

function parse(schema: z.ZodMiniType, value: unknown, where: 'body' | 'query') {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message })),
  );
}

function problem(c: Context, error: ProblemError) {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.extensions.retryAfter !== undefined) headers['Retry-After'] = String(error.extensions.retryAfter);
  return c.body(JSON.stringify(error.toJSON()), error.status as 400, headers);
}
