/**
 * The rules of the invitations API, written once against the store interface (`api/store/store.ts`) and
 * read by resource: members (and the group), subgroups, invitations, the invitee. The
 * reference server runs them on SQLite, the msw handlers in memory.
 */
import type { ScaleSeedRequest } from '../../sdk/schemas.ts';
import { createContext, type Delivery, type Parsed, type ServiceOptions } from './context.ts';
import { seedScale } from './scale-seed.ts';
import { invitationService } from './invitations.ts';
import { inviteeService } from './invitee.ts';
import { memberService } from './members.ts';
import { subgroupService } from './subgroups.ts';
import { activityService } from './activity.ts';

export type { ServiceOptions };

export type InvitationsService = ReturnType<typeof createInvitationsService>;

const HOUR = 3_600_000;

export function createInvitationsService(options: ServiceOptions & Delivery) {
  const ctx = createContext(options);
  return {
    ...memberService(ctx),
    ...subgroupService(ctx),
    ...invitationService(ctx),
    ...inviteeService(ctx),
    ...activityService(ctx),

    /** Demo mode: the newest messages sent (100 unless `limit` says), newest first, once those due went out. */
    async outbox(to?: string, limit?: number) {
      await ctx.worker.runDue();
      return { items: await ctx.store.mails(to?.trim().toLowerCase() || undefined, limit) };
    },

    /** Demo mode: fills a group with many rows (bench, the demo's big group, tests). */
    seedScale: (input: Parsed<typeof ScaleSeedRequest>) => seedScale(ctx, input),

    /**
     * Demo mode: moves the clock forward, to show expiry, running the jobs that fall due on the way an hour
     * at a time, as a running server would: a jump past an expiry still sends the reminder due before it.
     */
    async advanceClock(ms: number) {
      let left = ms;
      do {
        const step = Math.min(HOUR, left);
        ctx.clock.advance(step);
        left -= step;
        await ctx.worker.runDue();
      } while (left > 0);
      return { now: ctx.clock.now().toISOString() };
    },
  };
}
