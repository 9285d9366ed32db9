/**
 * Reads a CSV of people to invite: an email column, optional role and subgroup columns,
 * with or without a header row.
 */
import { readNamedAddress, type Role } from '../../sdk/index.ts';

export interface CsvPerson {
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

/** The people in a CSV file; `undefined` when it has no column of addresses. */
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
  return rows.slice(hasHeader ? 1 : 0).flatMap((cells) => {
    const cell = cells[email] ?? '';
    if (!cell) return [];
    const entry = readNamedAddress(cell) ?? { email: cell };
    const given = (name >= 0 ? cells[name] : undefined) || entry.name;
    return [
      {
        email: entry.email,
        ...(given ? { name: given } : {}),
        role: /admin/i.test(cells[role] ?? '') ? 'admin' : 'learner',
        subgroup: subgroup >= 0 ? (cells[subgroup] ?? '') : '',
      } satisfies CsvPerson,
    ];
  });
}
