/**
 * The invitations API contract as zod schemas: the single source of truth. Every
 * TypeScript type of the SDK, the widget and the servers comes from these, and the OpenAPI
 * document is generated from them.
 *
 * Written with `zod/mini` so the browser bundle stays small.
 */
import * as z from 'zod/mini';

/** Longest subgroup name. */
export const MAX_SUBGROUP_NAME = 80;
/** Most emails in one invite request (answered by `413 too_many_emails`). */
export const MAX_EMAILS_PER_REQUEST = 500;
/** Most batches (user-type boxes) in one invite request. */
export const MAX_BATCHES_PER_REQUEST = 50;
/** Longest name of an invitee. */
export const MAX_INVITEE_NAME = 100;
/** Most ids in one resend or remove request. */
export const MAX_IDS_PER_REQUEST = 500;

const id = z.string().check(z.minLength(1), z.maxLength(100));
const timestamp = z.iso.datetime({ offset: true });
const count = z.int().check(z.minimum(0));

export const Role = z.enum(['learner', 'admin']);
export type Role = z.infer<typeof Role>;

export const Seats = z.object({
  total: count,
  active: count,
  pending: count,
  expired: count,
  available: count,
});
/** Seat usage of a group: occupied = active + pending + expired. */
export type Seats = z.infer<typeof Seats>;

export const SubgroupRef = z.object({ id, name: z.string() });
export type SubgroupRef = z.infer<typeof SubgroupRef>;

export const Subgroup = z.object({
  id,
  name: z.string(),
  memberCount: count,
  invitationCount: count,
});
export type Subgroup = z.infer<typeof Subgroup>;

