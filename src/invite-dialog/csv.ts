/**
 * A CSV of people to invite: read (an email column, optional role, subgroup and name
 * columns, with or without a header row), counted into boxes and added to them.
 */
import { emailKey, readNamedAddress, type Role } from '../../sdk/index.ts';
import { newBox, type Box } from './boxes.ts';

export interface CsvPerson {
  /** Empty for a row whose email cell is empty: the preview flags it, and it joins no box. */
  email: string;
  /** From a Name column, or from `Name <a@b.c>` in the email cell. */
  name?: string;
  role: Role;
  subgroup: string;
}

/**
 * One piece of CSV text at a time: a quoted run (`""` inside is a quote; an unclosed quote
 * runs to the end), a run of plain characters, a cell separator, or a line break.
 */
const TOKEN = /"([^"]*(?:""[^"]*)*)(?:"|$)|([^",;\t\r\n]+)|([,;\t])|(\r\n?|\n)/y;

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF), reading it in runs rather than characters. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  const endRow = () => {
    if (row.some((c) => c !== '')) rows.push(row);
    row = [];
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const [, quoted, plain, separator] = match;
    if (quoted !== undefined) cell += quoted.includes('""') ? quoted.replaceAll('""', '"') : quoted;
    else if (plain !== undefined) cell += plain;
    else {
      row.push(cell.trim());
      cell = '';
      if (separator === undefined) endRow();
    }
  }
  if (cell !== '' || row.length) row.push(cell.trim());
  endRow();
  return rows;
}

/** The people in a CSV file, a row with an empty email cell too; `undefined` when it has no column of addresses. */
export function readPeople(text: string): CsvPerson[] | undefined {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const first = rows[0];
  if (!first) return undefined;
  const header = first.map((cell) => cell.toLowerCase());
  const named = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  let email = named(/e-?mail|correo/);
  const hasHeader = email >= 0;
  if (!hasHeader) email = first.findIndex((cell) => cell.includes('@'));
  if (email < 0) return undefined;
  const role = hasHeader ? named(/^(role|type|user type|rol|tipo)$/) : -1;
  const subgroup = hasHeader ? named(/subgroup|subgrupo|team|group|grupo/) : -1;
  const name = hasHeader ? named(/^(name|full name|nombre|nombre completo)$/) : -1;
  return rows.slice(hasHeader ? 1 : 0).map((cells): CsvPerson => {
    const cell = cells[email] ?? '';
    const entry = readNamedAddress(cell) ?? { email: cell };
    const given = (name >= 0 ? cells[name] : undefined) || entry.name;
    return {
      email: entry.email,
      ...(given ? { name: given } : {}),
      role: /admin/i.test(cells[role] ?? '') ? 'admin' : 'learner',
      subgroup: subgroup >= 0 ? (cells[subgroup] ?? '') : '',
    };
  });
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
    if (!person.email) continue;
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
  return new Set(people.filter((person) => person.email).map(pairKey)).size;
}
