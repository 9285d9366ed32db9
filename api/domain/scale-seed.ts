/**
 * Demo mode: fills a group with many invitations and members in seconds, for the bench,
 * the demo's big group and tests. Rows go in by chunks of 5,000, one statement each on
 * PostgreSQL, so other requests are served in between.
 */
import type { ScaleSeedRequest } from '../../sdk/schemas.ts';
import type { GroupRow, InvitationRow, MemberRow, Transaction } from '../store/store.ts';
import { seats, type Parsed, type ServiceContext } from './context.ts';
import { newId } from './secrets.ts';
import { DEMO_TOKENS } from './seed.ts';

const DAY = 86_400_000;
const CHUNK = 5_000;

/** Adds `invitations` (`expired` of them past their expiry) and `members` to the group, creating it if needed. */
export async function seedScale(ctx: ServiceContext, input: Parsed<typeof ScaleSeedRequest>) {
  const at = ctx.clock.now();
  const tag = newId('s').slice(2, 10);
  const group = await groupToFill(ctx, input.groupId, at);
  const chunks = (total: number) =>
    Array.from({ length: Math.ceil(total / CHUNK) }, (_, index) =>
      Array.from({ length: Math.min(CHUNK, total - index * CHUNK) }, (_, n) => index * CHUNK + n),
    );
  for (const chunk of chunks(input.invitations)) {
    const rows = chunk.map((n) => invitationRow(ctx, group.id, tag, n, n < input.expired, at));
    await ctx.store.transaction((tx) => tx.insertInvitations(rows));
  }
  for (const chunk of chunks(input.members)) {
    const rows = chunk.map((n) => memberRow(group.id, tag, n, at));
    await ctx.store.transaction((tx) => tx.insertMembers(rows));
  }
  return { groupId: group.id, seats: await raiseSeats(ctx, group, at) };
}

/** The group, or a new one whose admin and learner have the demo members' names and addresses. */
async function groupToFill(ctx: ServiceContext, groupId: string, at: Date): Promise<GroupRow> {
  const existing = await ctx.store.group(groupId);
  if (existing) return existing;
  const group = { id: groupId, name: `Big group ${groupId}`, totalSeats: 0 };
  await ctx.store.transaction(async (tx: Transaction) => {
    await tx.insertGroup(group);
    for (const id of Object.values(DEMO_TOKENS)) {
      const demo = await tx.member(id);
      if (!demo) continue;
      await tx.insertMember({
        ...{ id: newId('usr'), groupId, email: demo.email, name: demo.name, role: demo.role, subgroupId: null },
        ...{ status: 'active', joinedAt: at.toISOString(), passwordHash: null },
      });
    }
  });
  return group;
}

/** Raises the group's seats so that every row has one. */
async function raiseSeats(ctx: ServiceContext, group: GroupRow, at: Date) {
  return ctx.store.transaction(async (tx) => {
    await tx.lockGroup(group.id);
    const now = await seats(tx, group, at);
    const occupied = now.active + now.pending + now.expired;
    if (occupied <= group.totalSeats) return now;
    await tx.setTotalSeats(group.id, occupied);
    return seats(tx, { ...group, totalSeats: occupied }, at);
  });
}

function invitationRow(ctx: ServiceContext, groupId: string, tag: string, n: number, expired: boolean, at: Date) {
  // Expired rows were last sent 11–40 days ago, pending ones 0–9 days ago.
  const sent = new Date(at.getTime() - (expired ? 11 + (n % 30) : n % 10) * DAY - (n % 86_400) * 1000);
  const row: InvitationRow = {
    ...{ id: newId('inv'), groupId, email: `invitee-${tag}-${n}@bulk.example`, role: n % 20 ? 'learner' : 'admin' },
    ...{ name: null, subgroupId: null, tokenHash: `seeded-${tag}-${n}`, createdAt: sent.toISOString() },
    ...{ lastSentAt: sent.toISOString(), expiresAt: new Date(sent.getTime() + ctx.validFor).toISOString() },
    ...{ sendCount: 1, invitedById: DEMO_TOKENS['demo-admin'], locale: 'en' },
  };
  return row;
}

function memberRow(groupId: string, tag: string, n: number, at: Date): MemberRow {
  return {
    ...{ id: newId('usr'), groupId, email: `member-${tag}-${n}@bulk.example`, name: `Member ${tag} ${n}` },
    ...{ role: 'learner', subgroupId: null, status: n % 10 ? 'active' : 'deactivated' },
    ...{ joinedAt: new Date(at.getTime() - (n % 365) * DAY).toISOString(), passwordHash: null },
  };
}