export const InvitationStatus = z.enum(['pending', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** Where an invitation's email stands: waiting, failed for now (tried again later), handed to the mail server, or refused for good. */
export const DeliveryStatus = z.enum(['queued', 'retrying', 'sent', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** The delivery of the latest send (an invite or a resend) of an invitation's email. */
export const Delivery = z.object({
  status: DeliveryStatus,
  /** Attempts made for this send. */
  attempts: z.int().check(z.minimum(0)),
  lastAttemptAt: z.nullable(timestamp),
  /** Why the last attempt failed, in a few words (e.g. the mail server's refusal); null otherwise. */
  error: z.nullable(z.string()),
});
export type Delivery = z.infer<typeof Delivery>;

export const Invitation = z.object({
  id,
  email: z.string(),
  /** The invitee's name as the admin gave it; absent when none was given. */
  name: z.optional(z.string()),
  role: Role,
  subgroup: z.nullable(SubgroupRef),
  status: InvitationStatus,
  createdAt: timestamp,
  lastSentAt: timestamp,
  expiresAt: timestamp,
  sendCount: z.int().check(z.minimum(1)),
  invitedBy: z.object({ id, email: z.string() }),
  delivery: Delivery,
});
export type Invitation = z.infer<typeof Invitation>;

export const MemberStatus = z.enum(['active', 'deactivated']);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const Member = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: Role,
  subgroup: z.nullable(SubgroupRef),
  status: MemberStatus,
  joinedAt: timestamp,
});
export type Member = z.infer<typeof Member>;

export const Group = z.object({ id, name: z.string(), seats: Seats });
export type Group = z.infer<typeof Group>;

export const Me = z.object({ id, email: z.string(), name: z.string(), role: Role });
export type Me = z.infer<typeof Me>;

/** A page of a list: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()), total: count });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export const SubgroupList = z.object({ items: z.array(Subgroup) });
export type SubgroupList = z.infer<typeof SubgroupList>;
export const MemberPage = pageOf(Member);
export const InvitationPage = pageOf(Invitation);

// ---- requests ----------------------------------------------------------------------

/**
 * Strings whose surrounding whitespace is removed before the length checks, with their
 * longest length. JSON Schema cannot trim, so the OpenAPI document states the rule as a pattern.
 */
export const trimmedStrings = z.registry<{ maxLength: number }>();

/** A name: surrounding whitespace is removed, then 1 to `max` characters must remain. */
function trimmedName(max: number) {
  const schema = z.string().check(z.trim(), z.minLength(1, 'Must not be blank'), z.maxLength(max));
  trimmedStrings.add(schema, { maxLength: max });
  return schema;
}

const subgroupName = trimmedName(MAX_SUBGROUP_NAME);

export const SubgroupInput = z.strictObject({ name: subgroupName });
export type SubgroupInput = z.input<typeof SubgroupInput>;

/** A whole number, or its plain decimal digits as a query string carries it (no sign, spaces or hex). */
const digits = z.pipe(z.string().check(z.regex(/^\d{1,15}$/)), z.transform(Number));
export const decimal = z.union([z.int(), digits], 'Must be a whole number');

const pagination = {
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.pipe(decimal, z.int().check(z.minimum(1), z.maximum(200)))),
};

export const MemberSort = z.enum(['email', '-email', 'name', '-name', 'joinedAt', '-joinedAt']);
export type MemberSort = z.infer<typeof MemberSort>;

export const MemberQuery = z.strictObject({
  status: z.optional(MemberStatus),
  q: z.optional(z.string().check(z.maxLength(254))),
  role: z.optional(Role),
  subgroupId: z.optional(id),
  sort: z.optional(MemberSort),
  ...pagination,
});
export type MemberQuery = z.input<typeof MemberQuery>;

export const InvitationSort = z.enum([
  'email',
  '-email',
  'createdAt',
  '-createdAt',
  'expiresAt',
  '-expiresAt',
  'lastSentAt',
  '-lastSentAt',
]);
export type InvitationSort = z.infer<typeof InvitationSort>;

export const InvitationStatusFilter = z.enum(['pending', 'expired', 'all']);

export const InvitationQuery = z.strictObject({
  status: z.optional(InvitationStatusFilter),
  q: z.optional(z.string().check(z.maxLength(254))),
  role: z.optional(Role),
  subgroupId: z.optional(id),
  /** Only invitations whose email stands so: `failed` lists the ones not delivered. */
  delivery: z.optional(DeliveryStatus),
  sort: z.optional(InvitationSort),
  ...pagination,
});
export type InvitationQuery = z.input<typeof InvitationQuery>;

export const SubgroupChoice = z.union([z.strictObject({ id }), z.strictObject({ name: subgroupName })]);
export type SubgroupChoice = z.input<typeof SubgroupChoice>;

/**
 * One address of an invite request: a string (`ana@x.org`, or `Ana Ruiz <ana@x.org>` whose
 * name is kept, cut at 100 characters) or `{ email, name }` (name trimmed, at most 100).
 */
export const InviteAddress = z.union([
  z.string().check(z.maxLength(1000)),
  z.strictObject({
    email: z.string().check(z.maxLength(1000)),
    name: z.optional(z.string().check(z.trim(), z.maxLength(MAX_INVITEE_NAME))),
  }),
]);
export type InviteAddress = z.input<typeof InviteAddress>;

export const InviteBatch = z.strictObject({
  role: Role,
  subgroup: z.optional(SubgroupChoice),
  emails: z.array(InviteAddress).check(z.minLength(1)),
});
export type InviteBatch = z.input<typeof InviteBatch>;

export const Locale = z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/));

export const InviteRequest = z.strictObject({
  batches: z.array(InviteBatch).check(z.minLength(1), z.maxLength(MAX_BATCHES_PER_REQUEST)),
  locale: z.optional(Locale),
});
export type InviteRequest = z.input<typeof InviteRequest>;

export const InviteResultStatus = z.enum([
  'invited',
  'already_invited',
  'already_member',
  'deactivated_member',
  'invalid_email',
  'duplicate',
]);
export type InviteResultStatus = z.infer<typeof InviteResultStatus>;

