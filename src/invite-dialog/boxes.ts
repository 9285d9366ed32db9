/**
 * The user-type boxes of the invite dialog as plain data: what each address's state is,
 * how many seats a send needs, and the request it becomes.
 */
import {
  emailJudge,
  emailKey,
  parseEmailList,
  type InviteAddress,
  type InviteRequest,
  type Role,
  type Subgroup,
  type SubgroupChoice,
  type EmailStatus,
} from '../../sdk/index.ts';
import type { CsvPerson } from './csv.ts';

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

export type ChipState = EmailStatus;

let nextKey = 1;

export function newBox(role: Role, emails: string[] = [], subgroup = '', names: Record<string, string> = {}): Box {
  return { key: nextKey++, role, emails, names, draft: '', subgroup };
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

/** The state of every chip of every box: duplicates count across boxes. */
export function chipStates(boxes: Box[]): ChipState[][] {
  const judge = emailJudge();
  return boxes.map((box) => box.emails.map(judge));
}

/** What the boxes hold, counting what is still being typed: addresses to send, invalid ones left. */
export function tally(boxes: Box[]) {
  const states = chipStates(boxes.map((box) => commitDraft(box))).flat();
  return { toSend: states.filter((s) => s === 'valid').length, invalid: states.filter((s) => s === 'invalid').length };
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
  const states = chipStates(boxes);
  const batches = boxes.flatMap((box, i) => {
    const emails = box.emails.filter((_, j) => states[i]?.[j] === 'valid').map((email) => withName(box, email));
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

/**
 * Adds CSV people to the boxes: each (role, subgroup) pair joins a matching box or gets a
 * new one. One pass over the people (a 20,000-row file is added in milliseconds).
 */
export function addPeople(boxes: Box[], people: CsvPerson[]): Box[] {
  const kept = boxes.filter((box) => box.emails.length || box.draft || box.subgroup);
  const result = kept.map((box) => ({ ...box, emails: [...box.emails], names: { ...box.names } }));
  const byPair = new Map<string, Box>();
  for (const box of result) if (!byPair.has(pairKey(box))) byPair.set(pairKey(box), box);
  for (const person of people) {
    let box = byPair.get(pairKey(person));
    if (!box) {
      box = newBox(person.role, [], person.subgroup);
      byPair.set(pairKey(person), box);
      result.push(box);
    }
    box.emails.push(person.email);
    if (person.name) (box.names as Record<string, string>)[emailKey(person.email)] = person.name;
  }
  return result.length ? result : [newBox('learner')];
}

/** The (role, subgroup) pair a box or a CSV person stands for. */
function pairKey(entry: { role: Role; subgroup: string }): string {
  return `${entry.role}\n${entry.subgroup.trim().toLowerCase()}`;
}

/** How many boxes the people fill. */
export function boxCount(people: CsvPerson[]): number {
  return new Set(people.map(pairKey)).size;
}
