/**
 * Stored rows as the contract shows them.
 */
import type { Invitation, Member, Seats, Subgroup } from '../../sdk/schemas.ts';
import type { GroupRow, InvitationView, MemberView, SeatCounts, SubgroupView } from '../store/store.ts';

export function seatsOf(group: GroupRow, counts: SeatCounts): Seats {
  const occupied = counts.active + counts.pending + counts.expired;
  return { total: group.totalSeats, ...counts, available: Math.max(0, group.totalSeats - occupied) };
}

export function invitationOf(row: InvitationView, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    ...(row.name ? { name: row.name } : {}),
    role: row.role,
    subgroup: row.subgroupId ? { id: row.subgroupId, name: row.subgroupName ?? '' } : null,
    status: now.toISOString() >= row.expiresAt ? 'expired' : 'pending',
    createdAt: row.createdAt,
    lastSentAt: row.lastSentAt,
    expiresAt: row.expiresAt,
    sendCount: row.sendCount,
    invitedBy: { id: row.invitedById, email: row.invitedByEmail },
    delivery: {
      status: row.deliveryStatus,
      attempts: row.deliveryAttempts,
      lastAttemptAt: row.deliveryLastAttemptAt,
      error: row.deliveryError,
    },
  };
}

export function memberOf(row: MemberView): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    subgroup: row.subgroupId ? { id: row.subgroupId, name: row.subgroupName ?? '' } : null,
    status: row.status,
    joinedAt: row.joinedAt,
  };
}

export function subgroupOf(row: SubgroupView): Subgroup {
  return { id: row.id, name: row.name, memberCount: row.memberCount, invitationCount: row.invitationCount };
}
