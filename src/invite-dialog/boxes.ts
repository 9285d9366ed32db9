/**
 * The user-type boxes of the invite dialog as plain data: what each address's state is,
 * how many seats a send needs, and the request it becomes.
 */
import {
  emailKey,
  parseEmailList,
  type InviteAddress,
  type InviteRequest,
  type Role,
  type Subgroup,
  type SubgroupChoice,
} from '../../sdk/index.ts';
import { planInvites, type KnownAddresses, type PlannedResult } from '../../api/domain/plan-invites.ts';

export interface Box {
  key: number;
  role: Role;
  /** Addresses turned into chips, in order. */
  emails: string[];
  /** Names given with addresses (`Ana Ruiz <ana@x.org>`, a CSV Name column), by lower-cased address. */
  names: Readonly<Record<string, string>>;
  /** What is still being typed in the box's field. */
  draft: string;
  /** Subgroup name as typed: an existing one, a new one, or empty for none. */
  subgroup: string;
}

/** What sending an address would do, by the server's rule: `valid` is a new invitation. */
export type ChipState = 'valid' | 'invalid' | 'duplicate' | 'already_invited' | 'already_member' | 'deactivated_member';

let nextKey = 1;

export function newBox(role: Role, emails: string[] = [], subgroup = '', names: Record<string, string> = {}): Box {
  return { key: nextKey++, role, emails, names, draft: '', subgroup };
}

/** Whether the boxes hold nothing typed: one box with no address, draft or subgroup. */
export function isBlank(boxes: Box[]): boolean {
  const [box, ...more] = boxes;
  return !more.length && (!box || (!box.emails.length && !box.draft.trim() && !box.subgroup.trim()));
}

/** Moves the typed text into chips. */
export function commitDraft(box: Box, extra = ''): Box {
  const text = `${box.draft}${extra}`;
  const parsed = parseEmailList(text);
  if (!parsed.length && !box.draft) return box;
  const names = { ...box.names };
  for (const { email, name } of parsed) if (name) names[emailKey(email)] = name;
  return { ...box, emails: [...box.emails, ...parsed.map(({ email }) => email)], names, draft: '' };
}

/** What sending the boxes would do, by the server's rule, counting what is still being typed. */
export interface BoxesPlan {
  /** The state of each chip of each box. */
  states: ChipState[][];
  /** The state of each extra address (a CSV's rows), after the boxes'. */
  extra: ChipState[];
  /** New invitations from the boxes: the seats their send needs. */
  seatsNeeded: number;
  /** Addresses of the boxes the send carries (all but the invalid and the repeated ones). */
  toSend: number;
  /** Addresses of the boxes that are not valid. */
  invalid: number;
}

/** Nothing known about the group: every valid address counts as new. */
const NOTHING_KNOWN: KnownAddresses = { members: new Map(), invitations: new Map() };

/**
 * Plans the boxes with `planInvites`, the rule the server applies to an invite, against what
 * the group holds for their addresses. Duplicates count across boxes; `extra` addresses
 * (a CSV's rows) are planned after the boxes'.
 */
export function planBoxes(boxes: Box[], known = NOTHING_KNOWN, extra: readonly string[] = []): BoxesPlan {
  const full = boxes.map((box) => commitDraft(box));
  const all = planInvites([...full, { emails: extra }], known).results.map(stateOf);
  let at = 0;
  const states = full.map((box, i) => {
    const chips = all.slice(at, at + (boxes[i]?.emails.length ?? 0));
    at += box.emails.length;
    return chips;
  });
  const sent = all.slice(0, at);
  return {
    states,
    extra: all.slice(at),
    seatsNeeded: sent.filter((state) => state === 'valid').length,
    toSend: sent.filter((state) => state !== 'invalid' && state !== 'duplicate').length,
    invalid: sent.filter((state) => state === 'invalid').length,
  };
}

function stateOf({ status }: PlannedResult): ChipState {
  return status === 'invited' ? 'valid' : status === 'invalid_email' ? 'invalid' : status;
}

/** An existing subgroup by name (ignoring case), a new one by name, or none. */
export function subgroupChoice(name: string, existing: Subgroup[]): SubgroupChoice | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  const match = existing.find((s) => s.name.toLowerCase() === trimmed.toLowerCase());
  return match ? { id: match.id } : { name: trimmed };
}

/** The invite request: one batch per box that has addresses to send. */
export function toRequest(boxes: Box[], existing: Subgroup[], locale: string): InviteRequest {
  const { states } = planBoxes(boxes);
  const batches = boxes.flatMap((box, i) => {
    const sendable = (j: number) => states[i]?.[j] !== 'invalid' && states[i]?.[j] !== 'duplicate';
    const emails = box.emails.filter((_, j) => sendable(j)).map((email) => withName(box, email));
    if (!emails.length) return [];
    const subgroup = subgroupChoice(box.subgroup, existing);
    return [{ role: box.role, emails, ...(subgroup ? { subgroup } : {}) }];
  });
  return { batches, locale };
}

/** An address as the request sends it: with its name when one was given. */
function withName(box: Box, email: string): InviteAddress {
  const name = box.names[emailKey(email)];
  return name ? { email, name } : email;
}
