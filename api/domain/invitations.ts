/**
 * Invitations: list, invite (plan → check seats → insert with its queued email), resend, remove.
 * The emails go out from the outbox (api/mail/mail-jobs.ts) once the transaction committed.
 */
import { emailKey } from '../../sdk/emails.ts';
import {
  MAX_EMAILS_PER_REQUEST,
  type AddressLookup,
  type InvitationSelection,
  type InvitationQuery,
  type InviteRequest,
  type InviteResult,
  type ResendResult,
  type Seats,
} from '../../sdk/schemas.ts';
import { mailJobs } from '../mail/mail-jobs.ts';
import { expiryJob } from '../jobs/expiry-jobs.ts';
import type { GroupRow, InvitationRow, MemberView, SubgroupRow, Transaction } from '../store/store.ts';
import { matchOf, removeMatching, resendMatching } from './bulk-invitations.ts';
import { QUEUED, expiryFrom, resendRows, type Acting } from './sends.ts';
import { authorize, requireSeats, seats, type Parsed, type ServiceContext } from './context.ts';
import { nextCursor, readCursor } from './cursor.ts';
import { negotiateLanguage } from './language.ts';
import { addressKeys, knownOf, planInvites, type InvitePlan, type KnownAddresses } from './plan-invites.ts';
import { ProblemError, notFound } from './problem.ts';
import { mintToken, newId } from './secrets.ts';
import { invitationOf, memberOf } from './views.ts';
import { actorOf, recordActivity, subjectOf } from './activity.ts';

type Batch = Parsed<typeof InviteRequest>['batches'][number];

export function invitationService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    async listInvitations(caller: MemberView, groupId: string, query: Parsed<typeof InvitationQuery>) {
      await authorize(store, caller, groupId);
      const sort = query.sort ?? '-createdAt';
      const window = readCursor(query.cursor, query.limit, sort);
      const at = ctx.clock.now();
      const { items, total, next } = await store.invitations(groupId, {
        status: query.status ?? 'all',
        q: query.q?.trim().toLowerCase() || undefined,
        role: query.role,
        subgroupId: query.subgroupId,
        delivery: query.delivery,
        sort,
        now: at.toISOString(),
        ...window,
      });
      return { items: items.map((row) => invitationOf(row, at)), nextCursor: nextCursor(sort, next), total };
    },

    /** All or nothing: every new invitation gets a seat, or the request changes nothing. */
    async invite(caller: MemberView, groupId: string, input: Parsed<typeof InviteRequest>) {
      const { group } = await authorize(store, caller, groupId);
      refuseTooMany(input.batches);
      const sender: Sender = { caller, at: ctx.clock.now(), locale: negotiateLanguage(input.locale) };
      const response = await store.transaction(async (tx) => {
        await tx.lockGroup(groupId);
        const subgroups = await resolveSubgroups(ctx, tx, groupId, input.batches, sender);
        const plan = planInvites(input.batches, await knownAddresses(tx, groupId, input.batches, sender.at));
        await requireSeats(tx, group, sender.at, plan.seatsNeeded, notEnoughSeats(plan.seatsNeeded));
        const results = await createInvitations(ctx, tx, group, plan, subgroups, sender);
        return { results, seats: await seats(tx, group, sender.at) };
      });
      ctx.worker.wake();
      return response;
    },

    /** Changes nothing: the members and invitations the group holds for some addresses, to preview an invite. */
    async lookUpAddresses(caller: MemberView, groupId: string, input: Parsed<typeof AddressLookup>) {
      await authorize(store, caller, groupId);
      const keys = [...new Set(input.emails.map(emailKey))];
      const [members, invitations] = await Promise.all([
        store.membersByEmail(groupId, keys),
        store.invitationsByEmail(groupId, keys),
      ]);
      const at = ctx.clock.now();
      return { members: members.map(memberOf), invitations: invitations.map((row) => invitationOf(row, at)) };
    },

    resend: resendInvitations.bind(undefined, ctx),
    remove: removeInvitations.bind(undefined, ctx),
  };
}

/** Sends invitations again with a new link each; one sent in the last minute waits. */
async function resendInvitations(
  ctx: ServiceContext,
  caller: MemberView,
  groupId: string,
  input: Parsed<typeof InvitationSelection>,
) {
  const { group } = await authorize(ctx.store, caller, groupId);
  const at = ctx.clock.now();
  const by: Acting = { caller, at };
  if ('filter' in input) return resendMatching(ctx, group, matchOf(input.filter, at), by);
  const results = await ctx.store.transaction(async (tx) => {
    await tx.lockGroup(groupId);
    const rows = await Promise.all([...new Set(input.ids)].map((id) => tx.invitation(groupId, id)));
    const found = rows.filter((row) => row !== undefined);
    // An id given twice is resent once, and answered alike each time.
    const answers = new Map((await resendRows(ctx, tx, found, by)).map((answer) => [answer.id, answer]));
    return input.ids.map((id): ResendResult => answers.get(id) ?? { id, status: 'not_found' });
  });
  ctx.worker.wake();
  return { results };
}

