/**
 * Lists on SQLite in O(log n + page): each sort walks its index (`… (group_id, key, id)`),
 * a page starts after the last row of the one before (keyset), a search is answered by a
 * trigram index, and totals come from counts that triggers keep (see the migrations), not
 * from counting rows.
 */
import type { SQLInputValue } from 'node:sqlite';
import {
  SQLITE,
  invitationCountSql,
  memberCountSql,
  pageOf,
  type CountedInvitations,
  type Statement,
} from './sql-lists.ts';
import type { Listed, ListWindow, MemberFilter, SeatCounts } from './store.ts';

/** Runs SQL on one connection. */
export interface Sql {
  one: <T>(sql: string, ...params: SQLInputValue[]) => T | undefined;
  all: <T>(sql: string, ...params: SQLInputValue[]) => T[];
  run: (sql: string, ...params: SQLInputValue[]) => void;
  /** Runs a write; how many rows it changed. */
  changes: (sql: string, ...params: SQLInputValue[]) => number;
}

/** Runs a statement written for both SQL stores. */
export const runStatement = (sql: Sql, { text, params }: Statement) => sql.run(text, ...params);

const byCreation = (t: string) => `${t}.created_at`;
const SORT_COLUMNS: Record<string, (table: string) => string> = {
  email: (t) => `lower(${t}.email)`,
  name: (t) => `lower(${t}.name)`,
  joinedAt: (t) => `${t}.joined_at`,
  createdAt: byCreation,
  expiresAt: (t) => `${t}.expires_at`,
  lastSentAt: (t) => `${t}.last_sent_at`,
};

/** The trigram index answers searches of three characters or more. */
const SHORTEST_INDEXED_SEARCH = 3;

/** `WHERE` conditions with their parameters. */
export function conditions(first: string, ...values: SQLInputValue[]) {
  const where = [first];
  const params: SQLInputValue[] = [...values];
  const add = (condition: string, ...more: SQLInputValue[]) => {
    where.push(condition);
    params.push(...more);
  };
  return { where, params, add, text: () => where.join(' AND ') };
}

export type Conditions = ReturnType<typeof conditions>;

/**
 * The conditions of a list of `alias` in a group. A search of three characters or more is
 * driven from the trigram index (its matches, then sorted), so the group's index is kept out.
 */
export function inGroup(alias: string, groupId: string, q: string | undefined) {
  const indexed = q !== undefined && q.length >= SHORTEST_INDEXED_SEARCH;
  return conditions(`${indexed ? '+' : ''}${alias}.group_id = ?`, groupId);
}

/** Limits `found` to rows whose indexed text contains `q`: `columns` are searched when `q` is too short. */
export function addSearch(found: Conditions, alias: string, index: string, q: string, columns: string[]) {
  if (q.length >= SHORTEST_INDEXED_SEARCH) {
    found.add(`${alias}.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`, `"${q.replaceAll('"', '""')}"`);
  } else {
    found.add(
      `(${columns.map((column) => `instr(lower(${alias}.${column}), ?) > 0`).join(' OR ')})`,
      ...columns.map(() => q),
    );
  }
}

/** One page of `from`, in `sort` order, after `window.after`; `total` is what the caller counted. */
export function listPage<T extends { id: string }>(
  sql: Sql,
  from: { columns: string; tables: string; alias: string },
  found: Conditions,
  sort: string,
  window: ListWindow,
): Omit<Listed<T>, 'total'> {
  const descending = sort.startsWith('-');
  const column = (SORT_COLUMNS[descending ? sort.slice(1) : sort] ?? byCreation)(from.alias);
  const direction = descending ? 'DESC' : 'ASC';
  const where = conditions(found.text(), ...found.params);
  if (window.after) {
    where.add(`(${column}, ${from.alias}.id) ${descending ? '<' : '>'} (?, ?)`, window.after.key, window.after.id);
  }
  const rows = sql.all<T & { sortKey: string }>(
    `SELECT ${from.columns}, ${column} AS sortKey ${from.tables} WHERE ${where.text()}
     ORDER BY ${column} ${direction}, ${from.alias}.id ${direction} LIMIT ?`,
    ...where.params,
    window.limit + 1,
  );
  return pageOf(rows, window.limit);
}

/** The members that match, from the kept counts (or the search index when searching). */
export function countMembers(sql: Sql, groupId: string, filter: MemberFilter, found: Conditions): number {
  if (filter.q)
    return sql.one<{ n: number }>(`SELECT count(*) AS n FROM members m WHERE ${found.text()}`, ...found.params)?.n ?? 0;
  return countOf(sql, memberCountSql(SQLITE, groupId, filter));
}

/** The invitations that match (no search), from the kept counts. */
export function countInvitations(sql: Sql, groupId: string, filter: CountedInvitations): number {
  return countOf(sql, invitationCountSql(SQLITE, groupId, filter));
}

function countOf(sql: Sql, { text, params }: Statement): number {
  return sql.one<{ n: number }>(text, ...params)?.n ?? 0;
}

/** Active members, pending and expired invitations, from the kept counts. */
export function seatCountsOf(sql: Sql, groupId: string, now: string): SeatCounts {
  return {
    active: countOf(sql, memberCountSql(SQLITE, groupId, { status: 'active', sort: 'email' })),
    pending: countInvitations(sql, groupId, { status: 'pending', now }),
    expired: countInvitations(sql, groupId, { status: 'expired', now }),
  };
}
