/**
 * What each operation of the table does, typed from its own schemas: `params` from the
 * `{names}` in its path, `query` and `body` from its zod schemas, and a `caller` that is
 * known wherever the operation needs one.
 */
import type * as z from 'zod/mini';
import type { InvitationsService } from '../domain/service.ts';
import type { MemberView } from '../store/store.ts';
import type { OperationId, operations } from './operations.ts';

type Operations = typeof operations;

/** The `{names}` in a path. */
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
type OutputOf<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface HandlerInput<Id extends OperationId> {
  params: Record<ParamNames<Operations[Id]['path']>, string>;
  query: Operations[Id] extends { query: infer Q } ? OutputOf<Q> : undefined;
  body: Operations[Id] extends { body: infer B } ? OutputOf<B> : undefined;
  /** Known for `admin` and `member` operations (a 401 answers before otherwise). */
  caller: Operations[Id]['access'] extends 'admin' | 'member' ? MemberView : undefined;
}

export type Handlers = { [Id in OperationId]: (input: HandlerInput<Id>) => unknown };

export function handlersOf(service: InvitationsService): Handlers {
  return {
    getGroup: ({ caller, params }) => service.getGroup(caller, params.groupId),
    getMe: ({ caller, params }) => service.me(caller, params.groupId),
    listSubgroups: ({ caller, params }) => service.listSubgroups(caller, params.groupId),
    createSubgroup: ({ caller, params, body }) => service.createSubgroup(caller, params.groupId, body),
    renameSubgroup: ({ caller, params, body }) =>
      service.renameSubgroup(caller, params.groupId, params.subgroupId, body),
    deleteSubgroup: ({ caller, params }) => service.deleteSubgroup(caller, params.groupId, params.subgroupId),
    listMembers: ({ caller, params, query }) => service.listMembers(caller, params.groupId, query),
    deactivateMember: ({ caller, params }) =>
      service.setMemberStatus(caller, params.groupId, params.memberId, 'deactivated'),
    reactivateMember: ({ caller, params }) =>
      service.setMemberStatus(caller, params.groupId, params.memberId, 'active'),
    listInvitations: ({ caller, params, query }) => service.listInvitations(caller, params.groupId, query),
    invite: ({ caller, params, body }) => service.invite(caller, params.groupId, body),
    resendInvitations: ({ caller, params, body }) => service.resend(caller, params.groupId, body),
    removeInvitations: ({ caller, params, body }) => service.remove(caller, params.groupId, body),
    listActivity: ({ caller, params, query }) => service.listActivity(caller, params.groupId, query),
    lookUpAddresses: ({ caller, params, body }) => service.lookUpAddresses(caller, params.groupId, body),
    lookUpInvitation: ({ params }) => service.lookUp(params.token),
    acceptInvitation: ({ params, body }) => service.accept(params.token, body),
    readOutbox: ({ query }) => service.outbox(query.to, query.limit),
    advanceClock: ({ body }) => service.advanceClock(body.advanceMs),
    seedGroup: ({ body }) => service.seedScale(body),
  };
}
