/**
 * The list queries of the SQL stores, written once: the conditions a filter makes, the order
 * a sort key names, the window (PostgreSQL; SQLite adds planner hints of its own in
 * sqlite-lists.ts), and the counts both stores keep (tables that triggers maintain in the
 * writing transaction, see the migrations). Each store runs the SQL.
 */
import type { InvitationFilter, InvitationMatch, ListKey, Listed, MemberFilter } from './store.ts';

export type Param = string | number | null;

/** How a database writes a parameter, a substring test and a time earlier by a number of seconds. */
export interface Dialect {
  /** The placeholder of the parameter at `index` (1-based). */
  placeholder(index: number): string;
  /** True when the text `column` contains the text of the placeholder `param` (a {@link Dialect.pattern}). */
  contains(column: string, param: string): string;
  /** The parameter value that {@link Dialect.contains} looks for, from the lower-case text searched. */
  pattern(q: string): string;
  /** The time `seconds` (an SQL expression) before the time of the placeholder `time`. */
  secondsBefore(time: string, seconds: string): string;
  /**
   * The objects of a JSON array (the text of the placeholder `param`) as a table `r`, for writing
   * many rows in one statement: a column per key of `columns` (named as the key, typed as its
   * value says on PostgreSQL) and `n`, the object's position in the array.
   */
  jsonRows(param: string, columns: Record<string, string>): string;
}

