/**
 * Resend and remove by filter: every invitation that matches, in one request, one
 * transaction per chunk of {@link BULK_CHUNK} so other requests are served in between.
 * The answer is counts, not ids (there can be hundreds of thousands).
 */
import type { ActivityActor, InvitationFilter as FilterInput, RemoveCounts, ResendCounts } from '../../sdk/schemas.ts';
import type { GroupRow, InvitationMatch, ListKey } from '../store/store.ts';
import { seats, type Parsed, type ServiceContext } from './context.ts';
import { recordActivities, subjectOf } from './activity.ts';
import { resendRows, type Acting } from './sends.ts';

/** Invitations changed in one transaction of a bulk action. */
export const BULK_CHUNK = 10_000;

/** What a filter of the contract matches at `at`. */
export function matchOf(filter: Parsed<typeof FilterInput>, at: Date): InvitationMatch {
  return {
    status: filter.status ?? 'all',
    q: filter.q?.trim().toLowerCase() || undefined,
    role: filter.role,
    subgroupId: filter.subgroup,
    delivery: filter.delivery,
    now: at.toISOString(),
  };
}

/** Removes every invitation that matches, chunk by chunk; each removal is recorded with `actor`. */
export async function removeMatching(
  ctx: ServiceContext,
  group: GroupRow,
  match: InvitationMatch,
  actor: ActivityActor,
): Promise<RemoveCounts> {
  let removed = 0;
  for (let chunk = BULK_CHUNK; chunk === BULK_CHUNK; removed += chunk) {
    chunk = await ctx.store.transaction(async (tx) => {
      await tx.lockGroup(group.id);
      const gone = await tx.deleteInvitationsMatching(group.id, match, BULK_CHUNK);
      const at = ctx.clock.now();
      const subject = subjectOf.invitation;
      const type = 'invitation.removed';
      await recordActivities(
        ctx,
        tx,
        gone.map((row) => ({ groupId: group.id, type, actor, subject: subject(row), at })),
      );
      return gone.length;
    });
  }
  return { removed, seats: await seats(ctx.store, group, ctx.clock.now()) };
}

/**
 * Resends every invitation that matches, walking them by creation (which a resend does not
 * change, so none is met twice); each chunk's mails are queued in its transaction.
 */
export async function resendMatching(
  ctx: ServiceContext,
  group: GroupRow,
  match: InvitationMatch,
  by: Acting,
): Promise<ResendCounts> {
  const counts = { resent: 0, rateLimited: 0 };
  let after: ListKey | undefined;
  do {
    after = await ctx.store.transaction(async (tx) => {
      await tx.lockGroup(group.id);
      const page = await tx.invitations(group.id, { ...match, sort: 'createdAt', after, limit: BULK_CHUNK });
      for (const answer of await resendRows(ctx, tx, page.items, by)) {
        counts[answer.status === 'resent' ? 'resent' : 'rateLimited'] += 1;
      }
      return page.next ?? undefined;
    });
    ctx.worker.wake();
  } while (after);
  return counts;
}
