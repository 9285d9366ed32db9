/**
 * The store on `node:sqlite`: a file database (WAL) or `:memory:`. Migrations run when it
 * opens; a transaction is `BEGIN IMMEDIATE … COMMIT`, rolled back when the work throws.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type {
  InvitationFilter,
  InvitationView,
  MemberFilter,
  MemberView,
  Store,
  StoredMail,
  StoredResponse,
  SubgroupRow,
  SubgroupView,
} from '../../api/store/store.ts';
import { MIGRATIONS } from './migrations.ts';

const MEMBER_COLUMNS = `m.id, m.group_id AS groupId, m.email, m.name, m.role, m.subgroup_id AS subgroupId,
  m.status, m.joined_at AS joinedAt, m.password_hash AS passwordHash, s.name AS subgroupName`;
const MEMBER_FROM = `FROM members m LEFT JOIN subgroups s ON s.id = m.subgroup_id`;
const INVITATION_COLUMNS = `i.id, i.group_id AS groupId, i.email, i.role, i.subgroup_id AS subgroupId,
  i.token_hash AS tokenHash, i.created_at AS createdAt, i.last_sent_at AS lastSentAt, i.expires_at AS expiresAt,
  i.send_count AS sendCount, i.invited_by_id AS invitedById, i.locale, s.name AS subgroupName,
  COALESCE(b.email, '') AS invitedByEmail`;
const INVITATION_FROM = `FROM invitations i LEFT JOIN subgroups s ON s.id = i.subgroup_id LEFT JOIN members b ON b.id = i.invited_by_id`;

const SORT_COLUMNS: Record<string, (table: string) => string> = {
  email: (t) => `lower(${t}.email)`,
  name: (t) => `lower(${t}.name)`,
  joinedAt: (t) => `${t}.joined_at`,
  createdAt: (t) => `${t}.created_at`,
  expiresAt: (t) => `${t}.expires_at`,
  lastSentAt: (t) => `${t}.last_sent_at`,
};

export function openSqliteStore(path: string): Store & { close(): void } {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);

  const one = <T>(sql: string, ...params: SQLInputValue[]) => db.prepare(sql).get(...params) as T | undefined;
  const all = <T>(sql: string, ...params: SQLInputValue[]) => db.prepare(sql).all(...params) as T[];
  const run = (sql: string, ...params: SQLInputValue[]) => void db.prepare(sql).run(...params);
  let depth = 0;

  function list<T>(columns: string, from: string, alias: string, where: string[], params: SQLInputValue[], sort: string, window: { offset: number; limit: number }) {
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[descending ? sort.slice(1) : sort]!(alias);
    const direction = descending ? 'DESC' : 'ASC';
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = one<{ n: number }>(`SELECT count(*) AS n ${from} ${filter}`, ...params)!.n;
    const items = all<T>(
      `SELECT ${columns} ${from} ${filter} ORDER BY ${column} ${direction}, ${alias}.id ${direction} LIMIT ? OFFSET ?`,
      ...params,
      window.limit,
      window.offset,
    );
    return { items, total };
  }

  return {
    close: () => db.close(),

    transaction(work) {
      // Nested calls join the transaction that is already open.
      if (depth > 0) return work();
      db.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      } finally {
        depth--;
      }
    },

    group: (id) => one(`SELECT id, name, total_seats AS totalSeats FROM groups WHERE id = ?`, id),
    insertGroup: (row) => run(`INSERT INTO groups (id, name, total_seats) VALUES (?, ?, ?)`, row.id, row.name, row.totalSeats),
    seatCounts(groupId, now) {
      const active = one<{ n: number }>(`SELECT count(*) AS n FROM members WHERE group_id = ? AND status = 'active'`, groupId)!.n;
      const invitations = one<{ pending: number | null; expired: number | null }>(
        `SELECT sum(expires_at > ?) AS pending, sum(expires_at <= ?) AS expired FROM invitations WHERE group_id = ?`,
        now,
        now,
        groupId,
      )!;
      return { active, pending: invitations.pending ?? 0, expired: invitations.expired ?? 0 };
    },

    subgroups: (groupId) =>
      all<SubgroupView>(
        `SELECT s.id, s.group_id AS groupId, s.name, s.created_at AS createdAt,
           (SELECT count(*) FROM members m WHERE m.subgroup_id = s.id) AS memberCount,
           (SELECT count(*) FROM invitations i WHERE i.subgroup_id = s.id) AS invitationCount
         FROM subgroups s WHERE s.group_id = ? ORDER BY lower(s.name), s.id`,
        groupId,
      ),
    subgroup: (groupId, id) => one<SubgroupRow>(`SELECT id, group_id AS groupId, name, created_at AS createdAt FROM subgroups WHERE group_id = ? AND id = ?`, groupId, id),
    subgroupByName: (groupId, name) =>
      one<SubgroupRow>(`SELECT id, group_id AS groupId, name, created_at AS createdAt FROM subgroups WHERE group_id = ? AND lower(name) = lower(?)`, groupId, name),
    insertSubgroup: (row) => run(`INSERT INTO subgroups (id, group_id, name, created_at) VALUES (?, ?, ?, ?)`, row.id, row.groupId, row.name, row.createdAt),
    renameSubgroup: (id, name) => run(`UPDATE subgroups SET name = ? WHERE id = ?`, name, id),
    deleteSubgroup(id) {
      run(`UPDATE members SET subgroup_id = NULL WHERE subgroup_id = ?`, id);
      run(`UPDATE invitations SET subgroup_id = NULL WHERE subgroup_id = ?`, id);
      run(`DELETE FROM subgroups WHERE id = ?`, id);
    },

    member: (id) => one<MemberView>(`SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM} WHERE m.id = ?`, id),
    memberByEmail: (groupId, emailKey) => one<MemberView>(`SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM} WHERE m.group_id = ? AND lower(m.email) = ?`, groupId, emailKey),
    members(groupId, filter: MemberFilter) {
      const where = ['m.group_id = ?'];
      const params: SQLInputValue[] = [groupId];
      if (filter.status) where.push('m.status = ?'), params.push(filter.status);
      if (filter.role) where.push('m.role = ?'), params.push(filter.role);
      if (filter.subgroupId) where.push('m.subgroup_id = ?'), params.push(filter.subgroupId);
      if (filter.q) where.push(`(instr(lower(m.email), ?) > 0 OR instr(lower(m.name), ?) > 0)`), params.push(filter.q, filter.q);
      return list<MemberView>(MEMBER_COLUMNS, MEMBER_FROM, 'm', where, params, filter.sort, filter);
    },
    insertMember: (row) =>
      run(
        `INSERT INTO members (id, group_id, email, name, role, subgroup_id, status, joined_at, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        row.id, row.groupId, row.email, row.name, row.role, row.subgroupId, row.status, row.joinedAt, row.passwordHash,
      ),
    setMemberStatus: (id, status) => run(`UPDATE members SET status = ? WHERE id = ?`, status, id),

    invitation: (groupId, id) => one<InvitationView>(`SELECT ${INVITATION_COLUMNS} ${INVITATION_FROM} WHERE i.group_id = ? AND i.id = ?`, groupId, id),
    invitationByEmail: (groupId, emailKey) =>
      one<InvitationView>(`SELECT ${INVITATION_COLUMNS} ${INVITATION_FROM} WHERE i.group_id = ? AND lower(i.email) = ?`, groupId, emailKey),
    invitationByTokenHash: (tokenHash) => one<InvitationView>(`SELECT ${INVITATION_COLUMNS} ${INVITATION_FROM} WHERE i.token_hash = ?`, tokenHash),
    invitations(groupId, filter: InvitationFilter) {
      const where = ['i.group_id = ?'];
      const params: SQLInputValue[] = [groupId];
      if (filter.status === 'pending') where.push('i.expires_at > ?'), params.push(filter.now);
      if (filter.status === 'expired') where.push('i.expires_at <= ?'), params.push(filter.now);
      if (filter.role) where.push('i.role = ?'), params.push(filter.role);
      if (filter.subgroupId) where.push('i.subgroup_id = ?'), params.push(filter.subgroupId);
      if (filter.q) where.push('instr(lower(i.email), ?) > 0'), params.push(filter.q);
      return list<InvitationView>(INVITATION_COLUMNS, INVITATION_FROM, 'i', where, params, filter.sort, filter);
    },
    insertInvitation: (row) =>
      run(
        `INSERT INTO invitations (id, group_id, email, role, subgroup_id, token_hash, created_at, last_sent_at, expires_at, send_count, invited_by_id, locale)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        row.id, row.groupId, row.email, row.role, row.subgroupId, row.tokenHash, row.createdAt, row.lastSentAt, row.expiresAt, row.sendCount, row.invitedById, row.locale,
      ),
    updateInvitation: (id, change) =>
      run(
        `UPDATE invitations SET token_hash = ?, last_sent_at = ?, expires_at = ?, send_count = ? WHERE id = ?`,
        change.tokenHash, change.lastSentAt, change.expiresAt, change.sendCount, id,
      ),
    deleteInvitation: (id) => run(`DELETE FROM invitations WHERE id = ?`, id),

    storedResponse: (scope, key) =>
      one<StoredResponse>(`SELECT scope, key, fingerprint, status, body, created_at AS createdAt FROM stored_responses WHERE scope = ? AND key = ?`, scope, key),
    storeResponse: (r) =>
      run(
        `INSERT OR REPLACE INTO stored_responses (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        r.scope, r.key, r.fingerprint, r.status, r.body, r.createdAt,
      ),
    purgeResponses: (before) => run(`DELETE FROM stored_responses WHERE created_at < ?`, before),

    addMail: (m) =>
      run(`INSERT INTO outbox (recipient, subject, text, html, accept_url, sent_at) VALUES (?, ?, ?, ?, ?, ?)`, m.to, m.subject, m.text, m.html, m.acceptUrl, m.sentAt),
    mails: (to) =>
      all<StoredMail>(
        `SELECT recipient AS "to", subject, text, html, accept_url AS acceptUrl, sent_at AS sentAt FROM outbox
         WHERE ? IS NULL OR lower(recipient) = ? ORDER BY seq DESC`,
        to ?? null,
        to ?? null,
      ),
  };
}

function migrate(db: DatabaseSync) {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  MIGRATIONS.slice(version).forEach((sql, index) => {
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
}
