/**
 * The store on PostgreSQL (`postgres` from npm), for several server instances on one
 * database. Migrations run on open under an advisory lock, so instances that start together
 * do not race. A transaction holds a connection of its own (`BEGIN … COMMIT`, READ COMMITTED);
 * `lockGroup` takes `SELECT … FOR UPDATE` on the group row, so two instances that count a
 * group's seats take turns, and each sees what the other committed.
 */
import postgres from 'postgres';
import type {
  ActivityRow,
  ActivityStorage,
  GroupStorage,
  InvitationStorage,
  InvitationView,
  MailStorage,
  MemberStorage,
  MemberView,
  RemovedInvitation,
  ResponseStorage,
  Storage,
  Store,
  StoredMail,
  StoredResponse,
  SubgroupRow,
  SubgroupStorage,
  SubgroupView,
  Transaction,
} from './store.ts';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { OUTBOX_KEEPS, OUTBOX_PAGE } from './store.ts';
import {
  POSTGRES,
  deleteMatchingSql,
  invitationCountSql,
  invitationListSql,
  memberCountSql,
  memberListSql,
  pageOf,
  type Statement,
} from './sql-lists.ts';
import { nameKey } from './name-key.ts';
import { jobsOn } from './postgres-jobs.ts';
import { activityListSql, insertActivitiesSql } from './activity-sql.ts';
import { columnOf, updateInvitationsSql } from './bulk-sql.ts';

type Value = string | number | boolean | null | string[];

/** Runs one statement on a connection (the pool, or a transaction's own). */
type Query = <T>(text: string, params?: Value[]) => Promise<T[]>;

/** A connection's way to run a statement with parameters (the pool's, or a transaction's). */
interface Connection {
  unsafe(text: string, params: Value[]): PromiseLike<unknown>;
}

/** Rows come back with camel-cased columns, as the row types name them. */
const queryOn =
  (connection: Connection): Query =>
  async <T>(text: string, params: Value[] = []) =>
    (await connection.unsafe(text, params)) as T[];

/** Any number, so that only our migrations take this advisory lock. */
const MIGRATION_LOCK = 7_210_482_113;

/** What member lists read (exported for the plans `scripts/explain-pg.ts` prints). */
export const MEMBER_SOURCE = {
  columns: `m.id, m.group_id, m.email, m.name, m.role, m.subgroup_id, m.status, m.joined_at, m.password_hash,
    s.name AS subgroup_name`,
  tables: `FROM members m LEFT JOIN subgroups s ON s.id = m.subgroup_id`,
  table: 'members',
  alias: 'm',
};
const MEMBER_SELECT = `SELECT ${MEMBER_SOURCE.columns} ${MEMBER_SOURCE.tables}`;
const INVITATION_COLUMNS = `i.id, i.group_id, i.email, i.name, i.role, i.subgroup_id, i.token_hash, i.created_at,
  i.last_sent_at, i.expires_at, i.send_count, i.invited_by_id, i.locale, s.name AS subgroup_name,
  COALESCE(b.email, '') AS invited_by_email, i.delivery_status, i.delivery_attempts, i.delivery_last_attempt_at,
  i.delivery_error`;
const INVITATION_FROM = `FROM invitations i LEFT JOIN subgroups s ON s.id = i.subgroup_id
  LEFT JOIN members b ON b.id = i.invited_by_id`;
/** What invitation lists read. */
export const INVITATION_SOURCE = {
  columns: INVITATION_COLUMNS,
  tables: INVITATION_FROM,
  table: 'invitations',
  alias: 'i',
};
const SUBGROUP_SELECT = `SELECT id, group_id, name, created_at FROM subgroups`;

/** `2026-11-29 22:55:42.123+00` (a timestamptz in UTC) as `2026-11-29T22:55:42.123Z`. */
function isoTime(text: string): string {
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
}

/** Rows as one JSON parameter, with the table's column names (`groupId` → `group_id`). */
function snakeCased(rows: object[]): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [columnOf(k), v]))));
}

