/**
 * Removing invitations in bulk, for the Pending tab and the invite dialog alike.
 */
import { MAX_IDS_PER_REQUEST, type Seats } from '../../sdk/index.ts';
import type { Api } from '../state/section-store.ts';

/** Removes invitations (at least one) in requests the contract accepts (at most 500 ids each). */
export async function removeInvitations(api: Api, ids: string[]): Promise<{ removed: string[]; seats: Seats }> {
  const remove = (from: number) =>
    api.client.invitations.remove(api.groupId, ids.slice(from, from + MAX_IDS_PER_REQUEST));
  let answer = await remove(0);
  const removed = [...answer.removed];
  for (let from = MAX_IDS_PER_REQUEST; from < ids.length; from += MAX_IDS_PER_REQUEST) {
    answer = await remove(from);
    removed.push(...answer.removed);
  }
  return { removed, seats: answer.seats };
}
