/**
 * The storage interface the domain is written against. Every method is synchronous so
 * that a {@link Store.transaction} is one indivisible step: the SQLite store runs it inside
 * `BEGIN IMMEDIATE`, the memory store restores its snapshot when the work throws.
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

interface ListWindow {
  offset: number;
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
  total: number;
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

export interface Store {
  transaction<T>(work: () => T): T;

  group(id: string): GroupRow | undefined;
  insertGroup(row: GroupRow): void;
  seatCounts(groupId: string, now: string): SeatCounts;

  subgroups(groupId: string): SubgroupView[];
  subgroup(groupId: string, id: string): SubgroupRow | undefined;
  /** Case-insensitive. */
  subgroupByName(groupId: string, name: string): SubgroupRow | undefined;
  insertSubgroup(row: SubgroupRow): void;
  renameSubgroup(id: string, name: string): void;
  /** Deletes the subgroup; its members and invitations keep no subgroup. */
  deleteSubgroup(id: string): void;

  member(id: string): MemberView | undefined;
  /** `emailKey` is lower-case. */
  memberByEmail(groupId: string, emailKey: string): MemberView | undefined;
  members(groupId: string, filter: MemberFilter): Listed<MemberView>;
  insertMember(row: MemberRow): void;
  setMemberStatus(id: string, status: MemberStatus): void;

  invitation(groupId: string, id: string): InvitationView | undefined;
  invitationByEmail(groupId: string, emailKey: string): InvitationView | undefined;
  invitationByTokenHash(tokenHash: string): InvitationView | undefined;
  invitations(groupId: string, filter: InvitationFilter): Listed<InvitationView>;
  insertInvitation(row: InvitationRow): void;
  updateInvitation(id: string, change: Pick<InvitationRow, 'tokenHash' | 'lastSentAt' | 'expiresAt' | 'sendCount'>): void;
  deleteInvitation(id: string): void;

  storedResponse(scope: string, key: string): StoredResponse | undefined;
  storeResponse(record: StoredResponse): void;
  /** Forgets stored responses created before `before`. */
  purgeResponses(before: string): void;

  addMail(mail: StoredMail): void;
  /** Newest first; `to` is a lower-case address. */
  mails(to?: string): StoredMail[];
}
