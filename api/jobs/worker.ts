/**
 * The job worker: runs the jobs the store holds (emails, and any other kind a handler is
 * registered for) in the server process. Jobs are written in the same transaction as the
 * change that needs them, so a committed change always gets its jobs, even across a crash.
 *
 * A worker claims due jobs with a lease (exactly one worker gets each, however many
 * processes share the database), performs each, then settles it in one transaction with
 * whatever the handler records: done, due again after a backoff (a temporary failure), or
 * failed for good (a permanent one, or too many attempts). A worker that dies mid-job leaves
 * its lease to run out; the job then runs again, so a job that completed its work but not its
 * settling transaction runs twice: handlers keep that window short (see api/mail/mail-jobs.ts).
 *
 * Adding a kind: write a {@link JobHandler}, register it under its kind (api/http/app.ts),
 * and `tx.enqueueJobs([{ kind, groupKey, ordered, payload, dueAt, createdAt }])` in the
 * transaction that makes it needed. `ordered` jobs of one kind and group key run one at a
 * time in the order they were enqueued; a later one waits while an earlier one is retrying.
 */
import type { Clock } from '../domain/clock.ts';
import { randomSecret } from '../domain/secrets.ts';
import type { ClaimedJob, JobOutcome, Store, Transaction } from '../store/store.ts';

/** A failure with a reason people can read; `permanent` ones are not tried again. */
export class JobError extends Error {
  readonly permanent: boolean;
  constructor(reason: string, permanent: boolean) {
    super(reason);
    this.permanent = permanent;
  }
}

/** What one attempt came to, as the handler records it (`skipped`: there was nothing left to do). */
export type Attempt =
  | { status: 'done'; at: string }
  | { status: 'skipped'; at: string }
  | { status: 'retrying' | 'failed'; at: string; error: string };

export interface JobHandler {
  /**
   * Does the job's work, or answers `skipped` when there is none left to do. Throws a
   * {@link JobError} (or anything: a temporary failure) when it could not.
   */
  perform(job: ClaimedJob): Promise<void | 'skipped'>;
  /** Records the attempt in the transaction that settles the job (e.g. the invitation's delivery state). */
  record?(tx: Transaction, job: ClaimedJob, attempt: Attempt): Promise<void>;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Attempts before a job that keeps failing temporarily fails for good (about 7 hours of backoff). */
export const MAX_ATTEMPTS = 12;
/** Jobs claimed and run together. */
export const JOB_BATCH = 16;
/** How long a claim lasts by default: longer than any attempt can take (the SMTP timeouts are 10 + 10 + 30 s). */
export const LEASE_MS = 120_000;
/** How often an idle worker looks for jobs other processes enqueued or a dead worker left. */
export const POLL_MS = 1_000;

/** Wait before attempt `attempts + 1`: 1 minute, doubling, at most an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);
}

export interface Worker {
  /** Looks for due jobs now (after a commit that enqueued some). */
  wake(): void;
  /** Runs every job due now, and waits for the ones in flight, before it resolves (the demo clock). */
  runDue(): Promise<void>;
  /** Stops looking for jobs and waits for the ones in flight. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  store: Store;
  clock: Clock;
  handlers: JobHandlers;
  /** Ms between looks when idle (default {@link POLL_MS}). */
  pollMs?: number;
  /** Ms a claim lasts (default {@link LEASE_MS}): after a crash, the jobs it was running go again this much later. */
  leaseMs?: number;
}

