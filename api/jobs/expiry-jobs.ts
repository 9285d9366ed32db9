/**
 * `invitation.expired` in the activity log. Each send (invite or resend) enqueues, in its own
 * transaction, an `invitation-expiry` job due when its link expires. The worker runs it then (or,
 * in demo mode, when `POST dev/clock` moves past it) and records the event in the transaction
 * that settles the job, with `system` as the actor and the expiry as its time, unless the send
 * was replaced by a resend or the invitation was accepted or removed meanwhile. So each send
 * that runs out gets one event, and only once it did. Invitations written before this job kind
 * existed (and the demo's seeded ones) have no expiry job.
 */
import type { Clock } from '../domain/clock.ts';
import { SYSTEM, recordActivity, subjectOf, type ActivityOptions } from '../domain/activity.ts';
import type { InvitationRow, NewJob } from '../store/store.ts';
import type { JobHandlers } from './worker.ts';

export const INVITATION_EXPIRY = 'invitation-expiry';

interface ExpiryJob {
  groupId: string;
  invitationId: string;
  /** The invitation's send number whose link expires. */
  send: number;
}

/** The expiry job of a send, due when its link expires. */
export function expiryJob(row: InvitationRow): NewJob {
  const job: ExpiryJob = { groupId: row.groupId, invitationId: row.id, send: row.sendCount };
  return {
    kind: INVITATION_EXPIRY,
    groupKey: row.groupId,
    ordered: false,
    payload: JSON.stringify(job),
    dueAt: row.expiresAt,
    createdAt: row.lastSentAt,
  };
}

/** The handler: nothing to send; the event is written in the settling transaction. */
export function expiryJobHandlers(options: ActivityOptions & { clock: Clock }): JobHandlers {
  return {
    [INVITATION_EXPIRY]: {
      perform: () => Promise.resolve(),
      async record(tx, job) {
        const { groupId, invitationId, send } = JSON.parse(job.payload) as ExpiryJob;
        const row = await tx.invitation(groupId, invitationId);
        if (!row || row.sendCount !== send || row.expiresAt > options.clock.now().toISOString()) return;
        const subject = subjectOf.invitation(row);
        const at = new Date(row.expiresAt);
        await recordActivity(options, tx, { groupId, type: 'invitation.expired', actor: SYSTEM, subject, at });
      },
    },
  };
}
