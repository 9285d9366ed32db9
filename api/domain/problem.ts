/**
 * A refusal the domain can explain: it becomes an RFC 9457 problem body with a stable code.
 */
import type { FieldError, ProblemCode, Seats } from '../../sdk/schemas.ts';

/** The HTTP status of each problem code: the service answers with it, the OpenAPI document lists it. */
export const STATUS_OF = {
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  seats_exhausted: 409,
  subgroup_exists: 409,
  invitation_expired: 410,
  too_many_emails: 413,
  payload_too_large: 413,
  validation_failed: 422,
  idempotency_conflict: 422,
  rate_limited: 429,
  server_error: 500,
} as const satisfies Record<ProblemCode, number>;

interface ProblemExtensions {
  seats?: Seats;
  required?: number;
  errors?: FieldError[];
  retryAfter?: number;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly title: string;
  readonly extensions: ProblemExtensions;

  constructor(code: ProblemCode, title: string, detail?: string, extensions: ProblemExtensions = {}) {
    super(detail ?? title);
    this.status = STATUS_OF[code];
    this.code = code;
    this.title = title;
    this.extensions = extensions;
  }

  toJSON() {
    return {
      // A URI that names the problem and never resolves: no domain to lose or squat.
      type: `urn:manage-users:problem:${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...this.extensions,
    };
  }
}

export const notFound = (what: string) => new ProblemError('not_found', 'Not found', `No such ${what}.`);

export const validationFailed = (errors: FieldError[]) =>
  new ProblemError(
    'validation_failed',
    'The request is not valid',
    errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; '),
    { errors },
  );

export const malformedRequest = (detail: string) => new ProblemError('malformed_request', 'Malformed request', detail);
