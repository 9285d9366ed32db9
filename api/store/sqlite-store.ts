/**
 * The store on `node:sqlite`: a file database (WAL) or `:memory:`. Migrations run when it
 * opens; a transaction is `BEGIN IMMEDIATE … COMMIT`, rolled back when the work throws.
 *
 * `node:sqlite` is synchronous and the store has one connection that writes, so transactions
 * take turns (a mutex), and a read or write outside a transaction waits for the one in progress
 * rather than slip into it. Work inside a transaction (found through its async context) joins
 * it, through the store or the `tx` alike, so nested calls never wait on themselves. On a file,
 * the reads that can scan many rows ({@link POOLED_READS}) run outside a transaction on reader
 * threads with connections of their own (`sqlite-reader.ts`), so they never hold the event loop.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync } from 'node:sqlite';
import { createMutex } from './mutex.ts';
import { createReaderPool, type ReaderPool } from './reader-pool.ts';
import { openConnection, sqlOn } from './sqlite-connection.ts';
import type {
  DeliveryState,
  InvitationRow,
  MemberRow,
  ActivityRow,
  ActivityStorage,
  GroupStorage,
  InvitationStorage,
  MailStorage,
  MemberStorage,
  ResponseStorage,
  SubgroupStorage,
  InvitationFilter,
  InvitationMatch,
  InvitationView,
  MemberView,
  RemovedInvitation,
  Storage,
  Store,
  StoredMail,
  StoredResponse,
  SubgroupRow,
  SubgroupView,
  Transaction,
} from './store.ts';
import { OUTBOX_KEEPS, OUTBOX_PAGE } from './store.ts';
import { asyncStorage, settle, type Sync, type SyncStorage } from './sync-storage.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';
import {
  addSearch,
  inGroup,
  countInvitations,
  countMembers,
  listPage,
  runStatement,
  seatCountsOf,
  type Sql,
} from './sqlite-lists.ts';
import { nameKey } from './name-key.ts';
import { jobsOn } from './sqlite-jobs.ts';
import { activityListSql, insertActivitiesSql } from './activity-sql.ts';
import { updateInvitationsSql } from './bulk-sql.ts';
import { SQLITE, latestExpiredSend, pageOf } from './sql-lists.ts';

const MEMBER_COLUMNS = `m.id, m.group_id AS groupId, m.email, m.name, m.role, m.subgroup_id AS subgroupId,
  m.status, m.joined_at AS joinedAt, m.password_hash AS passwordHash, s.name AS subgroupName`;
const MEMBER_FROM = `FROM members m LEFT JOIN subgroups s ON s.id = m.subgroup_id`;
const INVITATION_COLUMNS = `i.id, i.group_id AS groupId, i.email, i.name, i.role, i.subgroup_id AS subgroupId,
  i.token_hash AS tokenHash, i.created_at AS createdAt, i.last_sent_at AS lastSentAt, i.expires_at AS expiresAt,
  i.send_count AS sendCount, i.invited_by_id AS invitedById, i.locale, s.name AS subgroupName,
  COALESCE(b.email, '') AS invitedByEmail, i.delivery_status AS deliveryStatus, i.delivery_attempts AS deliveryAttempts,
  i.delivery_last_attempt_at AS deliveryLastAttemptAt, i.delivery_error AS deliveryError`;
const INVITATION_FROM = `FROM invitations i LEFT JOIN subgroups s ON s.id = i.subgroup_id
  LEFT JOIN members b ON b.id = i.invited_by_id`;
const SUBGROUP_COLUMNS = `id, group_id AS groupId, name, created_at AS createdAt`;
const MEMBER_LIST = { columns: MEMBER_COLUMNS, tables: MEMBER_FROM, alias: 'm' };
const INVITATION_LIST = { columns: INVITATION_COLUMNS, tables: INVITATION_FROM, alias: 'i' };
/** A JSON array of lower-cased addresses, as one parameter. */
const IN_KEYS = `IN (SELECT value FROM json_each(?))`;

