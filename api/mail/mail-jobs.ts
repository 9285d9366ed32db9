/**
 * The invitation email and its reminder as jobs of the outbox (api/jobs/worker.ts).
 *
 * A send (invite or resend) enqueues, in its own transaction, an `invitation-mail` job and
 * an `invitation-reminder` job due {@link ServiceOptions.reminderDays} days before the link
 * expires. Each names the invitation and its send number, and carries the link's token sealed
 * with the server secret. A job whose send was replaced (a resend), whose invitation is gone
 * (accepted, removed), or, for a reminder, whose link expired or never arrived, sends nothing.
 *
 * The invitation's `delivery` is recorded in the transaction that settles each attempt, right
 * after the mail server accepted the message: a crash between the two is the one way a
 * message goes out twice.
 */
import type { Clock } from '../domain/clock.ts';
import { openToken, sealToken } from '../domain/secrets.ts';
import { JobError, type JobHandlers } from '../jobs/worker.ts';
import type { ClaimedJob, InvitationRow, Store, Transaction } from '../store/store.ts';
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

export interface MailJobOptions {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  acceptUrl: (token: string) => string;
  /** Seals the tokens kept for emails; keep it outside the database and across restarts. */
  secret: string;
}

/** Enqueues the email of a send and its reminder, `reminderDays` before expiry (none when that has passed). */
export async function enqueueMail(
  tx: Transaction,
  options: { secret: string; reminderDays: number },
  row: InvitationRow,
  token: string,
): Promise<void> {
  const job: MailJob = {
    groupId: row.groupId,
    invitationId: row.id,
    send: row.sendCount,
    token: await sealToken(options.secret, token),
  };
  const common = { groupKey: row.groupId, ordered: false, payload: JSON.stringify(job), createdAt: row.lastSentAt };
  await tx.enqueueJob({ ...common, kind: INVITATION_MAIL, dueAt: row.lastSentAt });
  const remindAt = Date.parse(row.expiresAt) - options.reminderDays * DAY;
  if (remindAt > Date.parse(row.lastSentAt)) {
    await tx.enqueueJob({ ...common, kind: INVITATION_REMINDER, dueAt: new Date(remindAt).toISOString() });
  }
}

/** The handlers of both kinds. */
export function mailJobHandlers(options: MailJobOptions): JobHandlers {
  return {
    [INVITATION_MAIL]: {
      perform: (job) => sendFor(options, job, false),
      record: (tx, job, attempt) =>
        tx.setDelivery(payloadOf(job).invitationId, payloadOf(job).send, {
          deliveryStatus: attempt.status,
          deliveryAttempts: job.attempts,
          deliveryLastAttemptAt: attempt.at,
          deliveryError: attempt.status === 'sent' ? null : attempt.error,
        }),
    },
    [INVITATION_REMINDER]: { perform: (job) => sendFor(options, job, true) },
  };
}

function payloadOf(job: ClaimedJob): MailJob {
  return JSON.parse(job.payload) as MailJob;
}

/** Sends the job's email, unless its send is over (replaced, accepted, removed; for a reminder: expired or failed). */
async function sendFor(options: MailJobOptions, job: ClaimedJob, reminder: boolean): Promise<void> {
  const { groupId, invitationId, send, token } = payloadOf(job);
  const row = await options.store.invitation(groupId, invitationId);
  if (!row || row.sendCount !== send) return;
  if (reminder && (row.expiresAt <= options.clock.now().toISOString() || row.deliveryStatus === 'failed')) return;
  const group = await options.store.group(groupId);
  const link = await openToken(options.secret, token).catch(() => {
    throw new JobError('The link could not be read (the server secret changed). Resend the invitation.', true);
  });
  const acceptUrl = options.acceptUrl(link);
  const mail = invitationMail({ ...row, to: row.email, groupName: group?.name ?? '', acceptUrl, reminder });
  await options.mailer.send(mail);
}
