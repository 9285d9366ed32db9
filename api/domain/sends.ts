/**
 * Sending an invitation again: a new link, a new expiry and a queued email (with its reminder
 * and expiry jobs), unless it was sent within the last {@link RESEND_INTERVAL_SECONDS}. Rows
 * are resent together, by id or a bulk chunk alike: their links are minted and sealed
 * concurrently, then written with one statement per table.
 */
import type { ResendResult } from '../../sdk/schemas.ts';
import { expiryJob } from '../jobs/expiry-jobs.ts';
import { mailJobs } from '../mail/mail-jobs.ts';
import type {
  DeliveryState,
  InvitationChange,
  InvitationView,
  MemberView,
  NewJob,
  Transaction,
} from '../store/store.ts';
import { actorOf, recordActivities, subjectOf } from './activity.ts';
import type { ServiceContext } from './context.ts';
import { mintToken } from './secrets.ts';
import { invitationOf } from './views.ts';

/** Seconds between two sends of one invitation. */
export const RESEND_INTERVAL_SECONDS = 60;

/** The delivery of a send whose email waits for the worker. */
export const QUEUED: DeliveryState = {
  deliveryStatus: 'queued',
  deliveryAttempts: 0,
  deliveryLastAttemptAt: null,
  deliveryError: null,
};

/** Who acts, and when. */
export interface Acting {
  caller: MemberView;
  at: Date;
}

/** When the link of a send made at `at` expires. */
export function expiryFrom(ctx: ServiceContext, at: Date): string {
  return new Date(at.getTime() + ctx.validFor).toISOString();
}

/** A resend decided for one row: its answer, and what to write when it goes out. */
interface Planned {
  answer: ResendResult;
  send?: { row: InvitationView; change: InvitationChange; jobs: NewJob[] };
}

/** Resends `rows` in `tx`; answers for each, in order: resent (with the invitation as it is now) or rate limited. */
export async function resendRows(
  ctx: ServiceContext,
  tx: Transaction,
  rows: InvitationView[],
  by: Acting,
): Promise<ResendResult[]> {
  const planned = await Promise.all(rows.map((row) => planResend(ctx, row, by.at)));
  const sends = planned.flatMap((plan) => (plan.send ? [plan.send] : []));
  await tx.updateInvitations(sends.map(({ row, change }) => ({ id: row.id, ...change, ...QUEUED })));
  await tx.enqueueJobs(sends.flatMap((send) => send.jobs));
  const actor = actorOf(by.caller);
  await recordActivities(
    ctx,
    tx,
    sends.map(({ row }) => ({
      groupId: row.groupId,
      type: 'invitation.resent',
      actor,
      subject: subjectOf.invitation(row),
      at: by.at,
    })),
  );
  return planned.map((plan) => plan.answer);
}

/** A new link and expiry for one row, with its sealed email jobs, unless it was sent too recently. */
async function planResend(ctx: ServiceContext, row: InvitationView, at: Date): Promise<Planned> {
  const { id } = row;
  const waited = (at.getTime() - Date.parse(row.lastSentAt)) / 1000;
  if (waited < RESEND_INTERVAL_SECONDS) {
    return { answer: { id, status: 'rate_limited', retryAfter: Math.ceil(RESEND_INTERVAL_SECONDS - waited) } };
  }
  const { token, tokenHash } = await mintToken();
  const change = {
    tokenHash,
    lastSentAt: at.toISOString(),
    expiresAt: expiryFrom(ctx, at),
    sendCount: row.sendCount + 1,
  };
  const sent = { ...row, ...change };
  const jobs = [...(await mailJobs(ctx, sent, token)), expiryJob(sent)];
  const answer = { id, status: 'resent', invitation: invitationOf({ ...sent, ...QUEUED }, at) } as const;
  return { answer, send: { row, change, jobs } };
}
