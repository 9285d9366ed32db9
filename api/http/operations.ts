/**
 * Every operation of the contract, once: method, path, schemas, answers. The HTTP app
 * routes from this table and the OpenAPI document is generated from it, so the two cannot
 * drift apart.
 */
import * as z from 'zod/mini';
import {
  AcceptRequest,
  ActivityPage,
  ActivityQuery,
  AddressLookup,
  ClockRequest,
  ClockResponse,
  Group,
  InvitationSelection,
  InvitationPage,
  InvitationPreview,
  InvitationQuery,
  InviteRequest,
  InviteResponse,
  KnownAddressList,
  Me,
  Member,
  MemberChange,
  MemberPage,
  MemberQuery,
  Outbox,
  RemoveCounts,
  RemoveResponse,
  ResendCounts,
  ResendResponse,
  ScaleSeedRequest,
  ScaleSeedResponse,
  Subgroup,
  decimal,
  SubgroupInput,
  SubgroupList,
  type ProblemCode,
} from '../../sdk/schemas.ts';

/** Who may call an operation. `demo`: only when the server runs in demo mode. */
export type Access = 'admin' | 'member' | 'public' | 'demo';

/** Whether an operation needs a signed-in caller (a 401 answers otherwise). */
export const needsCaller = (access: Access) => access === 'admin' || access === 'member';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Relative to the API base, with `{param}` placeholders. */
  path: string;
  summary: string;
  tag: 'Group' | 'Subgroups' | 'Members' | 'Invitations' | 'Activity' | 'Invitee' | 'Demo';
  access: Access;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  status: 200 | 201 | 204;
  response?: z.ZodMiniType;
  /** Problem codes this operation can answer with, besides the common ones. */
  problems: ProblemCode[];
}

const OutboxQuery = z.strictObject({
  to: z.optional(z.string().check(z.maxLength(254))),
  /** The newest this many (default 100). */
  limit: z.optional(z.pipe(decimal, z.int().check(z.minimum(1), z.maximum(500)))),
});

