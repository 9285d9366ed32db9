/**
 * Idempotency keys: an unsafe request repeated with the same `Idempotency-Key` and body
 * within 24 hours gets the first answer again and changes nothing. The key is claimed in the
 * store before the request runs, so requests with one key that arrive together, at one
 * instance or at several, run once: the others wait for the first one's answer.
 * A request is recognised by its keyed-hash {@link fingerprint}, never by its raw path or body.
 */
import type { Context } from 'hono';
import type { Store, StoredResponse } from '../store/store.ts';
import type { Clock } from '../domain/clock.ts';
import { ProblemError, validationFailed } from '../domain/problem.ts';
import { fingerprint, fingerprintKey } from './fingerprint.ts';

const DAY = 86_400_000;
/** A claim older than this belongs to an instance that stopped mid-request: it is taken over. */
const ABANDONED_MS = 60_000;
/** How often a waiting request looks for the first one's answer. */
const POLL_MS = 20;

export interface Answer {
  status: 200 | 201 | 204;
  body: string | null;
}

/** The status of a claim whose request is still running. */
const RUNNING = 0;

export type Idempotency = ReturnType<typeof createIdempotency>;

/** `secret` keys the fingerprints; it must stay the same as long as stored answers are kept. */
export function createIdempotency(store: Store, clock: Clock, secret: string) {
  const hmacKey = fingerprintKey(secret);

  /** Runs the work if this request claims the key; removes the claim when the work fails. */
  async function runClaimed(claim: StoredResponse, work: () => Promise<Answer>): Promise<Answer> {
    try {
      const answer = await work();
      await store.storeResponse({ ...claim, status: answer.status, body: answer.body ?? '' });
      return answer;
    } catch (error) {
      await store.forgetResponse(claim.scope, claim.key);
      throw error;
    }
  }

  /** The first answer for the key, once there is one (claiming the key if it is free). */
  async function answerOnce(claim: StoredResponse, work: () => Promise<Answer>): Promise<Answer> {
    for (;;) {
      if (await store.claimResponse(claim)) return runClaimed(claim, work);
      const stored = await store.storedResponse(claim.scope, claim.key);
      if (!stored) continue; // the first request failed and let go of the key: try to claim it
      if (stored.fingerprint !== claim.fingerprint) {
        const detail = 'This Idempotency-Key was already used for a different request.';
        throw new ProblemError('idempotency_conflict', 'Idempotency key reused', detail);
      }
      if (stored.status !== RUNNING) {
        return { status: stored.status as Answer['status'], body: stored.body === '' ? null : stored.body };
      }
      if (clock.now().getTime() - Date.parse(stored.createdAt) > ABANDONED_MS) {
        await store.forgetResponse(claim.scope, claim.key);
      } else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  return {
    async run(c: Context, work: () => Promise<Answer>): Promise<Answer> {
      const key = c.req.header('Idempotency-Key');
      if (key === undefined) return work();
      if (key.length === 0 || key.length > 255) {
        throw validationFailed([{ path: 'header.Idempotency-Key', message: 'Must be 1 to 255 characters' }]);
      }
      const scope = (c.get('caller') as { id: string } | undefined)?.id ?? 'public';
      const now = clock.now();
      await store.purgeResponses(new Date(now.getTime() - DAY).toISOString());
      const body = c.req.header('Content-Type') === undefined ? '' : await c.req.text();
      const params = c.req.param() as Record<string, string>;
      const hash = await fingerprint(await hmacKey, { method: c.req.method, route: c.req.routePath, params, body });
      const claim = { scope, key, fingerprint: hash, status: RUNNING, body: '', createdAt: now.toISOString() };
      return answerOnce(claim, work);
    },
  };
}
