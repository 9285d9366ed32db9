/**
 * Many rows written in one statement, for SQLite and PostgreSQL alike: the rows go as one JSON
 * parameter that the statement reads as a table (see {@link Dialect.jsonRows}), so a chunk of a
 * bulk action costs one statement per table, not one per row.
 */
import type { Dialect, Statement } from './sql-lists.ts';
import type { InvitationUpdate, NewJob } from './store.ts';

/** Row keys (camel case, as the row types name them) and their PostgreSQL types. */
export type Columns = Record<string, string>;

/** `occurredAt` → `occurred_at`. */
export const columnOf = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Inserts `rows` into `table`, in their order, each with the values of the keys of `columns`. */
export function insertRowsSql(dialect: Dialect, table: string, columns: Columns, rows: object[]): Statement {
  const keys = Object.keys(columns);
  const text = `INSERT INTO ${table} (${keys.map(columnOf).join(', ')})
    SELECT ${keys.map((key) => `r."${key}"`).join(', ')} FROM ${dialect.jsonRows(dialect.placeholder(1), columns)}
    ORDER BY r.n`;
  return { text, params: [JSON.stringify(rows)] };
}

/** Sets, in each row of `table` whose `id` is a row's `id`, the values of the other keys of `columns`. */
export function updateRowsSql(dialect: Dialect, table: string, columns: Columns, rows: object[]): Statement {
  const changed = Object.keys(columns).filter((key) => key !== 'id');
  const text = `UPDATE ${table} SET ${changed.map((key) => `${columnOf(key)} = r."${key}"`).join(', ')}
    FROM ${dialect.jsonRows(dialect.placeholder(1), columns)} WHERE ${table}.id = r."id"`;
  return { text, params: [JSON.stringify(rows)] };
}

/** Enqueues jobs, in their order. */
export function insertJobsSql(dialect: Dialect, jobs: NewJob[]): Statement {
  const columns = { kind: 'text', groupKey: 'text', ordered: 'boolean', payload: 'text' };
  return insertRowsSql(dialect, 'jobs', { ...columns, dueAt: 'timestamptz', createdAt: 'timestamptz' }, jobs);
}

/** Gives invitations their new sends and delivery states. */
export function updateInvitationsSql(dialect: Dialect, updates: InvitationUpdate[]): Statement {
  const send = { id: 'text', tokenHash: 'text', lastSentAt: 'timestamptz', expiresAt: 'timestamptz', sendCount: 'int' };
  const delivery = {
    ...{ deliveryStatus: 'text', deliveryAttempts: 'int', deliveryLastAttemptAt: 'timestamptz' },
    deliveryError: 'text',
  };
  return updateRowsSql(dialect, 'invitations', { ...send, ...delivery }, updates);
}