export const InviteResult = z.object({
  email: z.string(),
  status: InviteResultStatus,
  /** The name given with the address, if any. */
  name: z.optional(z.string()),
  invitation: z.optional(Invitation),
  /** With `deactivated_member`: the member to reactivate instead. */
  memberId: z.optional(id),
});
export type InviteResult = z.infer<typeof InviteResult>;

export const InviteResponse = z.object({ results: z.array(InviteResult), seats: Seats });
export type InviteResponse = z.infer<typeof InviteResponse>;

/** Addresses to look up before inviting them (at most 500, like an invite request). */
export const AddressLookup = z.strictObject({
  emails: z.array(z.string().check(z.maxLength(1000))).check(z.minLength(1), z.maxLength(MAX_EMAILS_PER_REQUEST)),
});
export type AddressLookup = z.input<typeof AddressLookup>;

/** What the group holds for looked-up addresses: its members and invitations with those addresses. */
export const KnownAddressList = z.object({ members: z.array(Member), invitations: z.array(Invitation) });
export type KnownAddressList = z.infer<typeof KnownAddressList>;

const ids = z.array(id).check(z.minLength(1), z.maxLength(MAX_IDS_PER_REQUEST));

export const IdsRequest = z.strictObject({ ids });
export type IdsRequest = z.input<typeof IdsRequest>;

/** Which invitations a bulk action by filter acts on: every one that matches (like the list's query). */
export const InvitationFilter = z.strictObject({
  status: z.optional(InvitationStatusFilter),
  role: z.optional(Role),
  /** A subgroup id. */
  subgroup: z.optional(id),
  q: z.optional(z.string().check(z.maxLength(254))),
  /** Only invitations whose email stands so (`failed`: not delivered). */
  delivery: z.optional(DeliveryStatus),
});
export type InvitationFilter = z.input<typeof InvitationFilter>;

/** A resend or remove request: the invitations by id (at most 500), or every one a filter matches. */
export const InvitationSelection = z.union([IdsRequest, z.strictObject({ filter: InvitationFilter })]);
export type InvitationSelection = z.input<typeof InvitationSelection>;

/** The answer to a resend by filter: how many were sent again, and how many waited (sent in the last minute). */
export const ResendCounts = z.object({ resent: count, rateLimited: count });
export type ResendCounts = z.infer<typeof ResendCounts>;

/** The answer to a remove by filter: how many were removed, and the seats after. */
export const RemoveCounts = z.object({ removed: count, seats: Seats });
export type RemoveCounts = z.infer<typeof RemoveCounts>;

export const ResendResult = z.object({
  id,
  status: z.enum(['resent', 'not_found', 'rate_limited']),
  invitation: z.optional(Invitation),
  retryAfter: z.optional(count),
});
export type ResendResult = z.infer<typeof ResendResult>;

export const ResendResponse = z.object({ results: z.array(ResendResult) });
export type ResendResponse = z.infer<typeof ResendResponse>;

export const RemoveResponse = z.object({ removed: z.array(id), notFound: z.array(id), seats: Seats });
export type RemoveResponse = z.infer<typeof RemoveResponse>;

export const MemberChange = z.object({ member: Member, seats: Seats });
export type MemberChange = z.infer<typeof MemberChange>;

// ---- activity ----------------------------------------------------------------------

/** What happened, as `<subject>.<change>`. */
export const ActivityType = z.enum([
  'invitation.created',
  'invitation.resent',
  'invitation.removed',
  'invitation.accepted',
  'invitation.expired',
  'invitation.delivered',
  'invitation.delivery_failed',
  'invitation.reminded',
  'member.deactivated',
  'member.reactivated',
  'subgroup.created',
  'subgroup.renamed',
  'subgroup.removed',
]);
export type ActivityType = z.infer<typeof ActivityType>;

