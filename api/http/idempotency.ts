/**
 * Idempotency keys: an unsafe request repeated with the same `Idempotency-Key` and body
 * within 24 hours gets the first answer again and changes nothing. Requests with one key
 * that arrive together run one after the other, so a double click cannot slip through.
 * A request is recognised by its keyed-hash {@link fingerprint}, never by its raw path or body.
 */
import type { Context } from 'hono';
import type { Store } from '../store/store.ts';
import type { Clock } from '../domain/clock.ts';
import { ProblemError, validationFailed } from '../domain/problem.ts';
import { fingerprint, fingerprintKey } from './fingerprint.ts';

const DAY = 86_400_000;

export interface Answer {
  status: 200 | 201 | 204;
  body: string | null;
}

export type Idempotency = ReturnType<typeof createIdempotency>;

/** `secret` keys the fingerprints; it must stay the same as long as stored answers are kept. */
export function createIdempotency(store: Store, clock: Clock, secret: string) {
  const running = new Map<string, Promise<unknown>>();
  const hmacKey = fingerprintKey(secret);

  /** The stored answer for the key, or the work's answer, stored. */
  async function answerOnce(c: Context, scope: string, key: string, work: () => Promise<Answer>): Promise<Answer> {
    const now = clock.now();
    await store.purgeResponses(new Date(now.getTime() - DAY).toISOString());
    const body = c.req.header('Content-Type') === undefined ? '' : await c.req.text();
    const params = c.req.param() as Record<string, string>;
    const hash = await fingerprint(await hmacKey, { method: c.req.method, route: c.req.routePath, params, body });
    const stored = await store.storedResponse(scope, key);
    if (stored) {
      if (stored.fingerprint !== hash) {
        const detail = 'This Idempotency-Key was already used for a different request.';
        throw new ProblemError('idempotency_conflict', 'Idempotency key reused', detail);
      }
      return { status: stored.status as Answer['status'], body: stored.body === '' ? null : stored.body };
    }
    const answer = await work();
    const createdAt = now.toISOString();
    await store.storeResponse({ scope, key, fingerprint: hash, status: answer.status, body: answer.body ?? '', createdAt });
    return answer;
  }

  return {
    async run(c: Context, work: () => Promise<Answer>): Promise<Answer> {
      const key = c.req.header('Idempotency-Key');
      if (key === undefined) return work();
      if (key.length === 0 || key.length > 255) {
        throw validationFailed([{ path: 'header.Idempotency-Key', message: 'Must be 1 to 255 characters' }]);
      }
      const scope = (c.get('caller') as { id: string } | undefined)?.id ?? 'public';
      const lock = `${scope}\n${key}`;
      while (running.has(lock)) await running.get(lock)?.catch(() => undefined);
      // Claimed before anything else is awaited, so a second request with this key waits its turn.
      const turn = answerOnce(c, scope, key, work);
      running.set(lock, turn);
      try {
        return await turn;
      } finally {
        running.delete(lock);
      }
    },
  };
}
