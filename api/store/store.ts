/**
 * The storage interface the domain is written against. Every method returns a Promise, so
 * a networked database can implement it. Work that must be all or nothing runs in
 * {@link Store.transaction}: the SQLite store runs it inside `BEGIN IMMEDIATE`, the memory
 * store on a copy it keeps only when the work succeeds, a PostgreSQL store on a connection
 * of its own.
 */
import type { ActivityType, InvitationSort, MemberSort, MemberStatus, Role } from '../../sdk/schemas.ts';

export interface GroupRow {
  id: string;
  name: string;
  totalSeats: number;
}

export interface SubgroupRow {
  id: string;
  groupId: string;
  name: string;
  createdAt: string;
}

export interface SubgroupView extends SubgroupRow {
  memberCount: number;
  invitationCount: number;
}

export interface MemberRow {
  id: string;
  groupId: string;
  email: string;
  name: string;
  role: Role;
  subgroupId: string | null;
  status: MemberStatus;
  joinedAt: string;
  passwordHash: string | null;
}

export interface MemberView extends MemberRow {
  subgroupName: string | null;
}

export interface InvitationRow {
  id: string;
  groupId: string;
  email: string;
  /** The invitee's name as the admin gave it, or null. */
  name: string | null;
  role: Role;
  subgroupId: string | null;
  tokenHash: string;
  createdAt: string;
  lastSentAt: string;
  expiresAt: string;
  sendCount: number;
  invitedById: string;
  locale: string;
}

/** Where the email of an invitation's latest send stands (see api/jobs/). */
export type DeliveryStatus = 'queued' | 'retrying' | 'sent' | 'failed';

export interface DeliveryState {
  deliveryStatus: DeliveryStatus;
  /** Attempts made for the latest send. */
  deliveryAttempts: number;
  deliveryLastAttemptAt: string | null;
  /** Why the last attempt failed, short and for people; null after a success. */
  deliveryError: string | null;
}

export interface InvitationView extends InvitationRow, DeliveryState {
  subgroupName: string | null;
  invitedByEmail: string;
}

export interface SeatCounts {
  active: number;
  pending: number;
  expired: number;
}

/** A position in a sorted list: the sort key and the id of the last row a page showed. */
export interface ListKey {
  key: string;
  id: string;
}

/** A page: the `limit` rows after `after` (from the start when it is undefined). */
export interface ListWindow {
  after?: ListKey | undefined;
  limit: number;
}

export interface MemberFilter extends ListWindow {
  status?: MemberStatus | undefined;
  /** Lower-case text that the email or the name contains. */
  q?: string | undefined;
  role?: Role | undefined;
  subgroupId?: string | undefined;
  sort: MemberSort;
}

/** Which invitations a bulk action matches, at `now`. */
export type InvitationMatch = Pick<InvitationFilter, 'status' | 'q' | 'role' | 'subgroupId' | 'delivery' | 'now'>;

export interface InvitationFilter extends ListWindow {
  status: 'pending' | 'expired' | 'all';
  /** Lower-case text that the email contains. */
  q?: string | undefined;
  role?: Role | undefined;
  subgroupId?: string | undefined;
  /** Only invitations whose latest email stands so (e.g. `failed`: not delivered). */
  delivery?: DeliveryStatus | undefined;
  sort: InvitationSort;
  /** The clock's time: what is expired is decided against it. */
  now: string;
}

export interface Listed<T> {
  items: T[];
  /** How many rows match the filter (whatever the window). */
  total: number;
  /** Where the next page starts, or null after the last one. */
  next: ListKey | null;
}

export interface StoredResponse {
  scope: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  createdAt: string;
}

export interface StoredMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  acceptUrl: string;
  sentAt: string;
}

export interface GroupStorage {
  group(id: string): Promise<GroupRow | undefined>;
  insertGroup(row: GroupRow): Promise<void>;
  setTotalSeats(id: string, totalSeats: number): Promise<void>;
  seatCounts(groupId: string, now: string): Promise<SeatCounts>;
}

