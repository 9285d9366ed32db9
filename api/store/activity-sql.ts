/**
 * The activity log's SQL, written once for SQLite and PostgreSQL: each row is numbered
 * (`seq`) in the order it was added, and a page walks that number down from the newest,
 * along the index `(group_id, seq)` or `(group_id, type, seq)`.
 */
import { insertRowsSql, type Columns } from './bulk-sql.ts';
import type { Dialect, ListSql, Param, Statement } from './sql-lists.ts';
import type { ActivityFilter, ActivityRow } from './store.ts';

const COLUMNS = `id, group_id AS "groupId", type, occurred_at AS "occurredAt", actor_id AS "actorId",
  actor_name AS "actorName", actor_email AS "actorEmail", subject_type AS "subjectType", subject_id AS "subjectId",
  subject_label AS "subjectLabel", previous_name AS "previousName", reason`;

/** The columns a row is written with, and their PostgreSQL types. */
const WRITTEN: Columns = {
  ...{ id: 'text', groupId: 'text', type: 'text', occurredAt: 'timestamptz', actorId: 'text', actorName: 'text' },
  ...{ actorEmail: 'text', subjectType: 'text', subjectId: 'text', subjectLabel: 'text', previousName: 'text' },
  reason: 'text',
};

/** The statement that adds rows, in their order. */
export function insertActivitiesSql(dialect: Dialect, rows: ActivityRow[]): Statement {
  return insertRowsSql(dialect, 'activity', WRITTEN, rows);
}

/** The count of a group's rows that match, and the page after `filter.after` (one row more than the limit). */
export function activityListSql(dialect: Dialect, groupId: string, filter: ActivityFilter): ListSql {
  const params: Param[] = [];
  const param = (value: Param) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  const where = [`group_id = ${param(groupId)}`];
  if (filter.type) where.push(`type = ${param(filter.type)}`);
  const count = { text: `SELECT count(*) AS n FROM activity WHERE ${where.join(' AND ')}`, params: [...params] };
  if (filter.after) where.push(`seq < ${param(Number(filter.after.key))}`);
  const text = `SELECT ${COLUMNS}, seq AS "sortKey" FROM activity WHERE ${where.join(' AND ')}
    ORDER BY seq DESC LIMIT ${param(filter.limit + 1)}`;
  return { count, items: { text, params } };
}
