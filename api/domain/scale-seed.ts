/**
 * Demo mode: fills a group with many invitations and members in seconds, for the bench,
 * the demo's big group and tests. Rows go in by chunks, one transaction each, so other
 * requests are served in between.
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
  for (let start = 0; start < input.invitations; start += CHUNK) {
    const end = Math.min(start + CHUNK, input.invitations);
    await ctx.store.transaction(async (tx) => {
      for (let n = start; n < end; n++)
        await tx.insertInvitation(invitationRow(ctx, group.id, tag, n, n < input.expired, at));
    });
  }
  for (let start = 0; start < input.members; start += CHUNK) {
    const end = Math.min(start + CHUNK, input.members);
    await ctx.store.transaction(async (tx) => {
      for (let n = start; n < end; n++) await tx.insertMember(memberRow(group.id, tag, n, at));
    });
  }
  return { groupId: group.id, seats: await raiseSeats(ctx, group, at) };
}

/** The group, or a new one with the demo admin's name on its first admin. */
async function groupToFill(ctx: ServiceContext, groupId: string, at: Date): Promise<GroupRow> {
  const existing = await ctx.store.group(groupId);
  if (existing) return existing;
  const group = { id: groupId, name: `Big group ${groupId}`, totalSeats: 0 };
  await ctx.store.transaction(async (tx: Transaction) => {
    await tx.insertGroup(group);
    const admin = await tx.member(DEMO_TOKENS['demo-admin']);
    await tx.insertMember({
      ...{ id: newId('usr'), groupId, email: admin?.email ?? 'admin@example.com', name: admin?.name ?? 'Admin' },
      ...{ role: 'admin', subgroupId: null, status: 'active', joinedAt: at.toISOString(), passwordHash: null },
    });
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
