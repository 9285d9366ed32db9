/**
 * What an invite request would do, decided without touching a store: each address is
 * invalid, a duplicate within the request, already a member, a deactivated member, already
 * invited, or to be invited. Pure, and free of server imports, so a browser can preview the
 * seats a request needs with the same rule the server applies.
 */
import { emailJudge, emailKey, readNamedAddress } from '../../sdk/emails.ts';
import { MAX_INVITEE_NAME, type Invitation, type MemberStatus } from '../../sdk/schemas.ts';

/** What the group already holds for the addresses of a request. */
export interface KnownAddresses {
  /** The group's members (active or deactivated), by lower-cased address. */
  members: ReadonlyMap<string, { id: string; status: MemberStatus }>;
  /** The group's invitations (valid or expired), by lower-cased address. */
  invitations: ReadonlyMap<string, Invitation>;
}

/**
 * What the group holds, as the rule reads it: members and invitations keyed by lower-cased
 * address (the server's store rows, or a client's answer from `POST addresses/lookup`).
 */
export function knownOf(
  members: ReadonlyArray<{ id: string; email: string; status: MemberStatus }>,
  invitations: readonly Invitation[],
): KnownAddresses {
  return {
    members: new Map(members.map((member) => [emailKey(member.email), member])),
    invitations: new Map(invitations.map((invitation) => [emailKey(invitation.email), invitation])),
  };
}

/** One address as a request gives it: `a@b.c`, `Name <a@b.c>` or `{ email, name }`. */
export type AddressInput = string | { email: string; name?: string | undefined };

/** A box of the request: its addresses, and whatever else the caller keeps with them. */
interface Box {
  emails: readonly AddressInput[];
}

/** An address with the name given for it, if any. */
interface Named {
  email: string;
  name?: string;
}

/** The outcome for one address; `invited` names the box it comes from. */
export type PlannedResult<B extends Box = Box> = Named &
  (
    | { status: 'invalid_email' | 'duplicate' | 'already_member' }
    | { status: 'deactivated_member'; memberId: string }
    | { status: 'already_invited'; invitation: Invitation }
    | { status: 'invited'; box: B }
  );

export interface InvitePlan<B extends Box = Box> {
  /** One result per address, in the order of the request. */
  results: Array<PlannedResult<B>>;
  /** How many new invitations the request creates: the seats it needs. */
  seatsNeeded: number;
}

/**
 * Plans a request's boxes against what the group already holds. A deactivated member's
 * address takes no seat: it comes back `deactivated_member` with the member's id.
 *
 * @example
 * planInvites([{ emails: ['Ana <ana@x.org>', 'ANA@x.org', 'bo@'] }], { members: new Map(), invitations: new Map() });
 * // { results: [invited (name 'Ana'), duplicate, invalid_email], seatsNeeded: 1 }
 */
export function planInvites<B extends Box>(batches: readonly B[], known: KnownAddresses): InvitePlan<B> {
  const judge = emailJudge();
  const results = batches.flatMap((box) =>
    box.emails.map((input): PlannedResult<B> => {
      const named = readAddress(input);
      const status = judge(named.email);
      if (status === 'invalid') return { ...named, status: 'invalid_email' };
      if (status === 'duplicate') return { ...named, status: 'duplicate' };
      const key = emailKey(named.email);
      const member = known.members.get(key);
      if (member?.status === 'deactivated') return { ...named, status: 'deactivated_member', memberId: member.id };
      if (member) return { ...named, status: 'already_member' };
      const invitation = known.invitations.get(key);
      return invitation ? { ...named, status: 'already_invited', invitation } : { ...named, status: 'invited', box };
    }),
  );
  return { results, seatsNeeded: results.filter((result) => result.status === 'invited').length };
}

/**
 * An address and its name, trimmed; a name is cut at 100 characters and dropped when empty.
 *
 * @example
 * readAddress(' Ana Ruiz <ana@x.org> '); // { email: 'ana@x.org', name: 'Ana Ruiz' }
 */
export function readAddress(input: AddressInput): Named {
  const given = typeof input === 'string' ? (readNamedAddress(input) ?? { email: input }) : input;
  const email = given.email.trim();
  const name = given.name?.trim().slice(0, MAX_INVITEE_NAME).trim();
  return name ? { email, name } : { email };
}

/** The lower-cased addresses of a request, to look up what the group holds for them. */
export function addressKeys(batches: readonly Box[]): string[] {
  return [...new Set(batches.flatMap((batch) => batch.emails.map((input) => emailKey(readAddress(input).email))))];
}