/** Removes invitations, freeing their seats. */
async function removeInvitations(
  ctx: ServiceContext,
  caller: MemberView,
  groupId: string,
  input: Parsed<typeof InvitationSelection>,
) {
  const { group } = await authorize(ctx.store, caller, groupId);
  const at = ctx.clock.now();
  if ('filter' in input) return removeMatching(ctx, group, matchOf(input.filter, at), actorOf(caller));
  return ctx.store.transaction(async (tx) => {
    await tx.lockGroup(groupId);
    const removed: string[] = [];
    const notFoundIds: string[] = [];
    for (const id of new Set(input.ids)) {
      const row = await tx.invitation(groupId, id);
      if (row) {
        await tx.deleteInvitation(id);
        const subject = subjectOf.invitation(row);
        await recordActivity(ctx, tx, { groupId, type: 'invitation.removed', actor: actorOf(caller), subject, at });
        removed.push(id);
      } else notFoundIds.push(id);
    }
    return { removed, notFound: notFoundIds, seats: await seats(tx, group, at) };
  });
}

/** Inserts a row for every address the plan invites, each with a fresh token; answers for every address. */
async function createInvitations(
  ctx: ServiceContext,
  tx: Transaction,
  group: GroupRow,
  plan: InvitePlan<Batch>,
  subgroups: Map<Batch, SubgroupRow | undefined>,
  sender: Sender,
) {
  const results: InviteResult[] = [];
  for (const result of plan.results) {
    if (result.status !== 'invited') {
      results.push(result);
      continue;
    }
    const { token, tokenHash } = await mintToken();
    const subgroup = subgroups.get(result.box);
    const row: InvitationRow = {
      id: newId('inv'),
      groupId: group.id,
      email: result.email,
      name: result.name ?? null,
      role: result.box.role,
      subgroupId: subgroup?.id ?? null,
      tokenHash,
      createdAt: sender.at.toISOString(),
      lastSentAt: sender.at.toISOString(),
      expiresAt: expiryFrom(ctx, sender.at),
      sendCount: 1,
      invitedById: sender.caller.id,
      locale: sender.locale,
    };
    await tx.insertInvitation({ ...row, ...QUEUED });
    await tx.enqueueJobs([...(await mailJobs(ctx, row, token)), expiryJob(row)]);
    const { caller, at } = sender;
    const subject = subjectOf.invitation(row);
    await recordActivity(ctx, tx, {
      groupId: group.id,
      type: 'invitation.created',
      actor: actorOf(caller),
      subject,
      at,
    });
    const view = { ...row, ...QUEUED, subgroupName: subgroup?.name ?? null, invitedByEmail: sender.caller.email };
    const { box: _box, ...answer } = result;
    results.push({ ...answer, invitation: invitationOf(view, sender.at) });
  }
  return results;
}

/** Who invites, when, and in which language the invitees are written to. */
interface Sender extends Acting {
  locale: string;
}

function refuseTooMany(batches: readonly Batch[]) {
  const count = batches.reduce((sum, batch) => sum + batch.emails.length, 0);
  if (count > MAX_EMAILS_PER_REQUEST) {
    throw new ProblemError(
      'too_many_emails',
      'Too many emails',
      `One request can invite at most ${MAX_EMAILS_PER_REQUEST} addresses; this one has ${count}.`,
    );
  }
}

function notEnoughSeats(required: number) {
  return (before: Seats) => ({
    title: 'Not enough seats',
    detail:
      `This needs ${required} seats but ${before.available} are available. ` +
      `Pending and expired invitations hold ${before.pending + before.expired} seats; ` +
      'remove the ones you no longer need to free them.',
  });
}

/** What the group holds for the request's addresses: members and invitations. */
async function knownAddresses(tx: Transaction, groupId: string, batches: Batch[], at: Date): Promise<KnownAddresses> {
  const keys = addressKeys(batches);
  const members = await tx.membersByEmail(groupId, keys);
  const invitations = await tx.invitationsByEmail(groupId, keys);
  return knownOf(
    members,
    invitations.map((row) => invitationOf(row, at)),
  );
}

/** The subgroup each box names: an existing one by id or name, or a new one created now. */
async function resolveSubgroups(
  ctx: ServiceContext,
  tx: Transaction,
  groupId: string,
  batches: Batch[],
  sender: Sender,
) {
  const resolved = new Map<Batch, SubgroupRow | undefined>();
  for (const batch of batches) {
    resolved.set(batch, batch.subgroup && (await resolveSubgroup(ctx, tx, groupId, batch.subgroup, sender)));
  }
  return resolved;
}

async function resolveSubgroup(
  ctx: ServiceContext,
  tx: Transaction,
  groupId: string,
  choice: NonNullable<Batch['subgroup']>,
  sender: Sender,
) {
  if ('id' in choice) {
    const found = await tx.subgroup(groupId, choice.id);
    if (!found) throw notFound('subgroup');
    return found;
  }
  const existing = await tx.subgroupByName(groupId, choice.name);
  if (existing) return existing;
  const created = { id: newId('sub'), groupId, name: choice.name, createdAt: sender.at.toISOString() };
  await tx.insertSubgroup(created);
  const { caller, at } = sender;
  await recordActivity(ctx, tx, {
    groupId,
    type: 'subgroup.created',
    actor: actorOf(caller),
    subject: subjectOf.subgroup(created),
    at,
  });
  return created;
}