/** Starts a worker on the store: it looks for due jobs at once, then whenever woken or polled. */
export function startWorker(options: WorkerOptions): Worker {
  const { store, clock, handlers } = options;
  const id = `worker_${randomSecret().slice(0, 16)}`;
  /** Claims being made and jobs being run: what `runDue` waits for besides its own. */
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let looking: Promise<void> | undefined;
  /** Whether the last look failed: a database that stays unreachable is logged once, not every poll. */
  let failing = false;

  const track = <T>(work: Promise<T>) => {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };
  const claim = () => track(claimDue(store, clock, id, options.leaseMs ?? LEASE_MS));
  const run = (job: ClaimedJob) => track(runJob(store, clock, id, handlers, job));
  const drain = () => drainDue(claim, run, () => stopped);

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(look, ms);
    (timer as { unref?: () => void }).unref?.();
  };
  function look() {
    if (looking) return;
    looking = drain()
      .then(() => untilNextDue(store, clock, options.pollMs ?? POLL_MS))
      .then((wait) => {
        failing = false;
        return wait;
      })
      .catch((error: unknown) => {
        if (!stopped && !failing) console.error('The job worker could not read its jobs:', error);
        failing = true;
        return options.pollMs ?? POLL_MS;
      })
      .then((wait) => {
        looking = undefined;
        schedule(Math.max(0, wait));
      });
  }
  schedule(0);

  return {
    wake: () => schedule(0),
    async runDue() {
      for (;;) {
        await drain();
        if (inFlight.size === 0) return;
        await Promise.allSettled([...inFlight]);
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await looking;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Claims and runs batches until nothing is due, or the worker stopped (a backlog waits for the next start). */
async function drainDue(
  claim: () => Promise<ClaimedJob[]>,
  run: (job: ClaimedJob) => Promise<unknown>,
  stopped: () => boolean,
) {
  for (let jobs = await claim(); jobs.length > 0; jobs = stopped() ? [] : await claim()) {
    await Promise.all(jobs.map(run));
  }
}

/** Claims the due jobs of a batch for `worker`, with a lease. */
function claimDue(store: Store, clock: Clock, worker: string, leaseMs: number) {
  const wallNow = Date.now();
  return store.transaction((tx) =>
    tx.claimJobs({
      worker,
      now: clock.now().toISOString(),
      wallNow: new Date(wallNow).toISOString(),
      claimedUntil: new Date(wallNow + leaseMs).toISOString(),
      limit: JOB_BATCH,
    }),
  );
}

/** Ms until the next job is due, at most `poll`. */
async function untilNextDue(store: Store, clock: Clock, poll: number): Promise<number> {
  const due = await store.nextJobDue();
  return due === undefined ? poll : Math.min(poll, Date.parse(due) - clock.now().getTime());
}

/** Performs one claimed job and settles it, with what its handler records, in one transaction. */
async function runJob(store: Store, clock: Clock, worker: string, handlers: JobHandlers, job: ClaimedJob) {
  const handler = handlers[job.kind];
  let attempt: Attempt;
  let outcome: JobOutcome;
  try {
    if (!handler) throw new JobError(`No handler runs jobs of kind "${job.kind}".`, true);
    const skipped = (await handler.perform(job)) === 'skipped';
    const at = clock.now().toISOString();
    attempt = skipped ? { status: 'skipped', at } : { status: 'done', at };
    outcome = { status: 'done' };
  } catch (thrown) {
    const at = clock.now();
    const error = reasonOf(thrown);
    const again = !(thrown instanceof JobError && thrown.permanent) && job.attempts < MAX_ATTEMPTS;
    attempt = { status: again ? 'retrying' : 'failed', at: at.toISOString(), error };
    const dueAt = new Date(at.getTime() + retryDelay(job.attempts)).toISOString();
    outcome = again ? { status: 'pending', dueAt, error } : { status: 'failed', error };
  }
  await store.transaction(async (tx) => {
    await handler?.record?.(tx, job, attempt);
    await tx.settleJob(job.id, worker, outcome);
  });
}

/** A reason people can read: a JobError's own; anything else is logged and summed up. */
function reasonOf(thrown: unknown): string {
  if (thrown instanceof JobError) return thrown.message;
  console.error('A job failed unexpectedly:', thrown);
  return 'An unexpected error stopped this attempt.';
}