/**
 * Who made a change: a member (an Admin, or the invitee who accepted), or `system` for what
 * the server does on its own (delivery, reminders, expiry).
 */
export const ActivityActor = z.union([
  z.object({ type: z.literal('member'), id, name: z.string(), email: z.string() }),
  z.object({ type: z.literal('system') }),
]);
export type ActivityActor = z.infer<typeof ActivityActor>;

/** What a change was made to; `label` is what an admin reads: the address, or the subgroup's name. */
export const ActivitySubject = z.object({
  type: z.enum(['invitation', 'member', 'subgroup']),
  id,
  label: z.string(),
});
export type ActivitySubject = z.infer<typeof ActivitySubject>;

/** One change in a group's activity log. */
export const ActivityEvent = z.object({
  id,
  type: ActivityType,
  occurredAt: timestamp,
  actor: ActivityActor,
  subject: ActivitySubject,
  /** `subgroup.renamed`: the name before. */
  previousName: z.optional(z.string()),
  /** `invitation.delivery_failed`: a short reason. */
  reason: z.optional(z.string()),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const ActivityPage = pageOf(ActivityEvent);

/** The activity list's query: newest first, optionally one type. */
export const ActivityQuery = z.strictObject({
  type: z.optional(ActivityType),
  ...pagination,
});
export type ActivityQuery = z.input<typeof ActivityQuery>;

// ---- the invitee's side ------------------------------------------------------------

export const InvitationPreview = z.object({
  email: z.string(),
  /** The name the admin gave, to prefill the accept form. */
  name: z.optional(z.string()),
  groupName: z.string(),
  role: Role,
  expiresAt: timestamp,
  status: InvitationStatus,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** Shortest password accepted (OWASP ASVS 5.0: at least 8). */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted (ASVS: at least 64 must be allowed). */
export const MAX_PASSWORD_LENGTH = 128;

/** The server also refuses the most common passwords (field error code `common_password`). */
export const AcceptRequest = z.strictObject({
  name: trimmedName(100),
  password: z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type AcceptRequest = z.input<typeof AcceptRequest>;

// ---- problems ----------------------------------------------------------------------

export const ProblemCode = z.enum([
  'malformed_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'seats_exhausted',
  'subgroup_exists',
  'invitation_expired',
  'too_many_emails',
  'payload_too_large',
  'validation_failed',
  'idempotency_conflict',
  'rate_limited',
  'server_error',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One refused field: where (`body.password`), why in English, and for some rules a stable `code`. */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  /** `common_password`: the password is in the server's list of common passwords. */
  code: z.optional(z.string()),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with the contract's extensions. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  code: z.string(),
  seats: z.optional(Seats),
  required: z.optional(count),
  errors: z.optional(z.array(FieldError)),
  retryAfter: z.optional(count),
});
export type Problem = z.infer<typeof Problem>;

// ---- demo mode ---------------------------------------------------------------------

export const OutboxMessage = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  acceptUrl: z.string(),
  sentAt: timestamp,
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Outbox = z.object({ items: z.array(OutboxMessage) });
export const ClockRequest = z.strictObject({ advanceMs: z.int().check(z.minimum(0), z.maximum(365 * 86_400_000)) });
export const ClockResponse = z.object({ now: timestamp });

/** Most rows one seed request adds. */
export const MAX_SEEDED_ROWS = 1_000_000;
const seeded = z.int().check(z.minimum(0), z.maximum(MAX_SEEDED_ROWS));

export const ScaleSeedRequest = z.strictObject({
  groupId: id,
  invitations: seeded,
  /** How many of the invitations are past their expiry. */
  expired: seeded,
  members: seeded,
});
export type ScaleSeedRequest = z.input<typeof ScaleSeedRequest>;
export const ScaleSeedResponse = z.object({ groupId: id, seats: Seats });
export type ScaleSeedResponse = z.infer<typeof ScaleSeedResponse>;
