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
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === ';' || char === '\t') (row.push(cell), (cell = ''));
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      ((row = []), (cell = ''));
    } else cell += char;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

/** The people in a CSV file; `undefined` when it has no column of addresses. */
export function readPeople(text: string): CsvPerson[] | undefined {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  if (rows.length === 0) return undefined;
  const header = rows[0]!.map((cell) => cell.toLowerCase());
  const named = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  let email = named(/e-?mail|correo/);
  const hasHeader = email >= 0;
  if (!hasHeader) email = rows[0]!.findIndex((cell) => cell.includes('@'));
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