export const SQLITE: Dialect = {
  placeholder: () => '?',
  contains: (column, param) => `instr(${column}, ${param}) > 0`,
  pattern: (q) => q,
  secondsBefore: (time, seconds) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${time}, '-' || (${seconds}) || ' seconds')`,
  jsonRows: (param, columns) =>
    `(SELECT ${Object.keys(columns)
      .map((key) => `value ->> '${key}' AS "${key}"`)
      .join(', ')}, key AS n FROM json_each(${param})) AS r`,
};

/** PostgreSQL: `LIKE '%…%'`, which the trigram (pg_trgm) indexes serve. */
export const POSTGRES: Dialect = {
  placeholder: (index) => `$${index}`,
  contains: (column, param) => `${column} LIKE ${param}`,
  pattern: (q) => `%${q.replace(/[\\%_]/g, '\\$&')}%`,
  secondsBefore: (time, seconds) => `(${time}::timestamptz - (${seconds}) * interval '1 second')`,
  jsonRows: (param, columns) => {
    const keys = Object.keys(columns).map((key) => `"${key}"`);
    const typed = Object.entries(columns).map(([key, type]) => `"${key}" ${type}`);
    return `ROWS FROM (json_to_recordset(${param}::text::json) AS (${typed.join(', ')})) WITH ORDINALITY
      AS r(${keys.join(', ')}, n)`;
  },
};

const SORT_COLUMNS: Record<string, (table: string) => string> = {
  email: (t) => `lower(${t}.email)`,
  name: (t) => `lower(${t}.name)`,
  joinedAt: (t) => `${t}.joined_at`,
  createdAt: (t) => `${t}.created_at`,
  expiresAt: (t) => `${t}.expires_at`,
  lastSentAt: (t) => `${t}.last_sent_at`,
};

/** What a list reads: its columns, its tables (`FROM …`), its main table and that table's alias. */
export interface ListSource {
  columns: string;
  tables: string;
  table: string;
  alias: string;
}

export interface Statement {
  text: string;
  params: Param[];
}

/** The two statements of a list: the sorted window of rows, and a count of every match. */
export interface ListSql {
  count: Statement;
  items: Statement;
}

export function conditions(dialect: Dialect) {
  const where: string[] = [];
  const params: Param[] = [];
  const param = (value: Param) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  return { where, params, param, text: () => where.join(' AND ') };
}

type Conditions = ReturnType<typeof conditions>;

function listSql(source: ListSource, built: Conditions, filter: MemberFilter | InvitationFilter): ListSql {
  const { where, params, param } = built;
  const descending = filter.sort.startsWith('-');
  const byColumn = SORT_COLUMNS[descending ? filter.sort.slice(1) : filter.sort];
  const column = byColumn ? byColumn(source.alias) : `${source.alias}.created_at`;
  const direction = descending ? 'DESC' : 'ASC';
  const count = {
    text: `SELECT count(*) AS n FROM ${source.table} ${source.alias} WHERE ${built.text()}`,
    params: [...params],
  };
  // Keyset: the page starts after the last row shown (`sortKey` carries its key).
  if (filter.after) {
    const after = `(${param(filter.after.key)}, ${param(filter.after.id)})`;
    where.push(`(${column}, ${source.alias}.id) ${descending ? '<' : '>'} ${after}`);
  }
  const from = `${source.tables} WHERE ${built.text()}`;
  const order = `ORDER BY ${column} ${direction}, ${source.alias}.id ${direction} LIMIT ${param(filter.limit + 1)}`;
  const text = `SELECT ${source.columns}, ${column} AS sort_key ${from} ${order}`;
  return { count, items: { text, params } };
}

/** A page from the rows a list read (one more than `limit`, each with its `sortKey`). */
export function pageOf<T extends { id: string }>(
  rows: Array<T & { sortKey: unknown }>,
  limit: number,
): Omit<Listed<T>, 'total'> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: ListKey | null = rows.length > limit && last ? { key: keyText(last.sortKey), id: last.id } : null;
  return { items: page.map(({ sortKey: _key, ...row }) => row as unknown as T), next };
}

/** A sort key as text: PostgreSQL answers timestamps as dates. */
const keyText = (key: unknown) => (key instanceof Date ? key.toISOString() : String(key));

/** A group's members that match `filter` (the main table's alias is `m`). */
export function memberListSql(dialect: Dialect, source: ListSource, groupId: string, filter: MemberFilter): ListSql {
  const built = conditions(dialect);
  const { where, param } = built;
  where.push(`m.group_id = ${param(groupId)}`);
  if (filter.status) where.push(`m.status = ${param(filter.status)}`);
  if (filter.role) where.push(`m.role = ${param(filter.role)}`);
  if (filter.subgroupId) where.push(`m.subgroup_id = ${param(filter.subgroupId)}`);
  if (filter.q) {
    const inEmail = dialect.contains('lower(m.email)', param(dialect.pattern(filter.q)));
    where.push(`(${inEmail} OR ${dialect.contains('lower(m.name)', param(dialect.pattern(filter.q)))})`);
  }
  return listSql(source, built, filter);
}

/** A group's invitations that match `filter` (the main table's alias is `i`). */
export function invitationListSql(
  dialect: Dialect,
  source: ListSource,
  groupId: string,
  filter: InvitationFilter,
): ListSql {
  return listSql(source, invitationConditions(dialect, groupId, filter), filter);
}

/** Deletes up to `limit` of a group's invitations that match (the soonest to expire first). */
export function deleteMatchingSql(dialect: Dialect, groupId: string, match: InvitationMatch, limit: number) {
  const { params, param, text } = invitationConditions(dialect, groupId, match);
  const doomed = `SELECT i.id FROM invitations i WHERE ${text()} ORDER BY i.expires_at LIMIT ${param(limit)}`;
  // An array of ids: each is found by the primary key (`IN (…)` joins, and may read the whole table).
  return { text: `DELETE FROM invitations WHERE id = ANY (ARRAY(${doomed}))`, params };
}

/**
 * The latest time at which an invitation expired at the placeholder `now` can have been created
 * or last sent: `now` less the group's shortest span from sending to expiry (whole seconds,
 * kept in `invitation_spans`). A list of expired invitations sorted by creation starts its
 * index walk there instead of passing every pending invitation first.
 */
export function latestExpiredSend(dialect: Dialect, now: string, groupId: string) {
  return dialect.secondsBefore(now, `SELECT shortest FROM invitation_spans WHERE group_id = ${groupId}`);
}

function invitationConditions(dialect: Dialect, groupId: string, filter: InvitationMatch) {
  const built = conditions(dialect);
  const { where, param } = built;
  where.push(`i.group_id = ${param(groupId)}`);
  if (filter.status === 'pending') where.push(`i.expires_at > ${param(filter.now)}`);
  if (filter.status === 'expired') {
    where.push(`i.expires_at <= ${param(filter.now)}`);
    const latest = latestExpiredSend(dialect, param(filter.now), param(groupId));
    where.push(`i.created_at <= ${latest}`, `i.last_sent_at <= ${latest}`);
  }
  if (filter.role) where.push(`i.role = ${param(filter.role)}`);
  if (filter.subgroupId) where.push(`i.subgroup_id = ${param(filter.subgroupId)}`);
  if (filter.delivery) where.push(`i.delivery_status = ${param(filter.delivery)}`);
  if (filter.q) where.push(dialect.contains('lower(i.email)', param(dialect.pattern(filter.q))));
  return built;
}

/** Which invitations a kept count covers. */
export type CountedInvitations = Pick<InvitationFilter, 'status' | 'role' | 'subgroupId' | 'now'>;

/**
 * Counts a group's invitations from the kept counts: whole hours of expiry from
 * `invitation_counts`, and only the rows that expire in the current hour one by one (a range
 * of the expiry index).
 */
export function invitationCountSql(dialect: Dialect, groupId: string, filter: CountedInvitations): Statement {
  const built = conditions(dialect);
  const { param } = built;
  const hour = filter.now.slice(0, 13);
  const scope = () => {
    const where = [`group_id = ${param(groupId)}`];
    if (filter.role) where.push(`role = ${param(filter.role)}`);
    if (filter.subgroupId) where.push(`subgroup_id = ${param(filter.subgroupId)}`);
    return where.join(' AND ');
  };
  // Placeholders are numbered in the order the text is written (SQLite's `?` are positional).
  const kept = (before?: string) => {
    const where = scope();
    return `(SELECT coalesce(sum(n), 0) FROM invitation_counts WHERE ${where}${before ? ` AND expiry_hour < ${param(before)}` : ''})`;
  };
  const expired = () => {
    const hours = kept(hour);
    const where = scope();
    return `${hours} + (SELECT count(*) FROM invitations WHERE ${where}
      AND expires_at >= ${param(`${hour}:00:00.000Z`)} AND expires_at <= ${param(filter.now)})`;
  };
  const total =
    filter.status === 'expired' ? expired() : filter.status === 'pending' ? `${kept()} - (${expired()})` : kept();
  return { text: `SELECT CAST(${total} AS integer) AS n`, params: built.params };
}

/** Counts a group's members that match (no search) from `member_counts`. */
export function memberCountSql(dialect: Dialect, groupId: string, filter: Omit<MemberFilter, 'limit'>): Statement {
  const { where, params, param, text } = conditions(dialect);
  where.push(`group_id = ${param(groupId)}`);
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.role) where.push(`role = ${param(filter.role)}`);
  if (filter.subgroupId) where.push(`subgroup_id = ${param(filter.subgroupId)}`);
  return { text: `SELECT CAST(coalesce(sum(n), 0) AS integer) AS n FROM member_counts WHERE ${text()}`, params };
}
