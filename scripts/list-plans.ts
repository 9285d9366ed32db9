/**
 * The query plans of PostgreSQL's list queries in one big group: the statements the store
 * runs for each list (first page, search, every sort, status, role and subgroup filters, a
 * deep cursor, the kept counts, a chunk of remove by filter), explained by the server after
 * a set-based fill and ANALYZE. Used by `scripts/explain-pg.ts` (which prints them at 500,000
 * invitations) and by the test that asserts no list reads the group's rows one by one.
 */
import type postgres from 'postgres';
import {
  POSTGRES,
  deleteMatchingSql,
  invitationCountSql,
  invitationListSql,
  memberCountSql,
  memberListSql,
  type Statement,
} from '../api/store/sql-lists.ts';
import { INVITATION_SOURCE, MEMBER_SOURCE } from '../api/store/postgres-store.ts';
import type { InvitationFilter, MemberFilter } from '../api/store/store.ts';

/** The group the plans read; a second group of a tenth its size sits beside it. */
export const BIG_GROUP = 'big';
const DAY = 86_400_000;

/**
 * Fills a migrated database: `invitations` in the big group, one every five seconds back from
 * now with ten days' validity (so a third pending, the rest expired), 5 % admins, a fifth in
 * one of 20 subgroups; `members` members; a tenth as many of each in a neighbouring group.
 */
export async function fillBigGroup(sql: postgres.Sql, invitations: number, members: number) {
  for (const [group, scale] of [
    [BIG_GROUP, 1],
    ['neighbour', 10],
  ] as const) {
    await sql.unsafe(`INSERT INTO groups (id, name, total_seats) VALUES ($1, $1, 10000000)`, [group]);
    await sql.unsafe(
      `INSERT INTO subgroups (id, group_id, name, name_key, created_at)
       SELECT $1 || '_sub_' || g, $1, 'Subgroup ' || g, 'subgroup ' || g, now() FROM generate_series(1, 20) g`,
      [group],
    );
    await sql.unsafe(
      `INSERT INTO invitations (id, group_id, email, role, subgroup_id, token_hash, created_at, last_sent_at,
         expires_at, send_count, invited_by_id, locale)
       SELECT $1 || '_inv_' || lpad(g::text, 8, '0'), $1, 'invitee.' || g || '@host' || (g % 977) || '.example',
         CASE WHEN g % 20 = 0 THEN 'admin' ELSE 'learner' END, CASE WHEN g % 5 = 0 THEN $1 || '_sub_' || (g % 20 + 1) END,
         $1 || '-hash-' || g, t, t, t + interval '10 days', 1, 'usr_admin', 'en'
       FROM generate_series(1, $2::int) g, LATERAL (SELECT now() - g * interval '5 seconds' AS t) sent`,
      [group, Math.round(invitations / scale)],
    );
    await sql.unsafe(
      `INSERT INTO members (id, group_id, email, name, role, subgroup_id, status, joined_at)
       SELECT $1 || '_usr_' || g, $1, 'member.' || g || '@host' || (g % 977) || '.example', 'Member ' || g,
         CASE WHEN g % 20 = 0 THEN 'admin' ELSE 'learner' END, CASE WHEN g % 5 = 0 THEN $1 || '_sub_' || (g % 20 + 1) END,
         CASE WHEN g % 10 = 0 THEN 'deactivated' ELSE 'active' END, now() - g * interval '1 minute'
       FROM generate_series(1, $2::int) g`,
      [group, Math.round(members / scale)],
    );
  }
  await sql.unsafe('ANALYZE');
}

/** A list query by name: the statement the store runs. */
export type NamedStatement = [name: string, statement: Statement];

/** Every list statement over the big group, at `now`. */
export function listStatements(now: Date): NamedStatement[] {
  const at = now.toISOString();
  const window = { limit: 50 };
  const invitations = (filter: Partial<InvitationFilter>): Statement =>
    invitationListSql(POSTGRES, INVITATION_SOURCE, BIG_GROUP, {
      ...{ status: 'all', sort: '-createdAt', now: at, ...window },
      ...filter,
    }).items;
  const members = (filter: Partial<MemberFilter>): Statement =>
    memberListSql(POSTGRES, MEMBER_SOURCE, BIG_GROUP, { sort: 'email', ...window, ...filter }).items;
  const deep = { key: new Date(now.getTime() - 20 * DAY).toISOString(), id: `${BIG_GROUP}_inv_` };
  return [
    ['invitations: first page (-createdAt)', invitations({})],
    ['invitations: status=pending', invitations({ status: 'pending' })],
    ['invitations: status=expired', invitations({ status: 'expired' })],
    ['invitations: status=expired, sort=expiresAt', invitations({ status: 'expired', sort: 'expiresAt' })],
    ['invitations: sort=email', invitations({ sort: 'email' })],
    ['invitations: sort=-lastSentAt', invitations({ sort: '-lastSentAt' })],
    ['invitations: role=admin', invitations({ role: 'admin' })],
    ['invitations: subgroup', invitations({ subgroupId: `${BIG_GROUP}_sub_3` })],
    ['invitations: search, no match (q=zzz)', invitations({ q: 'zzz' })],
    ['invitations: search (q=invitee.12345@)', invitations({ q: 'invitee.12345@' })],
    ['invitations: deep cursor (20 days back)', invitations({ after: deep })],
    ['invitations: total, status=pending', invitationCountSql(POSTGRES, BIG_GROUP, { status: 'pending', now: at })],
    [
      'invitations: total, search (q=zzz)',
      invitationListSql(POSTGRES, INVITATION_SOURCE, BIG_GROUP, {
        ...{ status: 'all', sort: '-createdAt', now: at, q: 'zzz', ...window },
      }).count,
    ],
    [
      'invitations: remove expired, one chunk',
      deleteMatchingSql(POSTGRES, BIG_GROUP, { status: 'expired', now: at }, 5000),
    ],
    ['members: first page (email)', members({})],
    ['members: status=deactivated, sort=-joinedAt', members({ status: 'deactivated', sort: '-joinedAt' })],
    ['members: subgroup, sort=name', members({ subgroupId: `${BIG_GROUP}_sub_3`, sort: 'name' })],
    ['members: search (q=4242)', members({ q: '4242' })],
    ['members: total, status=active', memberCountSql(POSTGRES, BIG_GROUP, { status: 'active', sort: 'email' })],
  ];
}

/** The plan of `statement` as the server runs it (EXPLAIN ANALYZE; a DELETE is rolled back). */
export async function explain(sql: postgres.Sql, { text, params }: Statement): Promise<string> {
  let plan = '';
  await sql
    .begin(async (tx) => {
      const rows = await tx.unsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return plan;
}

class RolledBack extends Error {}

/** The execution time EXPLAIN ANALYZE reports, in ms. */
export const executionMs = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);

/** Whether the plan reads a whole table row by row (a sequential scan of invitations or members). */
export const scansSequentially = (plan: string) => /Seq Scan on (invitations|members)\b/.test(plan);
