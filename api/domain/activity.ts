/**
 * The activity log: every change of a group, recorded in the transaction that makes it, with
 * who made it (a member, or `system` for what the server does on its own), when, and to what.
 * Admins read it newest first, one type or all.
 */
import type { ActivityActor, ActivityEvent, ActivityQuery, ActivitySubject, ActivityType } from '../../sdk/schemas.ts';
import type { ActivityRow, MemberView, Transaction } from '../store/store.ts';
import { authorize, type Parsed, type ServiceContext } from './context.ts';
import { nextCursor, readCursor, unknownCursor } from './cursor.ts';
import { sortableId } from './secrets.ts';
import { webhookJob } from '../webhooks/webhook-jobs.ts';

/** The actor of what the server does on its own: delivery, reminders, expiry. */
export const SYSTEM: ActivityActor = { type: 'system' };

/** A member as the actor of a change. */
export function actorOf(member: Pick<MemberView, 'id' | 'name' | 'email'>): ActivityActor {
  return { type: 'member', id: member.id, name: member.name, email: member.email };
}

/** A change to record. */
export interface Change {
  groupId: string;
  type: ActivityType;
  actor: ActivityActor;
  subject: ActivitySubject;
  at: Date;
  /** `subgroup.renamed`: the name before. */
  previousName?: string;
  /** `invitation.delivery_failed`: a short reason, never a stack or credentials. */
  reason?: string;
}

/** Where events go besides the log. */
export interface ActivityOptions {
  /** Also to the webhook receiver: a `webhook` job per event, in the same transaction. */
  webhooks: boolean;
}

/**
 * Records a change. Call it with the transaction that makes the change, so that the change,
 * its record and its webhook job commit together or not at all.
 *
 * @example
 * await recordActivity(ctx, tx, {
 *   groupId, type: 'invitation.delivered', actor: SYSTEM, at: ctx.clock.now(),
 *   subject: { type: 'invitation', id: row.id, label: row.email },
 * });
 */
export async function recordActivity(options: ActivityOptions, tx: Transaction, change: Change): Promise<void> {
  await recordActivities(options, tx, [change]);
}

/**
 * Records changes in the order given, as {@link recordActivity} does one: one statement for
 * their rows and one for their webhook jobs, however many (a bulk action's chunk).
 */
export async function recordActivities(options: ActivityOptions, tx: Transaction, changes: Change[]): Promise<void> {
  const rows = changes.map(rowOf);
  await tx.insertActivities(rows);
  if (options.webhooks) await tx.enqueueJobs(rows.map((row) => webhookJob(row.groupId, eventOf(row))));
}

function rowOf(change: Change): ActivityRow {
  const member = change.actor.type === 'member' ? change.actor : undefined;
  return {
    id: sortableId('evt'),
    groupId: change.groupId,
    type: change.type,
    occurredAt: change.at.toISOString(),
    actorId: member?.id ?? null,
    actorName: member?.name ?? null,
    actorEmail: member?.email ?? null,
    subjectType: change.subject.type,
    subjectId: change.subject.id,
    subjectLabel: change.subject.label,
    previousName: change.previousName ?? null,
    reason: change.reason ?? null,
  };
}

/** A stored row as the contract shows it. */
export function eventOf(row: ActivityRow): ActivityEvent {
  const actor: ActivityActor =
    row.actorId === null
      ? SYSTEM
      : { type: 'member', id: row.actorId, name: row.actorName ?? '', email: row.actorEmail ?? '' };
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurredAt,
    actor,
    subject: { type: row.subjectType, id: row.subjectId, label: row.subjectLabel },
    ...(row.previousName === null ? {} : { previousName: row.previousName }),
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}

/** The order of the activity list, as its cursors name it: by position in the log, newest first. */
const NEWEST_FIRST = '-seq';

export function activityService(ctx: ServiceContext) {
  return {
    async listActivity(caller: MemberView, groupId: string, query: Parsed<typeof ActivityQuery>) {
      await authorize(ctx.store, caller, groupId);
      const window = readCursor(query.cursor, query.limit, NEWEST_FIRST);
      if (window.after && !/^\d+$/.test(window.after.key)) throw unknownCursor();
      const { items, total, next } = await ctx.store.activity(groupId, { type: query.type, ...window });
      return { items: items.map(eventOf), nextCursor: nextCursor(NEWEST_FIRST, next), total };
    },
  };
}

/** What a change was made to, as the log names it. */
export const subjectOf = {
  invitation: (row: { id: string; email: string }): ActivitySubject => ({
    type: 'invitation',
    id: row.id,
    label: row.email,
  }),
  member: (row: { id: string; email: string }): ActivitySubject => ({ type: 'member', id: row.id, label: row.email }),
  subgroup: (row: { id: string; name: string }): ActivitySubject => ({ type: 'subgroup', id: row.id, label: row.name }),
};
