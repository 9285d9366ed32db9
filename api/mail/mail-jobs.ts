/**
 * The invitation email and its reminder as jobs of the outbox (api/jobs/worker.ts).
 *
 * A send (invite or resend) enqueues, in its own transaction, an `invitation-mail` job and
 * an `invitation-reminder` job due {@link ServiceOptions.reminderDays} days before the link
 * expires. Each names the invitation and its send number, and carries the link's token sealed
 * with the server secret. A job whose send was replaced (a resend), whose invitation is gone
 * (accepted, removed), or, for a reminder, whose link expired or never arrived, sends nothing.
 *
 * The invitation's `delivery`, and the activity events `invitation.delivered`,
 * `.delivery_failed` and `.reminded`, are recorded in the transaction that settles each
 * attempt, right after the mail server accepted the message: a crash between the two is the
 * one way a message goes out twice.
 */
import { SYSTEM, recordActivity, subjectOf, type ActivityOptions } from '../domain/activity.ts';
import type { Clock } from '../domain/clock.ts';
import { openToken, sealToken } from '../domain/secrets.ts';
import { JobError, type Attempt, type JobHandlers } from '../jobs/worker.ts';
import type { ClaimedJob, InvitationRow, NewJob, Store, Transaction } from '../store/store.ts';
import { invitationMail } from './invitation-mail.ts';
import type { Mailer } from './mailer.ts';

export const INVITATION_MAIL = 'invitation-mail';
export const INVITATION_REMINDER = 'invitation-reminder';

const DAY = 86_400_000;

interface MailJob {
  groupId: string;
  invitationId: string;
  /** The invitation's send number this mail belongs to. */
  send: number;
  /** The link's token, sealed (api/domain/secrets.ts). */
  token: string;
}

export interface MailJobOptions extends ActivityOptions {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  acceptUrl: (token: string) => string;
  /** Seals the tokens kept for emails; keep it outside the database and across restarts. */
  secret: string;
}

/** The email job of a send and its reminder's, `reminderDays` before expiry (none when that has passed). */
export async function mailJobs(
  options: { secret: string; reminderDays: number },
  row: InvitationRow,
  token: string,
): Promise<NewJob[]> {
  const job: MailJob = {
    groupId: row.groupId,
    invitationId: row.id,
    send: row.sendCount,
    token: await sealToken(options.secret, token),
  };
  const common = { groupKey: row.groupId, ordered: false, payload: JSON.stringify(job), createdAt: row.lastSentAt };
  const mail = { ...common, kind: INVITATION_MAIL, dueAt: row.lastSentAt };
  const remindAt = Date.parse(row.expiresAt) - options.reminderDays * DAY;
  if (remindAt <= Date.parse(row.lastSentAt)) return [mail];
  return [mail, { ...common, kind: INVITATION_REMINDER, dueAt: new Date(remindAt).toISOString() }];
}

/** The handlers of both kinds. */
export function mailJobHandlers(options: MailJobOptions): JobHandlers {
  return {
    [INVITATION_MAIL]: {
      perform: (job) => sendFor(options, job, false),
      record: (tx, job, attempt) => recordDelivery(options, tx, job, attempt),
    },
    [INVITATION_REMINDER]: {
      perform: (job) => sendFor(options, job, true),
      record: async (tx, job, attempt) => {
        const row = attempt.status === 'done' ? await sendOf(tx, job) : undefined;
        if (row) await recordActivity(options, tx, { ...systemChange(row, attempt), type: 'invitation.reminded' });
      },
    },
  };
}

/**
 * The invitation of a mail job, while the job's send is its latest. Locks the group first, as
 * every write of the API does (PostgreSQL: the same lock order, so no deadlock with an invite).
 */
async function sendOf(tx: Transaction, job: ClaimedJob) {
  const { groupId, invitationId, send } = payloadOf(job);
  await tx.lockGroup(groupId);
  const row = await tx.invitation(groupId, invitationId);
  return row?.sendCount === send ? row : undefined;
}

function systemChange(row: InvitationRow, attempt: Attempt) {
  return { groupId: row.groupId, actor: SYSTEM, at: new Date(attempt.at), subject: subjectOf.invitation(row) };
}

/** Where the invitation's email stands after an attempt; delivered or failed for good goes in the log. */
async function recordDelivery(options: ActivityOptions, tx: Transaction, job: ClaimedJob, attempt: Attempt) {
  if (attempt.status === 'skipped') return;
  const row = await sendOf(tx, job);
  if (!row) return;
  const error = attempt.status === 'done' ? null : attempt.error;
  await tx.setDelivery(row.id, row.sendCount, {
    deliveryStatus: attempt.status === 'done' ? 'sent' : attempt.status,
    deliveryAttempts: job.attempts,
    deliveryLastAttemptAt: attempt.at,
    deliveryError: error,
  });
  const change = systemChange(row, attempt);
  if (attempt.status === 'done') await recordActivity(options, tx, { ...change, type: 'invitation.delivered' });
  if (attempt.status === 'failed') {
    await recordActivity(options, tx, { ...change, type: 'invitation.delivery_failed', reason: attempt.error });
  }
}

function payloadOf(job: ClaimedJob): MailJob {
  return JSON.parse(job.payload) as MailJob;
}

/** Sends the job's email, unless its send is over (replaced, accepted, removed; for a reminder: expired or failed). */
async function sendFor(options: MailJobOptions, job: ClaimedJob, reminder: boolean): Promise<void | 'skipped'> {
  const { groupId, invitationId, send, token } = payloadOf(job);
  const row = await options.store.invitation(groupId, invitationId);
  if (!row || row.sendCount !== send) return 'skipped';
  if (reminder && (row.expiresAt <= options.clock.now().toISOString() || row.deliveryStatus === 'failed')) {
    return 'skipped';
  }
  const group = await options.store.group(groupId);
  const link = await openToken(options.secret, token).catch(() => {
    throw new JobError('The link could not be read (the server secret changed). Resend the invitation.', true);
  });
  const acceptUrl = options.acceptUrl(link);
  const mail = invitationMail({ ...row, to: row.email, groupName: group?.name ?? '', acceptUrl, reminder });
  await options.mailer.send(mail);
}
