/**
 * The job queue on PostgreSQL, for several server instances on one database: a claim locks
 * the rows it takes with `FOR UPDATE SKIP LOCKED`, so instances that claim at the same
 * moment take different jobs and never wait for each other.
 */
import type { ClaimedJob, JobStorage } from './store.ts';
import { insertJobsSql } from './bulk-sql.ts';
import { POSTGRES, type Statement } from './sql-lists.ts';

type Value = string | number | boolean | null;

interface Db {
  query: <T>(text: string, params?: Value[]) => Promise<T[]>;
  run: (text: string, params?: Value[]) => Promise<void>;
  runStatement: (statement: Statement) => Promise<void>;
}

/** Pending, due, not leased, and (when ordered) first of its kind and group key. */
const CLAIMABLE = `SELECT j.id FROM jobs j WHERE j.status = 'pending' AND j.due_at <= $1
  AND (j.claimed_until IS NULL OR j.claimed_until < $2)
  AND (NOT j.ordered OR NOT EXISTS (SELECT 1 FROM jobs e WHERE e.status = 'pending' AND e.kind = j.kind
    AND e.group_key = j.group_key AND e.id < j.id))
  ORDER BY j.due_at, j.id LIMIT $3 FOR UPDATE OF j SKIP LOCKED`;

export function jobsOn({ query, run, runStatement }: Db): JobStorage {
  return {
    enqueueJobs: (jobs) => runStatement(insertJobsSql(POSTGRES, jobs)),
    claimJobs: async (claim) =>
      (
        await query<ClaimedJob & { id: string }>(
          `WITH picked AS (${CLAIMABLE})
           UPDATE jobs SET claimed_by = $4, claimed_until = $5, attempts = attempts + 1 FROM picked
           WHERE jobs.id = picked.id RETURNING jobs.id::text AS id, kind, group_key, payload, attempts`,
          [claim.now, claim.wallNow, claim.limit, claim.worker, claim.claimedUntil],
        )
      )
        .map((job) => ({ ...job, id: Number(job.id) }))
        .sort((a, b) => a.id - b.id),
    async settleJob(id, worker, outcome) {
      if (outcome.status === 'done') return run(`DELETE FROM jobs WHERE id = $1 AND claimed_by = $2`, [id, worker]);
      await run(
        `UPDATE jobs SET status = $1, due_at = coalesce($2::timestamptz, due_at), last_error = $3, claimed_by = NULL,
           claimed_until = NULL WHERE id = $4 AND claimed_by = $5`,
        [outcome.status, outcome.status === 'pending' ? outcome.dueAt : null, outcome.error, id, worker],
      );
    },
    nextJobDue: async () =>
      (
        await query<{ dueAt: string | null }>(
          `SELECT min(due_at) AS due_at FROM jobs WHERE status = 'pending' AND claimed_until IS NULL`,
        )
      )[0]?.dueAt ?? undefined,
    jobCounts: async (kind) =>
      (
        await query<{ pending: number; failed: number }>(
          `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
             count(*) FILTER (WHERE status = 'failed')::int AS failed FROM jobs WHERE kind = $1`,
          [kind],
        )
      )[0] ?? { pending: 0, failed: 0 },
  };
}
