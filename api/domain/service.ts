/**
 * The rules of the invitations API, written once against the {@link Store} interface:
 * who may do what, seat accounting, expiry, the resend throttle, single-use tokens.
 * The reference server runs it on SQLite, the msw handlers in memory.
 */
import { emailKey, isValidEmail } from '../../sdk/emails.ts';
import type * as z from 'zod/mini';
import {
  MAX_EMAILS_PER_REQUEST,
  AcceptRequest,
  IdsRequest,
  InvitationQuery,
  InviteRequest,
  type InviteResult,
  MemberQuery,
  type Seats,
  SubgroupInput,
} from '../../sdk/schemas.ts';
import type { InvitationRow, MemberRow, MemberView, Store, SubgroupRow } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { invitationMail, type Mail, type Mailer } from './mail.ts';
import { ProblemError, notFound, validationFailed } from './problem.ts';
import { mintToken, newId, hashToken } from './secrets.ts';
import { invitationOf, memberOf, seatsOf, subgroupOf } from './views.ts';

const DAY = 86_400_000;
/** Seconds between two sends of one invitation. */
export const RESEND_INTERVAL_SECONDS = 60;

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /** The link an invitee opens, for a token. */
  acceptUrl: (token: string) => string;
  /** Hashes a password with a real KDF. */
  hashPassword: (password: string) => Promise<string>;
  /** Days an invitation stays valid after it was last sent (default 10). */
  expiryDays?: number;
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/** A request body or query as its schema outputs it. */
type Parsed<S extends z.ZodMiniType> = z.output<S>;

