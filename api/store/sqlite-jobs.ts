/**
 * The job queue on SQLite. A claim runs inside the store's `BEGIN IMMEDIATE` transaction
 * (the database's one writer at a time), so two processes on one file never claim one job;
 * the lease (`claimed_until`) frees the jobs of a worker that died.
 */
import type { ClaimedJob, JobStorage } from './store.ts';
import type { Sync } from './sync-storage.ts';
import { runStatement, type Sql } from './sqlite-lists.ts';
import { insertJobsSql } from './bulk-sql.ts';
import { SQLITE } from './sql-lists.ts';

/** Pending, due, not leased, and (when ordered) first of its kind and group key. */
const CLAIMABLE = `SELECT j.id FROM jobs j WHERE j.status = 'pending' AND j.due_at <= ?
  AND (j.claimed_until IS NULL OR j.claimed_until < ?)
  AND (j.ordered = 0 OR NOT EXISTS (SELECT 1 FROM jobs e WHERE e.status = 'pending' AND e.kind = j.kind
    AND e.group_key = j.group_key AND e.id < j.id))
  ORDER BY j.due_at, j.id LIMIT ?`;

export function jobsOn(sql: Sql): Sync<JobStorage> {
  const { one, all, run } = sql;
  return {
    enqueueJobs: (jobs) => runStatement(sql, insertJobsSql(SQLITE, jobs)),
    claimJobs: (claim) =>
      all<ClaimedJob>(
        `UPDATE jobs SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id IN (${CLAIMABLE})
         RETURNING id, kind, group_key AS groupKey, payload, attempts`,
        ...[claim.worker, claim.claimedUntil, claim.now, claim.wallNow, claim.limit],
      ).sort((a, b) => a.id - b.id),
    settleJob(id, worker, outcome) {
      if (outcome.status === 'done') return run(`DELETE FROM jobs WHERE id = ? AND claimed_by = ?`, id, worker);
      run(
        `UPDATE jobs SET status = ?, due_at = coalesce(?, due_at), last_error = ?, claimed_by = NULL,
           claimed_until = NULL WHERE id = ? AND claimed_by = ?`,
        ...[outcome.status, outcome.status === 'pending' ? outcome.dueAt : null, outcome.error, id, worker],
      );
    },
    nextJobDue: () =>
      one<{ dueAt: string | null }>(
        `SELECT min(due_at) AS dueAt FROM jobs WHERE status = 'pending' AND claimed_until IS NULL`,
      )?.dueAt ?? undefined,
    jobCounts(kind) {
      const counts = one<{ pending: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'failed') AS failed
         FROM jobs WHERE kind = ?`,
        kind,
      );
      return { pending: counts?.pending ?? 0, failed: counts?.failed ?? 0 };
    },
  };
}
