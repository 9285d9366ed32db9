/**
 * A send of more addresses than one invite request may carry (500), as the invite dialog
 * makes it: request after request, each the first 500 addresses still in the draft, and
 * what went taken out of the draft, so a stop part-way keeps exactly what did not go.
 */
import {
  emailKey,
  MAX_BATCHES_PER_REQUEST,
  MAX_EMAILS_PER_REQUEST,
  type InviteAddress,
  type InviteBatch,
  type InviteRequest,
} from '../../sdk/index.ts';
import { newBox, type Box } from './boxes.ts';

/** The addresses a request carries. */
export function addressCount(request: InviteRequest): number {
  return request.batches.reduce((sum, batch) => sum + batch.emails.length, 0);
}

/**
 * The first request of a send: the first batches, in order, up to 500 addresses and 50
 * batches; the batch at the limit is cut there and the rest of it goes in the next request.
 */
export function firstRequest(request: InviteRequest): InviteRequest {
  const batches: InviteBatch[] = [];
  let room = MAX_EMAILS_PER_REQUEST;
  for (const batch of request.batches) {
    if (!room || batches.length === MAX_BATCHES_PER_REQUEST) break;
    const emails = batch.emails.slice(0, room);
    batches.push({ ...batch, emails });
    room -= emails.length;
  }
  return { ...request, batches };
}

/** The new subgroups a request names (to be created by it): their names. */
export function newSubgroupNames(request: InviteRequest): string[] {
  return request.batches.flatMap(({ subgroup }) => (subgroup && 'name' in subgroup ? [subgroup.name] : []));
}

/**
 * The boxes without the addresses a request carried (each of them, wherever it is listed);
 * a box left with no address goes, and one empty Learners box stays when none is left.
 */
export function withoutSent(boxes: Box[], request: InviteRequest): Box[] {
  const sent = new Set(request.batches.flatMap((batch) => batch.emails.map(keyOf)));
  const left = boxes
    .map((box) => ({ ...box, emails: box.emails.filter((email) => !sent.has(emailKey(email))) }))
    .filter((box) => box.emails.length || box.draft.trim());
  return left.length ? left : [newBox('learner')];
}

function keyOf(address: InviteAddress): string {
  return emailKey(typeof address === 'string' ? address : address.email);
}
