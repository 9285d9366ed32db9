/**
 * The group, the caller, and the group's members: list, deactivate, reactivate.
 */
import type { MemberQuery } from '../../sdk/schemas.ts';
import type { MemberView } from '../store/store.ts';
import { authorize, requireSeats, seats, type Parsed, type ServiceContext } from './context.ts';
import { nextCursor, readCursor } from './cursor.ts';
import { ProblemError, notFound } from './problem.ts';
import { memberOf } from './views.ts';
import { actorOf, recordActivity, subjectOf } from './activity.ts';

export function memberService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    async getGroup(caller: MemberView, groupId: string) {
      const { group } = await authorize(store, caller, groupId);
      return { id: group.id, name: group.name, seats: await seats(store, group, ctx.clock.now()) };
    },

    async me(caller: MemberView, groupId: string) {
      const { caller: me } = await authorize(store, caller, groupId, true);
      return { id: me.id, email: me.email, name: me.name, role: me.role };
    },

    async listMembers(caller: MemberView, groupId: string, query: Parsed<typeof MemberQuery>) {
      await authorize(store, caller, groupId);
      const sort = query.sort ?? 'email';
      const window = readCursor(query.cursor, query.limit, sort);
      const { items, total, next } = await store.members(groupId, {
        status: query.status,
        q: query.q?.trim().toLowerCase() || undefined,
        role: query.role,
        subgroupId: query.subgroupId,
        sort,
        ...window,
      });
      return { items: items.map(memberOf), nextCursor: nextCursor(sort, next), total };
    },

    /** Deactivating frees a seat; reactivating needs one. Nobody changes their own status. */
    async setMemberStatus(caller: MemberView, groupId: string, memberId: string, status: 'active' | 'deactivated') {
      const { group } = await authorize(store, caller, groupId);
      return store.transaction(async (tx) => {
        await tx.lockGroup(groupId);
        const member = await tx.member(memberId);
        if (!member || member.groupId !== groupId) throw notFound('member');
        if (member.id === caller.id) {
          throw new ProblemError('forbidden', 'Not allowed', 'You cannot deactivate or reactivate yourself.');
        }
        const at = ctx.clock.now();
        if (member.status !== status) {
          if (status === 'active') await requireSeats(tx, group, at, 1, noSeatToReactivate);
          await tx.setMemberStatus(member.id, status);
          const type = status === 'active' ? 'member.reactivated' : 'member.deactivated';
          await recordActivity(ctx, tx, {
            groupId,
            type,
            actor: actorOf(caller),
            subject: subjectOf.member(member),
            at,
          });
        }
        return { member: memberOf({ ...member, status }), seats: await seats(tx, group, at) };
      });
    },
  };
}

const noSeatToReactivate = () => ({
  title: 'No seat available',
  detail: 'Reactivating needs a free seat. Remove pending or expired invitations, or deactivate someone, to free one.',
});
