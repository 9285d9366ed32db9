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

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text.charAt(i + 1) === '"') cell += text.charAt(++i);
      else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === ';' || char === '\t') endCell();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text.charAt(i + 1) === '\n') i++;
      endRow();
    } else cell += char;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
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