export function createInvitationsService(options: ServiceOptions) {
  const { store, clock, mailer } = options;
  const validFor = (options.expiryDays ?? 10) * DAY;
  const now = () => clock.now();

  function groupOrFail(groupId: string) {
    const group = store.group(groupId);
    if (!group) throw notFound('group');
    return group;
  }

  function seats(groupId: string): Seats {
    return seatsOf(groupOrFail(groupId), store.seatCounts(groupId, now().toISOString()));
  }

  /** The caller must be an active member of the group; an Admin unless `anyRole`. */
  function authorize(caller: MemberView | undefined, groupId: string, anyRole = false) {
    if (!caller) throw new ProblemError(401, 'unauthenticated', 'Sign-in required', 'No valid token was given.');
    const group = groupOrFail(groupId);
    const member = caller.groupId === groupId && caller.status === 'active';
    if (!member || (!anyRole && caller.role !== 'admin')) {
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only Admins of this group can do this. Learners can only view their own progress.');
    }
    return group;
  }

  async function deliver(mails: Mail[]) {
    for (const mail of mails) await mailer.send(mail);
  }

  function mailFor(row: Pick<InvitationRow, 'email' | 'role' | 'expiresAt' | 'locale'>, groupName: string, token: string) {
    return invitationMail({ to: row.email, groupName, role: row.role, acceptUrl: options.acceptUrl(token), expiresAt: row.expiresAt, locale: row.locale });
  }

  function subgroupNameTaken(groupId: string, name: string, except?: string) {
    const existing = store.subgroupByName(groupId, name);
    if (existing && existing.id !== except) {
      throw new ProblemError(409, 'subgroup_exists', 'Subgroup exists', `A subgroup named "${existing.name}" already exists.`);
    }
  }

  return {
    clock,

    getGroup(caller: MemberView | undefined, groupId: string) {
      const group = authorize(caller, groupId);
      return { id: group.id, name: group.name, seats: seats(groupId) };
    },

    me(caller: MemberView | undefined, groupId: string) {
      authorize(caller, groupId, true);
      const me = caller!;
      return { id: me.id, email: me.email, name: me.name, role: me.role };
    },

    listSubgroups(caller: MemberView | undefined, groupId: string) {
      authorize(caller, groupId);
      return { items: store.subgroups(groupId).map(subgroupOf) };
    },

    createSubgroup(caller: MemberView | undefined, groupId: string, input: Parsed<typeof SubgroupInput>) {
      authorize(caller, groupId);
      return store.transaction(() => {
        subgroupNameTaken(groupId, input.name);
        const id = newId('sub');
        store.insertSubgroup({ id, groupId, name: input.name, createdAt: now().toISOString() });
        return subgroupOf(store.subgroups(groupId).find((row) => row.id === id)!);
      });
    },

    renameSubgroup(caller: MemberView | undefined, groupId: string, subgroupId: string, input: Parsed<typeof SubgroupInput>) {
      authorize(caller, groupId);
      return store.transaction(() => {
        if (!store.subgroup(groupId, subgroupId)) throw notFound('subgroup');
        subgroupNameTaken(groupId, input.name, subgroupId);
        store.renameSubgroup(subgroupId, input.name);
        return subgroupOf(store.subgroups(groupId).find((row) => row.id === subgroupId)!);
      });
    },

    deleteSubgroup(caller: MemberView | undefined, groupId: string, subgroupId: string) {
      authorize(caller, groupId);
      store.transaction(() => {
        if (!store.subgroup(groupId, subgroupId)) throw notFound('subgroup');
        store.deleteSubgroup(subgroupId);
      });
    },

    listMembers(caller: MemberView | undefined, groupId: string, query: Parsed<typeof MemberQuery>) {
      authorize(caller, groupId);
      const window = readCursor(query.cursor, query.limit);
      const { items, total } = store.members(groupId, {
        status: query.status,
        q: query.q?.trim().toLowerCase() || undefined,
        role: query.role,
        subgroupId: query.subgroupId,
        sort: query.sort ?? 'email',
        ...window,
      });
      return { items: items.map(memberOf), nextCursor: nextCursor(window, total), total };
    },

    setMemberStatus(caller: MemberView | undefined, groupId: string, memberId: string, status: 'active' | 'deactivated') {
      authorize(caller, groupId);
      return store.transaction(() => {
        const member = store.member(memberId);
        if (!member || member.groupId !== groupId) throw notFound('member');
        if (member.id === caller!.id) {
          throw new ProblemError(403, 'forbidden', 'Not allowed', 'You cannot deactivate or reactivate yourself.');
        }
        if (member.status !== status) {
          const current = seats(groupId);
          if (status === 'active' && current.available < 1) {
            throw new ProblemError(409, 'seats_exhausted', 'No seat available', 'Reactivating needs a free seat. Remove pending or expired invitations, or deactivate someone, to free one.', { seats: current, required: 1 });
          }
          store.setMemberStatus(member.id, status);
        }
        return { member: memberOf(store.member(member.id)!), seats: seats(groupId) };
      });
    },

    listInvitations(caller: MemberView | undefined, groupId: string, query: Parsed<typeof InvitationQuery>) {
      authorize(caller, groupId);
      const window = readCursor(query.cursor, query.limit);
      const at = now();
      const { items, total } = store.invitations(groupId, {
        status: query.status ?? 'all',
        q: query.q?.trim().toLowerCase() || undefined,
        role: query.role,
        subgroupId: query.subgroupId,
        sort: query.sort ?? '-createdAt',
        now: at.toISOString(),
        ...window,
      });
      return { items: items.map((row) => invitationOf(row, at)), nextCursor: nextCursor(window, total), total };
    },

    async invite(caller: MemberView | undefined, groupId: string, input: Parsed<typeof InviteRequest>) {
      const group = authorize(caller, groupId);
      const emailCount = input.batches.reduce((sum, batch) => sum + batch.emails.length, 0);
      if (emailCount > MAX_EMAILS_PER_REQUEST) {
        throw new ProblemError(413, 'too_many_emails', 'Too many emails', `One request can invite at most ${MAX_EMAILS_PER_REQUEST} addresses; this one has ${emailCount}.`);
      }
      // Hashing is asynchronous, so tokens are made before the (synchronous) transaction.
      const tokens = await Promise.all(Array.from({ length: emailCount }, mintToken));
      const locale = input.locale ?? 'en';
      const at = now();
      const sent: Mail[] = [];
      const result = store.transaction(() => {
        const seen = new Set<string>();
        const results: InviteResult[] = [];
        const toCreate: InvitationRow[] = [];
        for (const batch of input.batches) {
          const subgroup = resolveSubgroup(groupId, batch.subgroup, at);
          for (const raw of batch.emails) {
            const email = raw.trim();
            const key = emailKey(email);
            if (!isValidEmail(email)) results.push({ email, status: 'invalid_email' });
            else if (seen.has(key)) results.push({ email, status: 'duplicate' });
            else if (store.memberByEmail(groupId, key)) results.push({ email, status: 'already_member' });
            else {
              const existing = store.invitationByEmail(groupId, key);
              if (existing) results.push({ email, status: 'already_invited', invitation: invitationOf(existing, at) });
              else {
                const { token, tokenHash } = tokens[toCreate.length]!;
                const row: InvitationRow = {
                  id: newId('inv'),
                  groupId,
                  email,
                  role: batch.role,
                  subgroupId: subgroup?.id ?? null,
                  tokenHash,
                  createdAt: at.toISOString(),
                  lastSentAt: at.toISOString(),
                  expiresAt: new Date(at.getTime() + validFor).toISOString(),
                  sendCount: 1,
                  invitedById: caller!.id,
                  locale,
                };
                toCreate.push(row);
                sent.push(mailFor(row, group.name, token));
                const view = { ...row, subgroupName: subgroup?.name ?? null, invitedByEmail: caller!.email };
                results.push({ email, status: 'invited', invitation: invitationOf(view, at) });
              }
            }
            seen.add(key);
          }
        }
        const before = seats(groupId);
        if (toCreate.length > before.available) {
          throw new ProblemError(
            409,
            'seats_exhausted',
            'Not enough seats',
            `This needs ${toCreate.length} seats but ${before.available} are available. Pending and expired invitations hold ${before.pending + before.expired} seats; remove the ones you no longer need to free them.`,
            { seats: before, required: toCreate.length },
          );
        }
        for (const row of toCreate) store.insertInvitation(row);
        return { results, seats: seats(groupId) };
      });
      await deliver(sent);
      return result;
    },

    async resend(caller: MemberView | undefined, groupId: string, input: Parsed<typeof IdsRequest>) {
      const group = authorize(caller, groupId);
      const tokens = await Promise.all(input.ids.map(mintToken));
      const at = now();
      const sent: Mail[] = [];
      const result = store.transaction(() => ({
        results: input.ids.map((id, index) => {
          const row = store.invitation(groupId, id);
          if (!row) return { id, status: 'not_found' as const };
          const waited = (at.getTime() - Date.parse(row.lastSentAt)) / 1000;
          if (waited < RESEND_INTERVAL_SECONDS) {
            return { id, status: 'rate_limited' as const, retryAfter: Math.ceil(RESEND_INTERVAL_SECONDS - waited) };
          }
          const { token, tokenHash } = tokens[index]!;
          const change = {
            tokenHash,
            lastSentAt: at.toISOString(),
            expiresAt: new Date(at.getTime() + validFor).toISOString(),
            sendCount: row.sendCount + 1,
          };
          store.updateInvitation(id, change);
          sent.push(mailFor({ ...row, ...change }, group.name, token));
          return { id, status: 'resent' as const, invitation: invitationOf({ ...row, ...change }, at) };
        }),
      }));
      await deliver(sent);
      return result;
    },

    remove(caller: MemberView | undefined, groupId: string, input: Parsed<typeof IdsRequest>) {
      authorize(caller, groupId);
      return store.transaction(() => {
        const removed: string[] = [];
        const notFoundIds: string[] = [];
        for (const id of new Set(input.ids)) {
          if (store.invitation(groupId, id)) {
            store.deleteInvitation(id);
            removed.push(id);
          } else notFoundIds.push(id);
        }
        return { removed, notFound: notFoundIds, seats: seats(groupId) };
      });
    },

    async lookUp(token: string) {
      const row = await invitationByToken(token);
      return { email: row.email, groupName: groupOrFail(row.groupId).name, role: row.role, expiresAt: row.expiresAt, status: 'pending' as const };
    },

    async accept(token: string, input: Parsed<typeof AcceptRequest>) {
      const passwordHash = await options.hashPassword(input.password);
      const tokenHash = await hashToken(token);
      return store.transaction(() => {
        const row = store.invitationByTokenHash(tokenHash);
        if (!row) throw invitationGone();
        if (now().toISOString() >= row.expiresAt) throw invitationExpired();
        const existing = store.memberByEmail(row.groupId, emailKey(row.email));
        if (existing) throw invitationGone();
        const member: MemberRow = {
          id: newId('usr'),
          groupId: row.groupId,
          email: row.email,
          name: input.name,
          role: row.role,
          subgroupId: row.subgroupId,
          status: 'active',
          joinedAt: now().toISOString(),
          passwordHash,
        };
        store.deleteInvitation(row.id);
        store.insertMember(member);
        return memberOf(store.member(member.id)!);
      });
    },

    outbox(to?: string) {
      return { items: store.mails(to?.trim().toLowerCase() || undefined) };
    },

    advanceClock(ms: number) {
      return { now: clock.advance(ms).toISOString() };
    },
  };

  async function invitationByToken(token: string) {
    const row = store.invitationByTokenHash(await hashToken(token));
    if (!row) throw invitationGone();
    if (now().toISOString() >= row.expiresAt) throw invitationExpired();
    return row;
  }

  /** The subgroup a box names: an existing one by id or name, or a new one created now. */
  function resolveSubgroup(groupId: string, choice: Parsed<typeof InviteRequest>['batches'][number]['subgroup'], at: Date): SubgroupRow | undefined {
    if (!choice) return undefined;
    if ('id' in choice) {
      const found = store.subgroup(groupId, choice.id);
      if (!found) throw notFound('subgroup');
      return found;
    }
    const existing = store.subgroupByName(groupId, choice.name);
    if (existing) return existing;
    const created = { id: newId('sub'), groupId, name: choice.name, createdAt: at.toISOString() };
    store.insertSubgroup(created);
    return created;
  }
}

function invitationGone() {
  return new ProblemError(404, 'not_found', 'Invitation not found', 'This invitation link is not valid. It may have been used already, resent with a new link, or removed.');
}

function invitationExpired() {
  return new ProblemError(410, 'invitation_expired', 'Invitation expired', "This invitation has expired. Ask your group's admin to resend it.");
}

/** Cursors are opaque to clients; here they carry the offset of the next page. */
function readCursor(cursor: string | undefined, limit: number | undefined) {
  let offset = 0;
  if (cursor) {
    try {
      offset = Number(JSON.parse(atob(cursor)).offset);
    } catch {
      offset = Number.NaN;
    }
    if (!Number.isSafeInteger(offset) || offset < 0) throw validationFailed([{ path: 'cursor', message: 'Unknown cursor' }]);
  }
  return { offset, limit: limit ?? 50 };
}

function nextCursor(window: { offset: number; limit: number }, total: number): string | null {
  const offset = window.offset + window.limit;
  return offset < total ? btoa(JSON.stringify({ offset })) : null;
}