/** Connects to `url` (`postgres://…`) and runs the migrations that have not run yet. */
export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<Store> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connection: { TimeZone: 'UTC' },
    transform: { column: { from: postgres.toCamel } },
    types: { time: { to: 1184, from: [1184], serialize: (value: string) => value, parse: isoTime } },
  });
  await migrate(sql);
  const store: Store = {
    ...storageOn(queryOn(sql)),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      sql.begin(async (connection) => {
        const query = queryOn(connection);
        const tx: Transaction = {
          ...storageOn(query),
          lockGroup: async (groupId) => void (await query(`SELECT id FROM groups WHERE id = $1 FOR UPDATE`, [groupId])),
          transaction: (nested) => nested(tx),
        };
        return work(tx);
      }) as Promise<T>,
    ping: async () => void (await sql.unsafe('SELECT 1')),
    close: () => sql.end({ timeout: 5 }),
  };
  return store;
}

async function migrate(sql: postgres.Sql) {
  await sql.begin(async (tx) => {
    // Held until this transaction ends: a second instance starting now waits, then finds nothing to do.
    await tx.unsafe(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.unsafe(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL)`);
    const [row] = await tx.unsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM schema_migrations`);
    for (const [index, migration] of POSTGRES_MIGRATIONS.entries()) {
      if (index < (row?.n ?? 0)) continue;
      await tx.unsafe(migration);
      await tx.unsafe(`INSERT INTO schema_migrations (version) VALUES ($1)`, [index + 1]);
    }
  });
}

function storageOn(query: Query): Storage {
  const one = async <T>(text: string, params: Value[] = []) => (await query<T>(text, params))[0];
  const run = async (text: string, params: Value[] = []) => void (await query(text, params));
  const countOf = async ({ text, params }: Statement) => Number((await one<{ n: string }>(text, params))?.n ?? 0);
  const runStatement = ({ text, params }: Statement) => run(text, params);
  const db = { query, one, run, countOf, runStatement };
  return {
    ...groupsOn(db),
    ...subgroupsOn(db),
    ...membersOn(db),
    ...invitationsOn(db),
    ...responsesOn(db),
    ...mailsOn(db),
    ...jobsOn(db),
    ...activityOn(db),
  };
}

interface Db {
  query: Query;
  one: <T>(text: string, params?: Value[]) => Promise<T | undefined>;
  run: (text: string, params?: Value[]) => Promise<void>;
  /** Runs a statement that answers one number, `n`. */
  countOf: (statement: Statement) => Promise<number>;
  /** Runs a statement written for both SQL stores. */
  runStatement: (statement: Statement) => Promise<void>;
}

function groupsOn({ one, run, countOf }: Db): GroupStorage {
  return {
    group: (id) => one(`SELECT id, name, total_seats FROM groups WHERE id = $1`, [id]),
    insertGroup: (row) =>
      run(`INSERT INTO groups (id, name, total_seats) VALUES ($1, $2, $3)`, [row.id, row.name, row.totalSeats]),
    setTotalSeats: (id, totalSeats) => run(`UPDATE groups SET total_seats = $1 WHERE id = $2`, [totalSeats, id]),
    async seatCounts(groupId, now) {
      const [active, pending, expired] = await Promise.all([
        countOf(memberCountSql(POSTGRES, groupId, { status: 'active', sort: 'email' })),
        countOf(invitationCountSql(POSTGRES, groupId, { status: 'pending', now })),
        countOf(invitationCountSql(POSTGRES, groupId, { status: 'expired', now })),
      ]);
      return { active, pending, expired };
    },
  };
}

function subgroupsOn({ query, one, run }: Db): SubgroupStorage {
  return {
    subgroups: (groupId) =>
      query<SubgroupView>(
        `SELECT s.id, s.group_id, s.name, s.created_at,
           (SELECT coalesce(sum(n), 0)::int FROM member_counts m WHERE m.group_id = s.group_id AND m.subgroup_id = s.id
             AND m.status = 'active') AS member_count,
           (SELECT coalesce(sum(n), 0)::int FROM invitation_counts i WHERE i.group_id = s.group_id
             AND i.subgroup_id = s.id) AS invitation_count
         FROM subgroups s WHERE s.group_id = $1 ORDER BY lower(s.name), s.id`,
        [groupId],
      ),
    subgroup: (groupId, id) => one<SubgroupRow>(`${SUBGROUP_SELECT} WHERE group_id = $1 AND id = $2`, [groupId, id]),
    subgroupByName: (groupId, name) =>
      one<SubgroupRow>(`${SUBGROUP_SELECT} WHERE group_id = $1 AND name_key = $2`, [groupId, nameKey(name)]),
    insertSubgroup: (row) =>
      run(`INSERT INTO subgroups (id, group_id, name, name_key, created_at) VALUES ($1, $2, $3, $4, $5)`, [
        row.id,
        row.groupId,
        row.name,
        nameKey(row.name),
        row.createdAt,
      ]),
    renameSubgroup: (id, name) =>
      run(`UPDATE subgroups SET name = $1, name_key = $2 WHERE id = $3`, [name, nameKey(name), id]),
    async deleteSubgroup(id) {
      await run(`UPDATE members SET subgroup_id = NULL WHERE subgroup_id = $1`, [id]);
      await run(`UPDATE invitations SET subgroup_id = NULL WHERE subgroup_id = $1`, [id]);
      await run(`DELETE FROM subgroups WHERE id = $1`, [id]);
    },
  };
}

