/**
 * The typed client of the invitations API: one method per operation of the contract.
 */
import * as z from 'zod/mini';
import { TooManyEmailsError, ValidationError } from './errors.ts';
import { createTransport, type ClientOptions, type RequestOptions } from './http.ts';
import { PageRequest } from './paginate.ts';
import {
  AcceptRequest,
  ActivityPage,
  ActivityQuery,
  AddressLookup,
  ClockRequest,
  ClockResponse,
  Group,
  IdsRequest,
  InvitationFilter,
  InvitationPage,
  InvitationPreview,
  InvitationQuery,
  InviteRequest,
  InviteResponse,
  KnownAddressList,
  MAX_EMAILS_PER_REQUEST,
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
  SubgroupInput,
  SubgroupList,
  type Page,
} from './schemas.ts';

/**
 * Creates a client bound to one API.
 *
 * @example
 * const client = createInvitationsClient({
 *   baseUrl: 'https://lms.example.com/api/v1/',
 *   getToken: () => session.accessToken,
 * });
 * const { seats } = await client.group.get('demo');
 */
export function createInvitationsClient(options: ClientOptions) {
  const send = createTransport(options);
  const group = (groupId: string) => `groups/${encodeURIComponent(groupId)}`;
  const ref = (value: string) => encodeURIComponent(value);
  /** A list: its query is checked when the first page is asked for, each page follows the last one's cursor. */
  const list = <T>(path: string, schema: z.ZodMiniType<Page<T>>, query: () => ListQuery, options: RequestOptions) =>
    new PageRequest<T>(async (next) => {
      const { cursor, ...rest } = query();
      return send({ method: 'get', path, searchParams: { ...rest, cursor: next ?? cursor }, schema, ...options });
    });

  return {
    group: {
      /** The group and its seat usage. */
      get: async (groupId: string, options: RequestOptions = {}) =>
        send({ method: 'get', path: group(groupId), schema: Group, ...options }),
      /** The caller as a member of the group (works for Learners too). */
      me: async (groupId: string, options: RequestOptions = {}) =>
        send({ method: 'get', path: `${group(groupId)}/me`, schema: Me, ...options }),
    },
    subgroups: {
      list: async (groupId: string, options: RequestOptions = {}) =>
        send({ method: 'get', path: `${group(groupId)}/subgroups`, schema: SubgroupList, ...options }),
      create: async (groupId: string, input: SubgroupInput, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/subgroups`,
          json: checked(SubgroupInput, input),
          schema: Subgroup,
          ...options,
        }),
      rename: async (groupId: string, subgroupId: string, input: SubgroupInput, options: RequestOptions = {}) =>
        send({
          method: 'patch',
          path: `${group(groupId)}/subgroups/${ref(subgroupId)}`,
          json: checked(SubgroupInput, input),
          schema: Subgroup,
          ...options,
        }),
      /** Deletes a subgroup; its members and invitations keep no subgroup. */
      remove: async (groupId: string, subgroupId: string, options: RequestOptions = {}) =>
        send({
          method: 'delete',
          path: `${group(groupId)}/subgroups/${ref(subgroupId)}`,
          schema: undefined,
          ...options,
        }),
    },
    members: {
      /** A page of members; iterate it with `for await` to walk every page. */
      list: (groupId: string, query: MemberQuery = {}, options: RequestOptions = {}) =>
        list(`${group(groupId)}/members`, MemberPage, () => checked(MemberQuery, query), options),
      /** Deactivates a member, which frees a seat. */
      deactivate: async (groupId: string, memberId: string, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/members/${ref(memberId)}/deactivate`,
          schema: MemberChange,
          ...options,
        }),
      /** Reactivates a member; needs a free seat (`SeatsExhaustedError`). */
      reactivate: async (groupId: string, memberId: string, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/members/${ref(memberId)}/reactivate`,
          schema: MemberChange,
          ...options,
        }),
    },
    invitations: {
      /** A page of outstanding invitations; iterate it with `for await` to walk every page. */
      list: (groupId: string, query: InvitationQuery = {}, options: RequestOptions = {}) =>
        list(`${group(groupId)}/invitations`, InvitationPage, () => checked(InvitationQuery, query), options),
      /**
       * Invites people, in one or more user-type boxes. All or nothing: when seats are short
       * it throws `SeatsExhaustedError` and creates nothing. At most 500 addresses in all
       * (`MAX_EMAILS_PER_REQUEST`): more throws `TooManyEmailsError` before anything is sent.
       */
      create: async (groupId: string, input: InviteRequest, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/invitations`,
          json: withinEmailLimit(checked(InviteRequest, input)),
          schema: InviteResponse,
          ...options,
        }),
      /**
       * Changes nothing: the members and invitations the group holds for some addresses (at most
       * 500), to preview what an invite of them would do with `planInvites`.
       *
       * @example
       * const { members, invitations } = await client.invitations.knownAddresses('g_123', ['kim@x.org']);
       */
      knownAddresses: async (groupId: string, emails: string[], options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/addresses/lookup`,
          json: checked(AddressLookup, { emails }),
          schema: KnownAddressList,
          ...options,
        }),
      /** Sends invitations again with a new link and a new 10-day expiry. */
      resend: async (groupId: string, ids: string[], options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/invitations/resend`,
          json: checked(IdsRequest, { ids }),
          schema: ResendResponse,
          ...options,
        }),
      /** Deletes invitations, which frees their seats. */
      remove: async (groupId: string, ids: string[], options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/invitations/remove`,
          json: checked(IdsRequest, { ids }),
          schema: RemoveResponse,
          ...options,
        }),
      /**
       * Sends every invitation a filter matches again, in one request; answers how many were
       * resent and how many were sent too recently to resend.
       *
       * @example
       * const { resent } = await client.invitations.resendMatching('g_123', { status: 'expired' });
       */
      resendMatching: async (groupId: string, filter: InvitationFilter, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/invitations/resend`,
          json: { filter: checked(InvitationFilter, filter) },
          schema: ResendCounts,
          ...options,
        }),
      /**
       * Deletes every invitation a filter matches, in one request; answers how many and the seats after.
       *
       * @example
       * const { removed, seats } = await client.invitations.removeMatching('g_123', { status: 'expired' });
       */
      removeMatching: async (groupId: string, filter: InvitationFilter, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `${group(groupId)}/invitations/remove`,
          json: { filter: checked(InvitationFilter, filter) },
          schema: RemoveCounts,
          ...options,
        }),
    },
    activity: {
      /**
       * A page of the group's activity log, newest first (`type` keeps one kind of change);
       * iterate it with `for await` to walk every page.
       *
       * @example
       * for await (const event of client.activity.list('g_123', { type: 'invitation.accepted' })) {
       *   console.log(event.occurredAt, event.subject.label);
       * }
       */
      list: (groupId: string, query: ActivityQuery = {}, options: RequestOptions = {}) =>
        list(`${group(groupId)}/activity`, ActivityPage, () => checked(ActivityQuery, query), options),
    },
    invitee: {
      /** What an invitation link is for (no auth: the token is the secret). */
      lookUp: async (token: string, options: RequestOptions = {}) =>
        send({ method: 'get', path: `invitations/${ref(token)}`, schema: InvitationPreview, ...options }),
      /** Accepts an invitation and creates the member. */
      accept: async (token: string, input: AcceptRequest, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: `invitations/${ref(token)}/accept`,
          json: checked(AcceptRequest, input),
          schema: Member,
          ...options,
        }),
    },
    /** Demo-mode endpoints of the reference server and the mocks; absent in production. */
    demo: {
      outbox: async (query: { to?: string; limit?: number } = {}, options: RequestOptions = {}) =>
        send({ method: 'get', path: 'dev/outbox', searchParams: query, schema: Outbox, ...options }),
      /** Fills a group with many invitations and members (created if missing; seats raised to fit). */
      seed: async (input: ScaleSeedRequest, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: 'dev/seed',
          json: checked(ScaleSeedRequest, input),
          schema: ScaleSeedResponse,
          ...options,
        }),
      advanceClock: async (advanceMs: number, options: RequestOptions = {}) =>
        send({
          method: 'post',
          path: 'dev/clock',
          json: checked(ClockRequest, { advanceMs }),
          schema: ClockResponse,
          ...options,
        }),
    },
  };
}

/** A list's query as it travels: text and numbers, and the cursor of the page to start at. */
type ListQuery = Record<string, string | number | undefined> & { cursor?: string | undefined };

/** The client {@link createInvitationsClient} returns. */
export type InvitationsClient = ReturnType<typeof createInvitationsClient>;

/** An invite request of at most 500 addresses in all, or a `TooManyEmailsError` before it leaves. */
function withinEmailLimit<R extends { batches: Array<{ emails: unknown[] }> }>(request: R): R {
  const count = request.batches.reduce((sum, batch) => sum + batch.emails.length, 0);
  if (count <= MAX_EMAILS_PER_REQUEST) return request;
  throw new TooManyEmailsError(
    `One invite request can carry at most ${MAX_EMAILS_PER_REQUEST} addresses; this one has ${count}. ` +
      'Send them in several requests.',
    { code: 'too_many_emails' },
  );
}

/** Checks input before it leaves, so a mistake is reported where it was made. */
function checked<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ValidationError(`Invalid input: ${errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`, {
    code: 'validation_failed',
    errors,
  });
}