/**
 * The reads that can scan many rows. Outside a transaction they run on reader threads, each
 * with its own connection, so that the event loop never waits for them; inside one they run
 * on the writer's connection, which sees the transaction's own writes.
 */
export const POOLED_READS = [
  'invitations',
  'members',
  'activity',
  'invitationsByEmail',
  'membersByEmail',
  'subgroups',
] as const satisfies ReadonlyArray<keyof Storage>;

type PooledReads = Pick<Storage, (typeof POOLED_READS)[number]>;

/** Reader threads unless told otherwise (`SQLITE_READERS` on the reference server). */
export const DEFAULT_READERS = 2;

/** The reader thread's module, as this one runs: `.ts` from the source, `.js` from the built package. */
const READER_SCRIPT = new URL(
  `./sqlite-reader${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`,
  import.meta.url,
);

export interface SqliteStoreOptions {
  /**
   * Reader threads for lists and other long reads (default {@link DEFAULT_READERS}); `0` runs
   * every query on the main thread. A `:memory:` database cannot be shared, so it has none.
   */
  readers?: number | undefined;
}

/**
 * Opens (and migrates) the database at `path`, or an in-memory one for `:memory:`. Call
 * `close()` when done: it stops the reader threads.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const readers = path === ':memory:' || path === '' ? 0 : (options.readers ?? DEFAULT_READERS);
  if (!Number.isInteger(readers) || readers < 0) {
    throw new RangeError(`SQLite reader threads (SQLITE_READERS): a whole number from 0, not ${options.readers}.`);
  }
  const db = openConnection(path, { readOnly: false });
  // secure_delete: deleted rows are overwritten with zeros, so their bytes leave the file.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
  migrate(db);
  const sql = sqlOn(db);
  const storage = storageOn(sql);
  const mutex = createMutex();
  const current = new AsyncLocalStorage<Transaction>();
  const tx: Transaction = {
    ...asyncStorage(storage, settle),
    lockGroup: () => Promise.resolve(),
    transaction: (work) => work(tx),
  };

  async function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await current.run(tx, () => work(tx));
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  // A synchronous step cannot interleave with anything: only a transaction in progress is waited for.
  const writer = asyncStorage(storage, (run) =>
    current.getStore() || mutex.idle ? settle(run) : mutex.run(() => settle(run)),
  );
  const pool = readers > 0 ? createReaderPool(READER_SCRIPT, { path }, readers) : undefined;
  return {
    ...writer,
    ...(pool ? pooledReads(pool, writer, () => current.getStore() !== undefined) : {}),
    transaction: (work) => (current.getStore() ? work(tx) : mutex.run(() => transaction(work))),
    ping: () => mutex.run(() => settle(() => void sql.one('SELECT 1'))),
    close: () =>
      mutex.run(async () => {
        await pool?.close();
        db.close();
      }),
  };
}

type Read = (...args: unknown[]) => Promise<unknown>;

/** {@link POOLED_READS} on `pool`, or on `writer` inside a transaction. */
function pooledReads(pool: ReaderPool, writer: Storage, inTransaction: () => boolean): PooledReads {
  const onWriter = writer as unknown as Record<keyof PooledReads, Read>;
  const read = (name: keyof PooledReads): Read => {
    return (...args) => (inTransaction() ? onWriter[name](...args) : pool.call(name, args));
  };
  return Object.fromEntries(POOLED_READS.map((name) => [name, read(name)])) as unknown as PooledReads;
}

/** The store's reads and writes on one connection. */
export function storageOn(sql: Sql): SyncStorage {
  return {
    ...groupsOn(sql),
    ...subgroupsOn(sql),
    ...membersOn(sql),
    ...invitationsOn(sql),
    ...responsesOn(sql),
    ...mailsOn(sql),
    ...jobsOn(sql),
    ...activityOn(sql),
  };
}