/** Runs a list's window of rows and the statement that counts its matches. */
function listOn({ query, countOf }: Db) {
  return async <T extends { id: string }>(items: Statement, count: Statement, limit: number) => {
    const [rows, total] = await Promise.all([
      query<T & { sortKey: unknown }>(items.text, items.params),
      countOf(count),
    ]);
    return { total, ...pageOf(rows, limit) };
  };
}

function membersOn(db: Db): MemberStorage {
  const { query, one, run } = db;
  const list = listOn(db);
  return {
    member: (id) => one<MemberView>(`${MEMBER_SELECT} WHERE m.id = $1`, [id]),
    memberByEmail: (groupId, key) =>
      one<MemberView>(`${MEMBER_SELECT} WHERE m.group_id = $1 AND lower(m.email) = $2`, [groupId, key]),
    membersByEmail: (groupId, keys) =>
      query<MemberView>(`${MEMBER_SELECT} WHERE m.group_id = $1 AND lower(m.email) = ANY($2::text[])`, [groupId, keys]),
    members(groupId, filter) {
      const { items, count } = memberListSql(POSTGRES, MEMBER_SOURCE, groupId, filter);
      // Without a search, the total comes from the kept counts.
      return list<MemberView>(items, filter.q ? count : memberCountSql(POSTGRES, groupId, filter), filter.limit);
    },
    insertMember: (row) =>
      run(
        `INSERT INTO members (id, group_id, email, name, role, subgroup_id, status, joined_at, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.id,
          row.groupId,
          row.email,
          row.name,
          row.role,
          row.subgroupId,
          row.status,
          row.joinedAt,
          row.passwordHash,
        ],
      ),
    insertMembers: (rows) =>
      run(
        `INSERT INTO members (id, group_id, email, name, role, subgroup_id, status, joined_at, password_hash)
         SELECT id, group_id, email, name, role, subgroup_id, status, joined_at, password_hash
         FROM json_populate_recordset(NULL::members, $1::text::json)`,
        [snakeCased(rows)],
      ),
    setMemberStatus: (id, status) => run(`UPDATE members SET status = $1 WHERE id = $2`, [status, id]),
  };
}

function invitationsOn(db: Db): InvitationStorage {
  const { query, one, run } = db;
  const list = listOn(db);
  const source = INVITATION_SOURCE;
  const select = `SELECT ${INVITATION_COLUMNS} ${INVITATION_FROM}`;
  return {
    invitation: (groupId, id) => one<InvitationView>(`${select} WHERE i.group_id = $1 AND i.id = $2`, [groupId, id]),
    invitationByEmail: (groupId, key) =>
      one<InvitationView>(`${select} WHERE i.group_id = $1 AND lower(i.email) = $2`, [groupId, key]),
    invitationsByEmail: (groupId, keys) =>
      query<InvitationView>(`${select} WHERE i.group_id = $1 AND lower(i.email) = ANY($2::text[])`, [groupId, keys]),
    invitationByTokenHash: (tokenHash) => one<InvitationView>(`${select} WHERE i.token_hash = $1`, [tokenHash]),
    invitations(groupId, filter) {
      const { items, count } = invitationListSql(POSTGRES, source, groupId, filter);
      const total = filter.q || filter.delivery ? count : invitationCountSql(POSTGRES, groupId, filter);
      return list<InvitationView>(items, total, filter.limit);
    },
    insertInvitation: (row) =>
      run(
        `INSERT INTO invitations (id, group_id, email, role, subgroup_id, token_hash, created_at, last_sent_at,
           expires_at, send_count, invited_by_id, locale, name, delivery_status, delivery_attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          ...[row.id, row.groupId, row.email, row.role, row.subgroupId, row.tokenHash, row.createdAt, row.lastSentAt],
          ...[row.expiresAt, row.sendCount, row.invitedById, row.locale, row.name],
          ...[row.deliveryStatus ?? 'sent', row.deliveryAttempts ?? 1],
        ],
      ),
    insertInvitations: (rows) =>
      run(
        `INSERT INTO invitations (id, group_id, email, role, subgroup_id, token_hash, created_at, last_sent_at,
           expires_at, send_count, invited_by_id, locale, name)
         SELECT id, group_id, email, role, subgroup_id, token_hash, created_at, last_sent_at, expires_at, send_count,
           invited_by_id, locale, name
         FROM json_populate_recordset(NULL::invitations, $1::text::json)`,
        [snakeCased(rows)],
      ),
    setDelivery: (id, send, state) =>
      run(
        `UPDATE invitations SET delivery_status = $1, delivery_attempts = $2, delivery_last_attempt_at = $3,
           delivery_error = $4 WHERE id = $5 AND send_count = $6`,
        [state.deliveryStatus, state.deliveryAttempts, state.deliveryLastAttemptAt, state.deliveryError, id, send],
      ),
    updateInvitations: (updates) => db.runStatement(updateInvitationsSql(POSTGRES, updates)),
    deleteInvitation: (id) => run(`DELETE FROM invitations WHERE id = $1`, [id]),
    async deleteInvitationsMatching(groupId, match, limit) {
      const { text, params } = deleteMatchingSql(POSTGRES, groupId, match, limit);
      return query<RemovedInvitation>(`${text} RETURNING id, email`, params);
    },
  };
}