export const operations = {
  getGroup: {
    method: 'get',
    path: 'groups/{groupId}',
    summary: 'The group and its seat usage',
    tag: 'Group',
    access: 'admin',
    status: 200,
    response: Group,
    problems: [],
  },
  getMe: {
    method: 'get',
    path: 'groups/{groupId}/me',
    summary: "The caller's role in the group",
    tag: 'Group',
    access: 'member',
    status: 200,
    response: Me,
    problems: [],
  },
  listSubgroups: {
    method: 'get',
    path: 'groups/{groupId}/subgroups',
    summary: 'List subgroups',
    tag: 'Subgroups',
    access: 'admin',
    status: 200,
    response: SubgroupList,
    problems: [],
  },
  createSubgroup: {
    method: 'post',
    path: 'groups/{groupId}/subgroups',
    summary: 'Create a subgroup',
    tag: 'Subgroups',
    access: 'admin',
    body: SubgroupInput,
    status: 201,
    response: Subgroup,
    problems: ['subgroup_exists'],
  },
  renameSubgroup: {
    method: 'patch',
    path: 'groups/{groupId}/subgroups/{subgroupId}',
    summary: 'Rename a subgroup',
    tag: 'Subgroups',
    access: 'admin',
    body: SubgroupInput,
    status: 200,
    response: Subgroup,
    problems: ['subgroup_exists'],
  },
  deleteSubgroup: {
    method: 'delete',
    path: 'groups/{groupId}/subgroups/{subgroupId}',
    summary: 'Delete a subgroup; its members and invitations keep no subgroup',
    tag: 'Subgroups',
    access: 'admin',
    status: 204,
    problems: [],
  },
  listMembers: {
    method: 'get',
    path: 'groups/{groupId}/members',
    summary: 'List members',
    tag: 'Members',
    access: 'admin',
    query: MemberQuery,
    status: 200,
    response: MemberPage,
    problems: [],
  },
  deactivateMember: {
    method: 'post',
    path: 'groups/{groupId}/members/{memberId}/deactivate',
    summary: 'Deactivate a member (frees a seat)',
    tag: 'Members',
    access: 'admin',
    status: 200,
    response: MemberChange,
    problems: ['idempotency_conflict'],
  },
  reactivateMember: {
    method: 'post',
    path: 'groups/{groupId}/members/{memberId}/reactivate',
    summary: 'Reactivate a member (needs a seat)',
    tag: 'Members',
    access: 'admin',
    status: 200,
    response: MemberChange,
    problems: ['seats_exhausted', 'idempotency_conflict'],
  },
  listInvitations: {
    method: 'get',
    path: 'groups/{groupId}/invitations',
    summary: 'List outstanding invitations, valid or expired',
    tag: 'Invitations',
    access: 'admin',
    query: InvitationQuery,
    status: 200,
    response: InvitationPage,
    problems: [],
  },
  invite: {
    method: 'post',
    path: 'groups/{groupId}/invitations',
    summary: 'Invite people, in one or more user-type boxes (all or nothing)',
    tag: 'Invitations',
    access: 'admin',
    body: InviteRequest,
    status: 201,
    response: InviteResponse,
    problems: ['seats_exhausted', 'too_many_emails', 'idempotency_conflict'],
  },
  resendInvitations: {
    method: 'post',
    path: 'groups/{groupId}/invitations/resend',
    summary: 'Resend invitations (by id, or every one a filter matches) with a new link and a new expiry',
    tag: 'Invitations',
    access: 'admin',
    body: InvitationSelection,
    status: 200,
    response: z.union([ResendResponse, ResendCounts]),
    problems: ['idempotency_conflict'],
  },
  removeInvitations: {
    method: 'post',
    path: 'groups/{groupId}/invitations/remove',
    summary: 'Remove invitations, by id or every one a filter matches (frees their seats)',
    tag: 'Invitations',
    access: 'admin',
    body: InvitationSelection,
    status: 200,
    response: z.union([RemoveResponse, RemoveCounts]),
    problems: ['idempotency_conflict'],
  },
  listActivity: {
    method: 'get',
    path: 'groups/{groupId}/activity',
    summary: "The group's activity log, newest first",
    tag: 'Activity',
    access: 'admin',
    query: ActivityQuery,
    status: 200,
    response: ActivityPage,
    problems: [],
  },
  lookUpAddresses: {
    method: 'post',
    path: 'groups/{groupId}/addresses/lookup',
    summary: 'The members and invitations the group holds for some addresses (to preview an invite)',
    tag: 'Invitations',
    access: 'admin',
    body: AddressLookup,
    status: 200,
    response: KnownAddressList,
    problems: [],
  },
  lookUpInvitation: {
    method: 'get',
    path: 'invitations/{token}',
    summary: 'What an invitation link is for',
    tag: 'Invitee',
    access: 'public',
    status: 200,
    response: InvitationPreview,
    problems: ['invitation_expired'],
  },
  acceptInvitation: {
    method: 'post',
    path: 'invitations/{token}/accept',
    summary: 'Accept an invitation and become a member',
    tag: 'Invitee',
    access: 'public',
    body: AcceptRequest,
    status: 201,
    response: Member,
    problems: ['invitation_expired', 'idempotency_conflict'],
  },
  readOutbox: {
    method: 'get',
    path: 'dev/outbox',
    summary: 'Messages sent in demo mode, newest first',
    tag: 'Demo',
    access: 'demo',
    query: OutboxQuery,
    status: 200,
    response: Outbox,
    problems: [],
  },
  seedGroup: {
    method: 'post',
    path: 'dev/seed',
    summary: 'Fill a group with many invitations and members (seats raised to fit)',
    tag: 'Demo',
    access: 'demo',
    body: ScaleSeedRequest,
    status: 200,
    response: ScaleSeedResponse,
    problems: [],
  },
  advanceClock: {
    method: 'post',
    path: 'dev/clock',
    summary: 'Move the demo clock forward',
    tag: 'Demo',
    access: 'demo',
    body: ClockRequest,
    status: 200,
    response: ClockResponse,
    problems: [],
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
