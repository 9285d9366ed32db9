/**
 * The list queries of the SQL stores (SQLite, PostgreSQL), written once: the conditions a
 * filter makes, the order a sort key names, and the window. Each store runs the SQL.
 */
import type { InvitationFilter, InvitationMatch, ListKey, Listed, MemberFilter } from './store.ts';

export type Param = string | number | null;

/** How a database writes a parameter and a substring test. */
export interface Dialect {
  /** The placeholder of the parameter at `index` (1-based). */
  placeholder(index: number): string;
  /** True when the text `column` contains the text of the placeholder `param`. */
  contains(column: string, param: string): string;
}

export const SQLITE: Dialect = {
  placeholder: () => '?',
  contains: (column, param) => `instr(${column}, ${param}) > 0`,
};

export const POSTGRES: Dialect = {
  placeholder: (index) => `$${index}`,
  contains: (column, param) => `strpos(${column}, ${param}) > 0`,
};

const SORT_COLUMNS: Record<string, (table: string) => string> = {
  email: (t) => `lower(${t}.email)`,
  name: (t) => `lower(${t}.name)`,
  joinedAt: (t) => `${t}.joined_at`,
  createdAt: (t) => `${t}.created_at`,
  expiresAt: (t) => `${t}.expires_at`,
  lastSentAt: (t) => `${t}.last_sent_at`,
};

/** What a list reads: its columns, its tables (`FROM …`) and the alias of its main table. */
export interface ListSource {
  columns: string;
  tables: string;
  alias: string;
}

/** The two statements of a list: the filtered count, and the sorted window of rows. */
export interface ListSql {
  count: { text: string; params: Param[] };
  items: { text: string; params: Param[] };
}

function conditions(dialect: Dialect) {
  const where: string[] = [];
  const params: Param[] = [];
  const param = (value: Param) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  return { where, params, param };
}

function listSql(
  source: ListSource,
  built: ReturnType<typeof conditions>,
  filter: MemberFilter | InvitationFilter,
): ListSql {
  const { where, params, param } = built;
  const descending = filter.sort.startsWith('-');
  const byColumn = SORT_COLUMNS[descending ? filter.sort.slice(1) : filter.sort];
  const column = byColumn ? byColumn(source.alias) : `${source.alias}.created_at`;
  const direction = descending ? 'DESC' : 'ASC';
  const count = { text: `SELECT count(*) AS n ${source.tables} WHERE ${where.join(' AND ')}`, params: [...params] };
  // Keyset: the page starts after the last row shown (`sortKey` carries its key).
  if (filter.after) {
    const after = `(${param(filter.after.key)}, ${param(filter.after.id)})`;
    where.push(`(${column}, ${source.alias}.id) ${descending ? '<' : '>'} ${after}`);
  }
  const from = `${source.tables} WHERE ${where.join(' AND ')}`;
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
    const inEmail = dialect.contains('lower(m.email)', param(filter.q));
    where.push(`(${inEmail} OR ${dialect.contains('lower(m.name)', param(filter.q))})`);
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
  const { where, params, param } = invitationConditions(dialect, groupId, match);
  const doomed = `SELECT i.id FROM invitations i WHERE ${where.join(' AND ')} ORDER BY i.expires_at LIMIT ${param(limit)}`;
  return { text: `DELETE FROM invitations WHERE id IN (${doomed})`, params };
}

function invitationConditions(dialect: Dialect, groupId: string, filter: InvitationMatch) {
  const built = conditions(dialect);
  const { where, param } = built;
  where.push(`i.group_id = ${param(groupId)}`);
  if (filter.status === 'pending') where.push(`i.expires_at > ${param(filter.now)}`);
  if (filter.status === 'expired') where.push(`i.expires_at <= ${param(filter.now)}`);
  if (filter.role) where.push(`i.role = ${param(filter.role)}`);
  if (filter.subgroupId) where.push(`i.subgroup_id = ${param(filter.subgroupId)}`);
  if (filter.q) where.push(dialect.contains('lower(i.email)', param(filter.q)));
  return built;
}
