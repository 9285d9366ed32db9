/**
 * Subgroups: list, create, rename, delete. Names are unique in a group, ignoring case.
 */
import type { SubgroupInput } from '../../sdk/schemas.ts';
import type { MemberView, Transaction } from '../store/store.ts';
import { authorize, type Parsed, type ServiceContext } from './context.ts';
import { ProblemError, notFound } from './problem.ts';
import { newId } from './secrets.ts';
import { subgroupOf } from './views.ts';
import { actorOf, recordActivity, subjectOf } from './activity.ts';

export function subgroupService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    async listSubgroups(caller: MemberView, groupId: string) {
      await authorize(store, caller, groupId);
      return { items: (await store.subgroups(groupId)).map(subgroupOf) };
    },

    async createSubgroup(caller: MemberView, groupId: string, input: Parsed<typeof SubgroupInput>) {
      await authorize(store, caller, groupId);
      return store.transaction(async (tx) => {
        await tx.lockGroup(groupId);
        await refuseTakenName(tx, groupId, input.name);
        const at = ctx.clock.now();
        const row = { id: newId('sub'), groupId, name: input.name, createdAt: at.toISOString() };
        await tx.insertSubgroup(row);
        const subject = subjectOf.subgroup(row);
        await recordActivity(ctx, tx, { groupId, type: 'subgroup.created', actor: actorOf(caller), subject, at });
        return subgroupOf({ ...row, memberCount: 0, invitationCount: 0 });
      });
    },

    async renameSubgroup(caller: MemberView, groupId: string, subgroupId: string, input: Parsed<typeof SubgroupInput>) {
      await authorize(store, caller, groupId);
      return store.transaction(async (tx) => {
        await tx.lockGroup(groupId);
        await refuseTakenName(tx, groupId, input.name, subgroupId);
        const renamed = (await tx.subgroups(groupId)).find((row) => row.id === subgroupId);
        if (!renamed) throw notFound('subgroup');
        await tx.renameSubgroup(subgroupId, input.name);
        if (renamed.name !== input.name) {
          await recordActivity(ctx, tx, {
            groupId,
            type: 'subgroup.renamed',
            actor: actorOf(caller),
            at: ctx.clock.now(),
            subject: subjectOf.subgroup({ id: subgroupId, name: input.name }),
            previousName: renamed.name,
          });
        }
        return subgroupOf({ ...renamed, name: input.name });
      });
    },

    async deleteSubgroup(caller: MemberView, groupId: string, subgroupId: string) {
      await authorize(store, caller, groupId);
      await store.transaction(async (tx) => {
        await tx.lockGroup(groupId);
        const doomed = await tx.subgroup(groupId, subgroupId);
        if (!doomed) throw notFound('subgroup');
        await tx.deleteSubgroup(subgroupId);
        const subject = subjectOf.subgroup(doomed);
        await recordActivity(ctx, tx, {
          groupId,
          type: 'subgroup.removed',
          actor: actorOf(caller),
          subject,
          at: ctx.clock.now(),
        });
      });
    },
  };
}

async function refuseTakenName(tx: Transaction, groupId: string, name: string, except?: string) {
  const existing = await tx.subgroupByName(groupId, name);
  if (existing && existing.id !== except) {
    throw new ProblemError('subgroup_exists', 'Subgroup exists', `A subgroup named "${existing.name}" already exists.`);
  }
}
