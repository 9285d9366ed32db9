/**
 * One small error hierarchy. Every error the SDK throws (except an `AbortError` for a
 * request the caller aborted) is an {@link InvitationsError} with a stable `code`:
 * the contract's problem codes, plus `network_error`, `timeout` and `invalid_response`.
 * No message or property ever holds the caller's token.
 */
import { MAX_EMAILS_PER_REQUEST, type FieldError, type Problem, type ProblemCode, type Seats } from './schemas.ts';

/** Every code an {@link InvitationsError} can carry. */
export type ErrorCode = ProblemCode | 'network_error' | 'timeout' | 'invalid_response' | 'http_error';

/** The request an error came from, with nothing secret in it. */
export interface RequestSummary {
  method: string;
  url: string;
}

/** Base class of every SDK error. */
export class InvitationsError extends Error {
  override name = 'InvitationsError';
  /** Stable machine code. */
  readonly code: ErrorCode;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** The problem body the server sent, if any. */
  readonly problem: Problem | undefined;
  readonly request: RequestSummary | undefined;

  constructor(
    message: string,
    init: { code: ErrorCode; status?: number; problem?: Problem; request?: RequestSummary; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.problem = init.problem;
    this.request = init.request;
  }
}

/** The server answered with a problem body (any 4xx or 5xx). */
export class ApiError extends InvitationsError {
  override name = 'ApiError';
}

/** `409 seats_exhausted`: the request needs more seats than are free; nothing was created. */
export class SeatsExhaustedError extends ApiError {
  override name = 'SeatsExhaustedError';
  /** Seat usage when the request was refused. */
  readonly seats: Seats;
  /** Seats the request needed. */
  readonly required: number;
  constructor(message: string, init: ConstructorParameters<typeof ApiError>[1] & { seats: Seats; required: number }) {
    super(message, init);
    this.seats = init.seats;
    this.required = init.required;
  }
}

/** `422 validation_failed`: the request broke the schema; `errors` says where. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  readonly errors: FieldError[];
  constructor(message: string, init: ConstructorParameters<typeof ApiError>[1] & { errors: FieldError[] }) {
    super(message, init);
    this.errors = init.errors;
  }
}

/**
 * `413 too_many_emails`: an invite request with more than {@link MAX_EMAILS_PER_REQUEST} (500)
 * addresses, counted over all its batches. `client.invitations.create` throws it before sending
 * (`status` 0), so nothing is sent; a server that answers `413 too_many_emails` gives the same
 * error. Send the addresses in several requests of at most 500, each with its own idempotency key.
 */
export class TooManyEmailsError extends ApiError {
  override name = 'TooManyEmailsError';
  /** Most addresses in one invite request. */
  readonly limit = MAX_EMAILS_PER_REQUEST;
}

/** `429 rate_limited`, after the SDK's own retries. */
export class RateLimitedError extends ApiError {
  override name = 'RateLimitedError';
  /** Seconds the server asked to wait, if it said. */
  readonly retryAfter: number | undefined;
  constructor(message: string, init: ConstructorParameters<typeof ApiError>[1] & { retryAfter?: number }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** No response arrived (offline, DNS, connection refused, CORS). */
export class NetworkError extends InvitationsError {
  override name = 'NetworkError';
}

/** No response arrived within the timeout. */
export class TimeoutError extends InvitationsError {
  override name = 'TimeoutError';
}

/** A response arrived but does not match the contract. */
export class InvalidResponseError extends InvitationsError {
  override name = 'InvalidResponseError';
}
