/**
 * A refusal the domain can explain: it becomes an RFC 9457 problem body with a stable code.
 */
import type { FieldError, ProblemCode, Seats } from '../../sdk/schemas.ts';

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

  constructor(status: number, code: ProblemCode, title: string, detail?: string, extensions: ProblemExtensions = {}) {
    super(detail ?? title);
    this.status = status;
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

export const notFound = (what: string) => new ProblemError(404, 'not_found', 'Not found', `No such ${what}.`);

export const validationFailed = (errors: FieldError[]) =>
  new ProblemError(
    422,
    'validation_failed',
    'The request is not valid',
    errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; '),
    { errors },
  );
