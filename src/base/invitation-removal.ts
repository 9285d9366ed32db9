/**
 * Removing invitations in bulk, for the Pending tab and the invite dialog alike.
 */
import { MAX_IDS_PER_REQUEST, type Seats } from '../../sdk/index.ts';
import type { Api } from './section-element.ts';

/** The ids of every expired invitation, walking all pages. */
export async function expiredInvitationIds(api: Api): Promise<string[]> {
  const ids: string[] = [];
  for await (const invitation of api.client.invitations.list(api.groupId, { status: 'expired', limit: 200 })) ids.push(invitation.id);
  return ids;
}

/** Removes invitations in requests the contract accepts (at most 500 ids each). */
export async function removeInvitations(api: Api, ids: string[]): Promise<{ removed: string[]; seats: Seats | undefined }> {
  const removed: string[] = [];
  let seats: Seats | undefined;
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
    const answer = await api.client.invitations.remove(api.groupId, ids.slice(i, i + MAX_IDS_PER_REQUEST));
    removed.push(...answer.removed);
    seats = answer.seats;
  }
  return { removed, seats };
}