function groupsOn(sql: Sql): Sync<GroupStorage> {
  const { one, run } = sql;
  return {
    group: (id) => one(`SELECT id, name, total_seats AS totalSeats FROM groups WHERE id = ?`, id),
    insertGroup: (row) =>
      run(`INSERT INTO groups (id, name, total_seats) VALUES (?, ?, ?)`, row.id, row.name, row.totalSeats),
    setTotalSeats: (id, totalSeats) => run(`UPDATE groups SET total_seats = ? WHERE id = ?`, totalSeats, id),
    seatCounts: (groupId, now) => seatCountsOf(sql, groupId, now),
  };
}

function subgroupsOn({ one, all, run }: Sql): Sync<SubgroupStorage> {
  return {
    subgroups: (groupId) =>
      all<SubgroupView>(
        `SELECT s.id, s.group_id AS groupId, s.name, s.created_at AS createdAt,
           (SELECT coalesce(sum(n), 0) FROM member_counts m WHERE m.group_id = s.group_id AND m.subgroup_id = s.id
             AND m.status = 'active')
             AS memberCount,
           (SELECT coalesce(sum(n), 0) FROM invitation_counts i WHERE i.group_id = s.group_id AND i.subgroup_id = s.id)
             AS invitationCount
         FROM subgroups s WHERE s.group_id = ? ORDER BY lower(s.name), s.id`,
        groupId,
      ),
    subgroup: (groupId, id) =>
      one<SubgroupRow>(`SELECT ${SUBGROUP_COLUMNS} FROM subgroups WHERE group_id = ? AND id = ?`, groupId, id),
    subgroupByName: (groupId, name) =>
      one<SubgroupRow>(
        `SELECT ${SUBGROUP_COLUMNS} FROM subgroups WHERE group_id = ? AND name_key = ?`,
        groupId,
        nameKey(name),
      ),
    insertSubgroup: (row) =>
      run(
        `INSERT INTO subgroups (id, group_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)`,
        row.id,
        row.groupId,
        row.name,
        nameKey(row.name),
        row.createdAt,
      ),
    renameSubgroup: (id, name) =>
      run(`UPDATE subgroups SET name = ?, name_key = ? WHERE id = ?`, name, nameKey(name), id),
    deleteSubgroup(id) {
      // Both go by the subgroup's index.
      run(`UPDATE members SET subgroup_id = NULL WHERE subgroup_id = ?`, id);
      run(`UPDATE invitations SET subgroup_id = NULL WHERE subgroup_id = ?`, id);
      run(`DELETE FROM subgroups WHERE id = ?`, id);
    },
  };
}

