/**
 * The manage-users SDK: a typed, validated, cancellable client of the invitations API.
 *
 * @packageDocumentation
 */
export { createInvitationsClient, type InvitationsClient } from './client.ts';
export type { ClientOptions, RequestOptions, RetryOptions } from './http.ts';
export { PageRequest } from './paginate.ts';
export * from './errors.ts';
export * from './emails.ts';
export * from './schemas.ts';
