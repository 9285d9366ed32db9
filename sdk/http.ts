/**
 * The transport: one ky instance with auth, retries, timeouts, idempotency keys and the
 * mapping of every failure to an {@link InvitationsError}.
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import * as z from 'zod/mini';
import {
  ApiError,
  InvalidResponseError,
  InvitationsError,
  NetworkError,
  RateLimitedError,
  SeatsExhaustedError,
  TimeoutError,
  ValidationError,
  type RequestSummary,
} from './errors.ts';
import { Problem } from './schemas.ts';

/** How the SDK retries a request that failed for a passing reason. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  limit?: number;
  /** Longest wait for a `Retry-After` header, in ms (default 10 000). */
  maxRetryAfter?: number;
  /** Longest wait between two attempts, in ms (default 5 000). */
  backoffLimit?: number;
}

/** Options of {@link createInvitationsClient}. */
export interface ClientOptions {
  /** Where the API lives, e.g. `https://lms.example.com/api/v1/`. */
  baseUrl: string | URL;
  /**
   * Returns the bearer token; called before every attempt and once more after a 401.
   * The SDK never stores what it returns. Leave it out to rely on same-origin cookies.
   */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** A fetch of your own (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds one attempt may take (default 15 000). */
  timeout?: number;
  /** Retry policy, or a number of retries. */
  retry?: RetryOptions | number;
}

/** Options every SDK method takes. */
export interface RequestOptions {
  /** Aborts the request (and its retries). */
  signal?: AbortSignal;
}

interface Call<S extends z.ZodMiniType | undefined> {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  json?: unknown;
  searchParams?: Record<string, string | number | undefined>;
  schema: S;
  signal?: AbortSignal | undefined;
}

/** Sends requests and returns validated bodies. */
export type Send = <S extends z.ZodMiniType | undefined>(
  call: Call<S>,
) => Promise<S extends z.ZodMiniType ? z.infer<S> : void>;

export function createTransport(options: ClientOptions): Send {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const getToken = options.getToken;
  const authorize = async ({ request }: { request: Request }) => {
    const token = getToken ? await getToken() : undefined;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    else request.headers.delete('Authorization');
  };
  const api: KyInstance = ky.create({
    baseUrl,
    timeout: options.timeout ?? 15_000,
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retry.limit ?? 2,
      // Every unsafe request carries an Idempotency-Key, so POSTs are safe to repeat.
      methods: ['get', 'post', 'patch', 'delete'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfter ?? 10_000,
      backoffLimit: retry.backoffLimit ?? 5_000,
    },
    hooks: { beforeRequest: [authorize], beforeRetry: [authorize] },
  });

  return async function send(call) {
    const summary = { method: call.method.toUpperCase(), url: new URL(call.path, baseUrl).href };
    const headers: Record<string, string> = call.method === 'get' ? {} : { 'Idempotency-Key': randomKey() };
    const attempt = () =>
      api(call.path, {
        method: call.method,
        headers,
        ...(call.json === undefined ? {} : { json: call.json }),
        ...(call.searchParams ? { searchParams: definedOnly(call.searchParams) } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      });
    let response: Response;
    try {
      try {
        response = await attempt();
      } catch (error) {
        // One more try with a fresh token: it may have expired since we asked.
        if (getToken && isHTTPError(error) && error.response.status === 401) response = await attempt();
        else throw error;
      }
    } catch (error) {
      throw toSdkError(error, summary);
    }
    if (!call.schema) return undefined as never;
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new InvalidResponseError(`The server's answer to ${summary.method} ${summary.url} is not JSON.`, {
        code: 'invalid_response',
        status: response.status,
        request: summary,
      });
    }
    const parsed = z.safeParse(call.schema, body);
    if (!parsed.success) {
      throw new InvalidResponseError(
        `The server's answer to ${summary.method} ${summary.url} does not match the contract: ${z.prettifyError(parsed.error)}`,
        { code: 'invalid_response', status: response.status, request: summary, cause: parsed.error },
      );
    }
    return parsed.data as never;
  };
}

function toSdkError(error: unknown, request: RequestSummary): unknown {
  if (isAbort(error)) return error;
  if (isTimeoutError(error)) {
    return new TimeoutError(`The server did not answer ${request.method} ${request.url} in time.`, { code: 'timeout', request });
  }
  if (isNetworkError(error)) {
    return new NetworkError(`Could not reach the server for ${request.method} ${request.url}.`, { code: 'network_error', request });
  }
  if (isHTTPError(error)) return problemError(error.response, error.data, request);
  // ky treats a network failure of the plain fetch as a TypeError in some runtimes.
  if (error instanceof TypeError) {
    return new NetworkError(`Could not reach the server for ${request.method} ${request.url}.`, { code: 'network_error', request });
  }
  return error;
}

function problemError(response: Response, data: unknown, request: RequestSummary): InvitationsError {
  const status = response.status;
  const parsed = z.safeParse(Problem, data);
  if (!parsed.success) {
    return new ApiError(`The server answered ${request.method} ${request.url} with HTTP ${status}.`, {
      code: status >= 500 ? 'server_error' : 'http_error',
      status,
      request,
    });
  }
  const problem = parsed.data;
  const message = problem.detail ?? problem.title;
  const init = { code: problem.code as InvitationsError['code'], status, problem, request };
  if (problem.code === 'seats_exhausted' && problem.seats) {
    return new SeatsExhaustedError(message, { ...init, seats: problem.seats, required: problem.required ?? 0 });
  }
  if (problem.code === 'validation_failed') return new ValidationError(message, { ...init, errors: problem.errors ?? [] });
  if (problem.code === 'rate_limited') {
    const header = Number(response.headers.get('Retry-After'));
    return new RateLimitedError(message, { ...init, ...(Number.isFinite(header) ? { retryAfter: header } : {}) });
  }
  return new ApiError(message, init);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** An absolute base URL with a trailing slash; a relative one resolves against the page. */
function resolveBaseUrl(url: string | URL): string {
  const text = String(url);
  const absolute = new URL(text.endsWith('/') ? text : `${text}/`, globalThis.location?.href);
  return absolute.href;
}

function definedOnly(params: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== '')) as Record<
    string,
    string | number
  >;
}

function randomKey(): string {
  return globalThis.crypto.randomUUID();
}
