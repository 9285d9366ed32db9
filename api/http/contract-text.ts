/**
 * The prose of the OpenAPI document that is not tied to one operation: the rules every
 * operation follows, what each problem code means, the tags, headers and path parameters.
 */
import type { ProblemCode } from '../../sdk/schemas.ts';
import type { Operation } from './operations.ts';

/** The document's `info.description`: what a compatible server must do beyond the shapes. */
export const API_DESCRIPTION = `Invite people to a group, watch its seats, and clean up pending invitations.

## Seats
A group has \`total\` seats. Occupied seats = active members + outstanding invitations, **valid or expired**;
\`available\` = \`total\` − occupied, never negative. Inviting N people needs N available seats, else
\`409 seats_exhausted\` and nothing is created (all or nothing, also under concurrent requests). Removing an
invitation or deactivating a member frees a seat at once; reactivating needs one; accepting moves a seat from
pending to active; resending changes nothing. Every answer that changes seat usage carries the new \`seats\`.

## Time
An invitation expires 10 days after it was last sent (\`expiresAt\`), and keeps its seat until removed or
resent. One invitation can be resent at most once a minute (its result is then \`rate_limited\` with
\`retryAfter\`). Invitation tokens are single use.

## Requests
- JSON bodies, \`Content-Type: application/json\`, at most 512 KB (\`413 payload_too_large\`); at most 500 emails
  per invite (\`413 too_many_emails\`) and 500 ids per resend or remove. Unknown body fields are refused, and so
  are unknown query parameters of an operation that takes some (\`422 validation_failed\`, with \`errors[].path\`
  such as \`body.name\` or \`query.limit\`); other operations ignore the query.
- Names are trimmed before their length is checked; a name of only spaces is refused. Query integers are plain
  decimal digits.
- The request is validated before the caller is authenticated: an invalid request with no token is a \`422\`.

## Idempotency
Every POST, PATCH and DELETE takes an optional \`Idempotency-Key\` (1–255 characters, else \`422
validation_failed\` with path \`header.Idempotency-Key\`). Per caller, the same key with the same method, path
and body within 24 hours returns the first successful answer again and changes nothing; with another request
it is \`422 idempotency_conflict\`. A refused request (4xx) stores nothing. Requests with one key that arrive
together run one after the other.

## Limits and errors
Each signed-in caller may make 1,200 requests a minute (anonymous callers: per client address), and each
client address 100 invitation look-ups and accepts in 10 minutes; past that, \`429 rate_limited\` with a
\`Retry-After\` header in seconds. Errors are RFC 9457 problem details (\`application/problem+json\`) with a
stable \`code\`; \`type\` is \`urn:manage-users:problem:<code>\`. A 401 carries \`WWW-Authenticate: Bearer\`. A
path of this API asked with a method it does not serve answers \`405 method_not_allowed\` with an \`Allow\`
header; an unknown path answers \`404 not_found\`. GET operations also answer HEAD.`;

/** Tag descriptions, by tag. */
export const TAGS: Record<Operation['tag'], string> = {
  Group: 'The group, its seats, and the caller.',
  Subgroups: 'Named parts of a group that members and invitations can belong to.',
  Members: 'People who accepted an invitation.',
  Invitations: 'Outstanding invitations, valid or expired: each holds a seat.',
  Activity: 'Every change of the group, who made it and when: the audit trail.',
  Invitee: 'The invitation link, for the person invited (no sign-in; the token is the secret).',
  Demo: 'Demo mode only (never in production): the outbox and the clock.',
};

/** Title (as the reference server words it) and when each problem code is sent. */
export const PROBLEMS: Record<ProblemCode, { title: string; when: string }> = {
  malformed_request: { title: 'Malformed request', when: 'The body is not JSON, or not sent as `application/json`.' },
  unauthenticated: { title: 'Sign-in required', when: 'No token, or one the server does not know.' },
  forbidden: { title: 'Not allowed', when: 'The caller is not an Admin of the group.' },
  not_found: { title: 'Not found', when: 'No such group or resource in it.' },
  method_not_allowed: { title: 'Method not allowed', when: 'The path does not serve this method.' },
  seats_exhausted: { title: 'No seat available', when: 'The request needs more seats than are available.' },
  subgroup_exists: { title: 'Subgroup exists', when: 'A subgroup with this name exists.' },
  invitation_expired: { title: 'Invitation expired', when: 'The invitation has expired.' },
  too_many_emails: { title: 'Too many emails', when: 'More than 500 emails in one request.' },
  payload_too_large: { title: 'Request too large', when: 'The body is over 512 KB.' },
  validation_failed: {
    title: 'The request is not valid',
    when: 'The body, a query parameter or the `Idempotency-Key` breaks the schema; `errors` names each field.',
  },
  idempotency_conflict: {
    title: 'Idempotency key reused',
    when: 'The `Idempotency-Key` was used in the last 24 hours for a different request.',
  },
  rate_limited: { title: 'Too many requests', when: 'Over the request budget; wait `Retry-After` seconds.' },
  server_error: { title: 'Something went wrong', when: 'An unexpected failure; no details are given.' },
};

/** Path parameters: what they are and an example. */
export const PATH_PARAMETERS: Record<string, { description: string; example: string }> = {
  groupId: { description: 'The group, as the host LMS names it.', example: 'demo' },
  subgroupId: { description: 'A subgroup of the group.', example: 'sub_nursing' },
  memberId: { description: 'A member of the group.', example: 'usr_marco' },
  token: {
    description: 'The secret from the invitation link (256 random bits, base64url).',
    example: 'q3T1k7W0mX9bR2sV5yZ8aC4dE6fG1hJ3kL5nP7qS9uW',
  },
};

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes a retry safe: the same key, method, path and body within 24 hours returns the first successful answer ' +
  'again and changes nothing. Scoped to the caller.';