export interface SubgroupStorage {
  subgroups(groupId: string): Promise<SubgroupView[]>;
  subgroup(groupId: string, id: string): Promise<SubgroupRow | undefined>;
  /** The subgroup whose name has the same `nameKey` (api/store/name-key.ts; case and Unicode forms ignored). */
  subgroupByName(groupId: string, name: string): Promise<SubgroupRow | undefined>;
  insertSubgroup(row: SubgroupRow): Promise<void>;
  renameSubgroup(id: string, name: string): Promise<void>;
  /** Deletes the subgroup; its members and invitations keep no subgroup. */
  deleteSubgroup(id: string): Promise<void>;
}

export interface MemberStorage {
  member(id: string): Promise<MemberView | undefined>;
  /** `emailKey` is lower-case. */
  memberByEmail(groupId: string, emailKey: string): Promise<MemberView | undefined>;
  /** The members whose lower-cased address is one of `emailKeys`. */
  membersByEmail(groupId: string, emailKeys: string[]): Promise<MemberView[]>;
  members(groupId: string, filter: MemberFilter): Promise<Listed<MemberView>>;
  insertMember(row: MemberRow): Promise<void>;
  /** Inserts many members at once, in one statement where the database allows (the scale seed). */
  insertMembers(rows: MemberRow[]): Promise<void>;
  setMemberStatus(id: string, status: MemberStatus): Promise<void>;
}

/** An invitation a bulk removal deleted. */
export type RemovedInvitation = Pick<InvitationRow, 'id' | 'email'>;

export interface InvitationStorage {
  invitation(groupId: string, id: string): Promise<InvitationView | undefined>;
  invitationByEmail(groupId: string, emailKey: string): Promise<InvitationView | undefined>;
  /** The invitations whose lower-cased address is one of `emailKeys`. */
  invitationsByEmail(groupId: string, emailKeys: string[]): Promise<InvitationView[]>;
  invitationByTokenHash(tokenHash: string): Promise<InvitationView | undefined>;
  invitations(groupId: string, filter: InvitationFilter): Promise<Listed<InvitationView>>;
  /** Inserts a row; without a delivery state it counts as sent (seed and scale rows, which mail nobody). */
  insertInvitation(row: InvitationRow & Partial<DeliveryState>): Promise<void>;
  /** Inserts many invitations at once (their email counted as sent), in one statement where the database allows. */
  insertInvitations(rows: InvitationRow[]): Promise<void>;
  /** Gives each invitation its new send (link, times, number) and the delivery state its email starts in. */
  updateInvitations(updates: InvitationUpdate[]): Promise<void>;
  /** Records where the mail of send number `send` stands; nothing when the invitation was sent again or is gone. */
  setDelivery(id: string, send: number, state: DeliveryState): Promise<void>;
  deleteInvitation(id: string): Promise<void>;
  /** Deletes up to `limit` invitations of the group that match; answers which (for the activity log). */
  deleteInvitationsMatching(groupId: string, match: InvitationMatch, limit: number): Promise<RemovedInvitation[]>;
}

export interface ResponseStorage {
  storedResponse(scope: string, key: string): Promise<StoredResponse | undefined>;
  /**
   * Stores `record` (status 0: still running) unless the key has a record already; whether it
   * did. The one instance that claims a key runs the request; the others wait for its answer.
   */
  claimResponse(record: StoredResponse): Promise<boolean>;
  /** Stores the answer for a key, replacing its claim. */
  storeResponse(record: StoredResponse): Promise<void>;
  /** Forgets a key (a claim whose request failed, so that a retry runs it again). */
  forgetResponse(scope: string, key: string): Promise<void>;
  /** Forgets stored responses created before `before`. */
  purgeResponses(before: string): Promise<void>;
}

/** One change of a group, as stored; the actor's columns are null for the system. */
export interface ActivityRow {
  id: string;
  groupId: string;
  type: ActivityType;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  subjectType: 'invitation' | 'member' | 'subgroup';
  subjectId: string;
  subjectLabel: string;
  previousName: string | null;
  reason: string | null;
}

/** A page of a group's activity, newest first; `after.key` is the position (`seq`) of the last row shown. */
export interface ActivityFilter extends ListWindow {
  type?: ActivityType | undefined;
}

export interface ActivityStorage {
  /**
   * Adds rows after every other row of their group, in the order given (the store numbers them in
   * the order they are added), in one statement where the database allows.
   */
  insertActivities(rows: ActivityRow[]): Promise<void>;
  activity(groupId: string, filter: ActivityFilter): Promise<Listed<ActivityRow>>;
}