function responsesOn({ query, one, run }: Db): ResponseStorage {
  return {
    storedResponse: (scope, key) =>
      one<StoredResponse>(
        `SELECT scope, key, fingerprint, status, body, created_at FROM stored_responses WHERE scope = $1 AND key = $2`,
        [scope, key],
      ),
    claimResponse: async (r) =>
      (
        await query(
          `INSERT INTO stored_responses (scope, key, fingerprint, status, body, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
          [r.scope, r.key, r.fingerprint, r.status, r.body, r.createdAt],
        )
      ).length > 0,
    forgetResponse: (scope, key) => run(`DELETE FROM stored_responses WHERE scope = $1 AND key = $2`, [scope, key]),
    storeResponse: (r) =>
      run(
        `INSERT INTO stored_responses (scope, key, fingerprint, status, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (scope, key) DO UPDATE SET fingerprint = $3, status = $4, body = $5, created_at = $6`,
        [r.scope, r.key, r.fingerprint, r.status, r.body, r.createdAt],
      ),
    purgeResponses: (before) => run(`DELETE FROM stored_responses WHERE created_at < $1`, [before]),
  };
}

function mailsOn({ query, run }: Db): MailStorage {
  return {
    async addMail(m) {
      await run(
        `INSERT INTO outbox (recipient, subject, text, html, accept_url, sent_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [m.to, m.subject, m.text, m.html, m.acceptUrl, m.sentAt],
      );
      await run(`DELETE FROM outbox WHERE seq <= (SELECT max(seq) FROM outbox) - $1`, [OUTBOX_KEEPS]);
    },
    mails: (to, limit = OUTBOX_PAGE) =>
      query<StoredMail>(
        `SELECT recipient AS to, subject, text, html, accept_url, sent_at FROM outbox
         WHERE $1::text IS NULL OR lower(recipient) = $1 ORDER BY seq DESC LIMIT $2`,
        [to ?? null, limit],
      ),
  };
}

function activityOn(db: Db): ActivityStorage {
  const list = listOn(db);
  return {
    insertActivities: (rows) => db.runStatement(insertActivitiesSql(POSTGRES, rows)),
    activity(groupId, filter) {
      const { items, count } = activityListSql(POSTGRES, groupId, filter);
      return list<ActivityRow>(items, count, filter.limit);
    },
  };
}
