/**
 * The user-type boxes of the invite dialog as plain data: what each address's state is,
 * how many seats a send needs, and the request it becomes.
 */
import { emailJudge, parseEmailList, type InviteRequest, type Role, type Subgroup, type SubgroupChoice, type EmailStatus } from '../../sdk/index.ts';
import type { CsvPerson } from './csv.ts';

export interface Box {
  key: number;
  role: Role;
  /** Addresses turned into chips, in order. */
  emails: string[];
  /** What is still being typed in the box's field. */
  draft: string;
  /** Subgroup name as typed: an existing one, a new one, or empty for none. */
  subgroup: string;
}

export type ChipState = EmailStatus;

let nextKey = 1;

export function newBox(role: Role, emails: string[] = [], subgroup = ''): Box {
  return { key: nextKey++, role, emails, draft: '', subgroup };
}

/** Moves the typed text into chips. */
export function commitDraft(box: Box, extra = ''): Box {
  const text = `${box.draft}${extra}`;
  const emails = parseEmailList(text).map((parsed) => parsed.email);
  return emails.length || box.draft ? { ...box, emails: [...box.emails, ...emails], draft: '' } : box;
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
    const emails = box.emails.filter((_, j) => states[i]![j] === 'valid');
    if (!emails.length) return [];
    const subgroup = subgroupChoice(box.subgroup, existing);
    return [{ role: box.role, emails, ...(subgroup ? { subgroup } : {}) }];
  });
  return { batches, locale };
}

/** Adds CSV people to the boxes: each (role, subgroup) pair joins a matching box or gets a new one. */
export function addPeople(boxes: Box[], people: CsvPerson[]): Box[] {
  const result = boxes.filter((box) => box.emails.length || box.draft || box.subgroup);
  for (const person of people) {
    const same = (box: Box) => box.role === person.role && box.subgroup.trim().toLowerCase() === person.subgroup.toLowerCase();
    const index = result.findIndex(same);
    if (index >= 0) result[index] = { ...result[index]!, emails: [...result[index]!.emails, person.email] };
    else result.push(newBox(person.role, [person.email], person.subgroup));
  }
  return result.length ? result : [newBox('learner')];
}

/** How many boxes the people fill. */
export function boxCount(people: CsvPerson[]): number {
  return new Set(people.map((p) => `${p.role}\n${p.subgroup.toLowerCase()}`)).size;
}
