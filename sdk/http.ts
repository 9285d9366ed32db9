/**
 * The transport: `fetch` with auth, retries, timeouts, idempotency keys and the mapping
 * of every failure to an {@link InvitationsError}.
 *
 * It was built on ky until the widget's budget was measured: ky 2 alone is 25 KB minified
 * (7.5 KB gzip) of a 40 KB gzip budget, and the SDK uses a small part of it. This file
 * does that part in about 1.5 KB gzip (README, "Why not ky").
 */
import * as z from 'zod/mini';
import {
  ApiError,
  InvalidResponseError,
  InvitationsError,
  NetworkError,
  RateLimitedError,
  TooManyEmailsError,
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
  /** Longest wait between two attempts otherwise, in ms (default 5 000). */
  backoffLimit?: number;
}

/** Options of {@link createInvitationsClient}. */
export interface ClientOptions {
  /** Where the API lives, e.g. `https://lms.example.com/api/v1/`; relative to the page in browsers. */
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
  signal?: AbortSignal | undefined;
  /**
   * For unsafe requests: the `Idempotency-Key` to send (default: a new one per call).
   * Reuse one when the person repeats the same action after a failure, so a request that
   * did reach the server is not carried out twice.
   */
  idempotencyKey?: string | undefined;
}

interface Call<S extends z.ZodMiniType | undefined> extends RequestOptions {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  json?: unknown;
  searchParams?: Record<string, string | number | undefined>;
  schema: S;
}

/** Sends requests and returns validated bodies. */
export type Send = <S extends z.ZodMiniType | undefined>(
  call: Call<S>,
) => Promise<S extends z.ZodMiniType ? z.infer<S> : void>;

/** Statuses worth another try: the server may answer differently in a moment. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export function createTransport(options: ClientOptions): Send {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const limit = retry.limit ?? 2;
  const timeout = options.timeout ?? 15_000;

  return async function send(call) {
    const url = new URL(call.path, baseUrl);
    for (const [name, value] of Object.entries(call.searchParams ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    const request: RequestSummary = { method: call.method.toUpperCase(), url: url.href };
    const headers: Record<string, string> = { Accept: 'application/json' };
    // Every unsafe request carries a key, the same on each retry, so it is safe to repeat.
    if (call.method !== 'get') headers['Idempotency-Key'] = call.idempotencyKey ?? globalThis.crypto.randomUUID();
    if (call.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = call.json === undefined ? undefined : JSON.stringify(call.json);

    let refreshedToken = false;
    for (let attempt = 0; ; attempt++) {
      call.signal?.throwIfAborted();
      const token = options.getToken ? await options.getToken() : undefined;
      let answer: Answer;
      try {
        answer = await fetchOnce(
          options.fetch,
          url,
          {
            method: request.method,
            headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers,
            ...(body === undefined ? {} : { body }),
            credentials: 'same-origin',
          },
          call.signal,
          timeout,
          request,
        );
      } catch (error) {
        if (!(error instanceof NetworkError) || attempt >= limit) throw error;
        await sleep(backoff(attempt, retry.backoffLimit), call.signal);
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) return read(call.schema, answer, request) as never;
      // One more try with a fresh token: it may have expired since we asked.
      if (answer.status === 401 && options.getToken && !refreshedToken) {
        refreshedToken = true;
        attempt--;
        continue;
      }
      if (RETRY_STATUSES.has(answer.status) && attempt < limit) {
        const asked = retryAfterMs(answer.headers);
        await sleep(
          asked === undefined ? backoff(attempt, retry.backoffLimit) : Math.min(asked, retry.maxRetryAfter ?? 10_000),
          call.signal,
        );
        continue;
      }
      throw problemError(answer, request);
    }
  };
}

/** One attempt, body included, within the timeout; failures become SDK errors. */
async function fetchOnce(
  fetchImpl: typeof globalThis.fetch | undefined,
  url: URL,
  init: RequestInit,
  callerSignal: AbortSignal | undefined,
  timeout: number,
  request: RequestSummary,
): Promise<Answer> {
  const timer = AbortSignal.timeout(timeout);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timer]) : timer;
  try {
    // Looked up at call time, so a fetch patched later (msw, instrumentation) is used.
    const response = await (fetchImpl ?? globalThis.fetch)(url, { ...init, signal });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timer.aborted) {
      throw new TimeoutError(`The server did not answer ${request.method} ${request.url} in time.`, {
        code: 'timeout',
        request,
      });
    }
    throw new NetworkError(`Could not reach the server for ${request.method} ${request.url}.`, {
      code: 'network_error',
      request,
      cause: error,
    });
  }
}

function read(schema: z.ZodMiniType | undefined, answer: Answer, request: RequestSummary): unknown {
  if (!schema) return undefined;
  const invalid = (why: string, cause?: unknown) =>
    new InvalidResponseError(`The server's answer to ${request.method} ${request.url} ${why}`, {
      code: 'invalid_response',
      status: answer.status,
      request,
      cause,
    });
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw invalid('is not JSON.');
  }
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw invalid(`does not match the contract (at ${where}).`, parsed.error);
  }
  return parsed.data;
}

function problemError(answer: Answer, request: RequestSummary): InvitationsError {
  const { status } = answer;
  let data: unknown;
  try {
    data = JSON.parse(answer.text);
  } catch {
    data = undefined;
  }
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
  if (problem.code === 'validation_failed')
    return new ValidationError(message, { ...init, errors: problem.errors ?? [] });
  if (problem.code === 'too_many_emails') return new TooManyEmailsError(message, init);
  if (problem.code === 'rate_limited') {
    const seconds = retryAfterMs(answer.headers);
    return new RateLimitedError(message, { ...init, ...(seconds === undefined ? {} : { retryAfter: seconds / 1000 }) });
  }
  return new ApiError(message, init);
}

/** `Retry-After` in ms: delay-seconds or an HTTP date. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('Retry-After');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** 300 ms, 600 ms, 1.2 s, … up to the limit. */
function backoff(attempt: number, limit = 5_000): number {
  return Math.min(limit, 300 * 2 ** attempt);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as fetch does: the abort reason
      reject(signal?.reason);
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}

/** An absolute base URL with a trailing slash; a relative one resolves against the page. */
function resolveBaseUrl(url: string | URL): string {
  const text = String(url);
  return new URL(text.endsWith('/') ? text : `${text}/`, globalThis.location?.href).href;
}
