/**
 * The storage interface the domain is written against. Every method returns a Promise, so
 * a networked database can implement it. Work that must be all or nothing runs in
 * {@link Store.transaction}: the SQLite store runs it inside `BEGIN IMMEDIATE`, the memory
 * store on a copy it keeps only when the work succeeds, a PostgreSQL store on a connection
 * of its own.
 */
import type { InvitationSort, MemberSort, MemberStatus, Role } from '../../sdk/schemas.ts';

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

export interface InvitationView extends InvitationRow {
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
export type InvitationMatch = Pick<InvitationFilter, 'status' | 'q' | 'role' | 'subgroupId' | 'now'>;

export interface InvitationFilter extends ListWindow {
  status: 'pending' | 'expired' | 'all';
  /** Lower-case text that the email contains. */
  q?: string | undefined;
  role?: Role | undefined;
  subgroupId?: string | undefined;
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
  setMemberStatus(id: string, status: MemberStatus): Promise<void>;
}

export interface InvitationStorage {
  invitation(groupId: string, id: string): Promise<InvitationView | undefined>;
  invitationByEmail(groupId: string, emailKey: string): Promise<InvitationView | undefined>;
  /** The invitations whose lower-cased address is one of `emailKeys`. */
  invitationsByEmail(groupId: string, emailKeys: string[]): Promise<InvitationView[]>;
  invitationByTokenHash(tokenHash: string): Promise<InvitationView | undefined>;
  invitations(groupId: string, filter: InvitationFilter): Promise<Listed<InvitationView>>;
  insertInvitation(row: InvitationRow): Promise<void>;
  updateInvitation(id: string, change: InvitationChange): Promise<void>;
  deleteInvitation(id: string): Promise<void>;
  /** Deletes up to `limit` invitations of the group that match; answers how many. */
  deleteInvitationsMatching(groupId: string, match: InvitationMatch, limit: number): Promise<number>;
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

/** The demo outbox keeps this many newest mails and forgets older ones. */
export const OUTBOX_KEEPS = 10_000;
/** Mails one outbox read answers when it names no limit. */
export const OUTBOX_PAGE = 100;

export interface MailStorage {
  addMail(mail: StoredMail): Promise<void>;
  /** The newest `limit` (default {@link OUTBOX_PAGE}), newest first; `to` is a lower-case address. */
  mails(to?: string, limit?: number): Promise<StoredMail[]>;
}

/** The reads and writes, alike on the store (each on its own) and in a transaction. */
export interface Storage
  extends GroupStorage, SubgroupStorage, MemberStorage, InvitationStorage, ResponseStorage, MailStorage {}

export type InvitationChange = Pick<InvitationRow, 'tokenHash' | 'lastSentAt' | 'expiresAt' | 'sendCount'>;

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