function membersOn(sql: Sql): Sync<MemberStorage> {
  const { one, all, run } = sql;
  const select = `SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM}`;
  const insertMember = (row: MemberRow) =>
    run(
      `INSERT INTO members (id, group_id, email, name, role, subgroup_id, status, joined_at, password_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...[row.id, row.groupId, row.email, row.name, row.role, row.subgroupId, row.status, row.joinedAt],
      row.passwordHash,
    );
  return {
    member: (id) => one<MemberView>(`${select} WHERE m.id = ?`, id),
    memberByEmail: (groupId, key) =>
      one<MemberView>(`${select} WHERE m.group_id = ? AND lower(m.email) = ?`, groupId, key),
    membersByEmail: (groupId, keys) =>
      all<MemberView>(`${select} WHERE m.group_id = ? AND lower(m.email) ${IN_KEYS}`, groupId, JSON.stringify(keys)),
    members(groupId, filter) {
      const found = inGroup('m', groupId, filter.q);
      // A leading + keeps a filter off the indexes, so that the sort's index is walked.
      if (filter.status) found.add('+m.status = ?', filter.status);
      if (filter.role) found.add('+m.role = ?', filter.role);
      if (filter.subgroupId) found.add('m.subgroup_id = ?', filter.subgroupId);
      if (filter.q) addSearch(found, 'm', 'members_search', filter.q, ['email', 'name']);
      const page = listPage<MemberView>(sql, MEMBER_LIST, found, filter.sort, filter);
      return { ...page, total: countMembers(sql, groupId, filter, found) };
    },
    insertMember,
    insertMembers: (rows) => rows.forEach(insertMember),
    setMemberStatus: (id, status) => run(`UPDATE members SET status = ? WHERE id = ?`, status, id),
  };
}

/** The conditions of an invitation filter on `invitations i`. */
function invitationConditions(
  groupId: string,
  filter: Omit<InvitationFilter, 'limit'> | (InvitationMatch & { sort: string }),
) {
  const found = inGroup('i', groupId, filter.q);
  // A leading + keeps a filter off the indexes, so that the sort's index is walked (unless it is the sorted column).
  const expiry = filter.sort.endsWith('expiresAt') ? 'i.expires_at' : '+i.expires_at';
  if (filter.status === 'pending') found.add(`${expiry} > ?`, filter.now);
  if (filter.status === 'expired') {
    found.add(`${expiry} <= ?`, filter.now);
    // Only the sorted column's bound may drive the index walk.
    const indexed = (column: string, sort: string) => `${filter.sort.endsWith(sort) ? '' : '+'}i.${column}`;
    const latest = latestExpiredSend(SQLITE, '?', '?');
    found.add(`${indexed('created_at', 'createdAt')} <= ${latest}`, filter.now, groupId);
    found.add(`${indexed('last_sent_at', 'lastSentAt')} <= ${latest}`, filter.now, groupId);
  }
  if (filter.role) found.add('+i.role = ?', filter.role);
  if (filter.subgroupId) found.add('i.subgroup_id = ?', filter.subgroupId);
  if (filter.delivery) found.add('+i.delivery_status = ?', filter.delivery);
  if (filter.q) addSearch(found, 'i', 'invitations_search', filter.q, ['email']);
  return found;
}

function invitationsOn(sql: Sql): Sync<InvitationStorage> {
  const { one, all, run } = sql;
  const select = `SELECT ${INVITATION_COLUMNS} ${INVITATION_FROM}`;
  const insertInvitation = (row: InvitationRow & Partial<DeliveryState>) =>
    run(
      `INSERT INTO invitations (id, group_id, email, role, subgroup_id, token_hash, created_at, last_sent_at,
         expires_at, send_count, invited_by_id, locale, name, delivery_status, delivery_attempts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...[row.id, row.groupId, row.email, row.role, row.subgroupId, row.tokenHash, row.createdAt, row.lastSentAt],
      ...[row.expiresAt, row.sendCount, row.invitedById, row.locale, row.name],
      ...[row.deliveryStatus ?? 'sent', row.deliveryAttempts ?? 1],
    );
  return {
    invitation: (groupId, id) => one<InvitationView>(`${select} WHERE i.group_id = ? AND i.id = ?`, groupId, id),
    invitationByEmail: (groupId, key) =>
      one<InvitationView>(`${select} WHERE i.group_id = ? AND lower(i.email) = ?`, groupId, key),
    invitationsByEmail: (groupId, keys) =>
      all<InvitationView>(
        `${select} WHERE i.group_id = ? AND lower(i.email) ${IN_KEYS}`,
        groupId,
        JSON.stringify(keys),
      ),
    invitationByTokenHash: (tokenHash) => one<InvitationView>(`${select} WHERE i.token_hash = ?`, tokenHash),
    invitations(groupId, filter) {
      const found = invitationConditions(groupId, filter);
      const page = listPage<InvitationView>(sql, INVITATION_LIST, found, filter.sort, filter);
      // The kept counts know no search text or delivery state: those are counted row by row.
      const total =
        filter.q || filter.delivery
          ? (one<{ n: number }>(`SELECT count(*) AS n FROM invitations i WHERE ${found.text()}`, ...found.params)?.n ??
            0)
          : countInvitations(sql, groupId, filter);
      return { ...page, total };
    },
    insertInvitation,
    insertInvitations: (rows) => rows.forEach(insertInvitation),
    setDelivery: (id, send, state) =>
      run(
        `UPDATE invitations SET delivery_status = ?, delivery_attempts = ?, delivery_last_attempt_at = ?,
           delivery_error = ? WHERE id = ? AND send_count = ?`,
        ...[state.deliveryStatus, state.deliveryAttempts, state.deliveryLastAttemptAt, state.deliveryError, id, send],
      ),
    updateInvitations: (updates) => runStatement(sql, updateInvitationsSql(SQLITE, updates)),
    deleteInvitation: (id) => run(`DELETE FROM invitations WHERE id = ?`, id),
    deleteInvitationsMatching(groupId, match, limit) {
      // Sorted by expiry: a status filter is then a range of that index.
      const found = invitationConditions(groupId, { ...match, sort: 'expiresAt' });
      const doomed = `SELECT i.rowid FROM invitations i WHERE ${found.text()} ORDER BY i.expires_at LIMIT ?`;
      return all<RemovedInvitation>(
        `DELETE FROM invitations WHERE rowid IN (${doomed}) RETURNING id, email`,
        ...found.params,
        limit,
      );
    },
  };
}

function responsesOn({ one, run, changes }: Sql): Sync<ResponseStorage> {
  return {
    storedResponse: (scope, key) =>
      one<StoredResponse>(
        `SELECT scope, key, fingerprint, status, body, created_at AS createdAt FROM stored_responses
         WHERE scope = ? AND key = ?`,
        scope,
        key,
      ),
    claimResponse: (r) =>
      changes(
        `INSERT OR IGNORE INTO stored_responses (scope, key, fingerprint, status, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        ...[r.scope, r.key, r.fingerprint, r.status, r.body, r.createdAt],
      ) > 0,
    forgetResponse: (scope, key) => run(`DELETE FROM stored_responses WHERE scope = ? AND key = ?`, scope, key),
    storeResponse: (r) =>
      run(
        `INSERT OR REPLACE INTO stored_responses (scope, key, fingerprint, status, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        ...[r.scope, r.key, r.fingerprint, r.status, r.body, r.createdAt],
      ),
    purgeResponses: (before) => run(`DELETE FROM stored_responses WHERE created_at < ?`, before),
  };
}

const MAIL_COLUMNS = `recipient AS "to", subject, text, html, accept_url AS acceptUrl, sent_at AS sentAt`;

function mailsOn({ all, run }: Sql): Sync<MailStorage> {
  return {
    addMail(m) {
      run(
        `INSERT INTO outbox (recipient, subject, text, html, accept_url, sent_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ...[m.to, m.subject, m.text, m.html, m.acceptUrl, m.sentAt],
      );
      run(`DELETE FROM outbox WHERE seq <= (SELECT max(seq) FROM outbox) - ?`, OUTBOX_KEEPS);
    },
    mails: (to, limit = OUTBOX_PAGE) =>
      to === undefined
        ? all<StoredMail>(`SELECT ${MAIL_COLUMNS} FROM outbox ORDER BY seq DESC LIMIT ?`, limit)
        : all<StoredMail>(
            `SELECT ${MAIL_COLUMNS} FROM outbox WHERE lower(recipient) = ? ORDER BY seq DESC LIMIT ?`,
            to,
            limit,
          ),
  };
}

function activityOn(sql: Sql): Sync<ActivityStorage> {
  const { one, all } = sql;
  return {
    insertActivities: (rows) => runStatement(sql, insertActivitiesSql(SQLITE, rows)),
    activity(groupId, filter) {
      const { count, items } = activityListSql(SQLITE, groupId, filter);
      const rows = all<ActivityRow & { sortKey: number }>(items.text, ...items.params);
      return { total: one<{ n: number }>(count.text, ...count.params)?.n ?? 0, ...pageOf(rows, filter.limit) };
    },
  };
}

function migrate(db: DatabaseSync) {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const pending = MIGRATIONS.slice(version);
  pending.forEach((sql, index) => {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version + index + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  });
  // Copies the migrated pages into the database file and empties the WAL, old page images included.
  if (pending.length > 0) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}