/** The demo outbox keeps this many newest mails and forgets older ones. */
export const OUTBOX_KEEPS = 10_000;
/** Mails one outbox read answers when it names no limit. */
export const OUTBOX_PAGE = 100;

export interface MailStorage {
  addMail(mail: StoredMail): Promise<void>;
  /** The newest `limit` (default {@link OUTBOX_PAGE}), newest first; `to` is a lower-case address. */
  mails(to?: string, limit?: number): Promise<StoredMail[]>;
}

/** A job to run later (api/jobs/): enqueued in the transaction that makes it needed. */
export interface NewJob {
  kind: string;
  /** Jobs of one kind and group key with `ordered` run one at a time, in the order they were enqueued. */
  groupKey: string;
  ordered: boolean;
  /** JSON. */
  payload: string;
  /** When it may run first (the clock's time, ISO). */
  dueAt: string;
  createdAt: string;
}

/** A job a worker holds: nobody else runs it until `claimedUntil` passes. */
export interface ClaimedJob {
  id: number;
  kind: string;
  groupKey: string;
  payload: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** What became of a claimed job: gone when done, due again later, or failed for good. */
export type JobOutcome =
  { status: 'done' } | { status: 'pending'; dueAt: string; error: string } | { status: 'failed'; error: string };

export interface JobClaim {
  worker: string;
  /** The clock's time: jobs due at or before it are claimed. */
  now: string;
  /** Wall time: leases that ended before it are free again (a worker that died). */
  wallNow: string;
  /** Wall time the new lease ends. */
  claimedUntil: string;
  limit: number;
}

export interface JobStorage {
  /** Enqueues jobs in the order given, in one statement where the database allows. */
  enqueueJobs(jobs: NewJob[]): Promise<void>;
  /**
   * Claims up to `limit` due jobs for `worker`, earliest first, counting an attempt each; a
   * job that is claimed and leased elsewhere, or `ordered` behind an earlier pending job of its
   * kind and group key, is left alone. Exactly one worker gets each job.
   */
  claimJobs(claim: JobClaim): Promise<ClaimedJob[]>;
  /** Records a claimed job's outcome, unless `worker` lost its lease to another. */
  settleJob(id: number, worker: string, outcome: JobOutcome): Promise<void>;
  /** When the earliest unclaimed pending job is due (the clock's time), if any. */
  nextJobDue(): Promise<string | undefined>;
  /** Jobs of `kind` that are not done: pending and failed (tests, bench, operators). */
  jobCounts(kind: string): Promise<{ pending: number; failed: number }>;
}

/** The reads and writes, alike on the store (each on its own) and in a transaction. */
export interface Storage
  extends
    GroupStorage,
    SubgroupStorage,
    MemberStorage,
    InvitationStorage,
    ResponseStorage,
    MailStorage,
    JobStorage,
    ActivityStorage {}

export type InvitationChange = Pick<InvitationRow, 'tokenHash' | 'lastSentAt' | 'expiresAt' | 'sendCount'>;

/** A new send of the invitation `id`, and where its email stands. */
export interface InvitationUpdate extends InvitationChange, DeliveryState {
  id: string;
}

/** Work that is all or nothing: it commits when it resolves and rolls back when it throws. */
export type TransactionWork<T> = (tx: Transaction) => Promise<T>;

/** The store inside one transaction. */
export interface Transaction extends Storage {
  /**
   * Holds the group until the transaction ends, so that two transactions that count its
   * seats run one after the other (`SELECT … FOR UPDATE` on PostgreSQL). Stores that run
   * one transaction at a time anyway (SQLite, memory) do nothing here.
   */
  lockGroup(groupId: string): Promise<void>;
  /** Runs `work` in this same transaction: nested calls join the outer one. */
  transaction<T>(work: TransactionWork<T>): Promise<T>;
}

/**
 * A store: reads and single writes on their own, and {@link Store.transaction} for work that
 * must be all or nothing. Transactions never interleave on one connection.
 */
export interface Store extends Storage {
  transaction<T>(work: TransactionWork<T>): Promise<T>;
  /** Resolves when the database answers (a readiness check); rejects otherwise. */
  ping(): Promise<void>;
  /** Waits for running work, then releases the database. */
  close(): Promise<void>;
}
