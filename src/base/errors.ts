/**
 * An error in the words an admin understands, in their language.
 */
import { InvitationsError, SeatsExhaustedError } from '../../sdk/index.ts';
import type { Messages } from '../strings/index.ts';

/**
 * `typed`: what the admin typed is still on screen, so a failure worth trying again says that
 * nothing typed was lost (a list that failed to load has nothing typed to keep).
 */
export function describeError(t: Messages, error: unknown, typed = false): string {
  const words = wordsFor(t, error);
  return typed && worthRetrying(error) ? `${words} ${t.typedKept}` : words;
}

/** No answer, a timeout, or the server's own failure: trying again may work. */
const RETRYABLE = new Set(['network_error', 'timeout', 'server_error', 'invalid_response']);

function worthRetrying(error: unknown): boolean {
  return error instanceof InvitationsError && (RETRYABLE.has(error.code) || error.status >= 500);
}

function wordsFor(t: Messages, error: unknown): string {
  if (error instanceof SeatsExhaustedError) return t.errorSeats(error.required, error.seats.available);
  if (!(error instanceof InvitationsError)) return t.errorGeneric;
  const words: Record<string, string> = {
    network_error: t.errorNetwork,
    timeout: t.errorTimeout,
    forbidden: t.errorForbidden,
    unauthenticated: t.errorUnauthenticated,
    not_found: t.errorNotFound,
    rate_limited: t.errorRateLimited,
    subgroup_exists: t.errorSubgroupExists,
    server_error: t.errorServer,
    invalid_response: t.errorServer,
  };
  return words[error.code] ?? (error.status >= 500 ? t.errorServer : t.errorGeneric);
}

const hinted = new Set<string>();

/**
 * For the integrator, in the console once per API origin: a request that got no answer. A browser
 * cannot tell a server that is down from one on another origin that does not allow the page's
 * origin (CORS), so the hint names both; the admin sees only `errorNetwork`.
 */
export function hintIntegrator(error: unknown) {
  if (!(error instanceof InvitationsError) || error.code !== 'network_error' || !error.request) return;
  const { method, url } = error.request;
  const api = new URL(url, location.href).origin;
  if (hinted.has(api)) return;
  hinted.add(api);
  const cors =
    api === location.origin
      ? ''
      : ` The API is on another origin than this page: if the server runs, check that it allows ${location.origin} (CORS; the reference server's CORS_ORIGINS).`;
  console.warn(
    `<manage-users>: ${method} ${url} got no answer. Check that the server runs and that base-url is right.${cors}`,
  );
}

/** Whether a failure is only a superseded load being cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
