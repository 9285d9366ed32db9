/**
 * What an invite request would do, decided without touching a store: each address is
 * invalid, a duplicate within the request, already a member, already invited, or to be
 * invited. Pure, and free of server imports, so a browser can preview the seats a request
 * needs with the same rule the server applies.
 */
import { emailJudge, emailKey } from '../../sdk/emails.ts';
import type { Invitation } from '../../sdk/schemas.ts';

/** What the group already holds for the addresses of a request. */
export interface KnownAddresses {
  /** Lower-cased addresses of the group's members. */
  members: ReadonlySet<string>;
  /** The group's invitations (valid or expired), by lower-cased address. */
  invitations: ReadonlyMap<string, Invitation>;
}

/** A box of the request: its addresses, and whatever else the caller keeps with them. */
interface Box {
  emails: readonly string[];
}

/** The outcome for one address; `invited` names the box it comes from. */
export type PlannedResult<B extends Box = Box> =
  | { email: string; status: 'invalid_email' | 'duplicate' | 'already_member' }
  | { email: string; status: 'already_invited'; invitation: Invitation }
  | { email: string; status: 'invited'; box: B };

export interface InvitePlan<B extends Box = Box> {
  /** One result per address, in the order of the request. */
  results: Array<PlannedResult<B>>;
  /** How many new invitations the request creates: the seats it needs. */
  seatsNeeded: number;
}

/**
 * Plans a request's boxes against what the group already holds.
 *
 * @example
 * planInvites([{ emails: ['ana@x.org', 'ANA@x.org', 'bo@'] }], { members: new Set(), invitations: new Map() });
 * // { results: [invited, duplicate, invalid_email], seatsNeeded: 1 }
 */
export function planInvites<B extends Box>(batches: readonly B[], known: KnownAddresses): InvitePlan<B> {
  const judge = emailJudge();
  const results = batches.flatMap((box) =>
    box.emails.map((raw): PlannedResult<B> => {
      const email = raw.trim();
      const status = judge(email);
      if (status === 'invalid') return { email, status: 'invalid_email' };
      if (status === 'duplicate') return { email, status: 'duplicate' };
      const key = emailKey(email);
      if (known.members.has(key)) return { email, status: 'already_member' };
      const invitation = known.invitations.get(key);
      return invitation ? { email, status: 'already_invited', invitation } : { email, status: 'invited', box };
    }),
  );
  return { results, seatsNeeded: results.filter((result) => result.status === 'invited').length };
}

/** The lower-cased addresses of a request, to look up what the group holds for them. */
export function addressKeys(batches: readonly Box[]): string[] {
  return [...new Set(batches.flatMap((batch) => batch.emails.map(emailKey)))];
}
