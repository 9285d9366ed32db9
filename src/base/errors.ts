/**
 * An error in the words an admin understands, in their language.
 */
import { InvitationsError, SeatsExhaustedError } from '../../sdk/index.ts';
import type { Messages } from '../strings/index.ts';

export function describeError(t: Messages, error: unknown): string {
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

/** Whether a failure is only a superseded load being cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
