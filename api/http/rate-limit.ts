/**
 * Fixed-window request limits: past a budget, `429 rate_limited` with `Retry-After`.
 * Buckets live in a bounded map: a bucket whose window has ended is dropped at the next
 * request (its caller starts afresh anyway), and when the map is full of live windows the one
 * that started first is dropped (one, never all), so sending many keys cannot reset everyone's limit.
 */
import type { Clock } from '../domain/clock.ts';
import { ProblemError } from '../domain/problem.ts';

export interface RateLimit {
  /** Requests one caller may make in a window. */
  requests: number;
  windowMs: number;
}

/** Every request, per signed-in caller or, for anonymous callers, per client address. */
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 1200, windowMs: 60_000 };

/** Invitation look-ups and accepts (anonymous), per client address, on top of the above. */
export const DEFAULT_TOKEN_RATE_LIMIT: RateLimit = { requests: 100, windowMs: 10 * 60_000 };

/** Most buckets kept at once. */
export const MAX_BUCKETS = 10_000;

export interface RateLimiter {
  /** Counts one request for `key`; throws `429 rate_limited` past the budget. */
  take(key: string): void;
}

export function createRateLimiter(limit: RateLimit, clock: Clock, capacity = MAX_BUCKETS): RateLimiter {
  // Insertion order is window-start order: a caller's next window is a new entry, at the end.
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const now = clock.now().getTime();
      // Idle callers are forgotten: ended windows come first in the map.
      for (const [idle, { start }] of windows) {
        if (now - start < limit.windowMs) break;
        windows.delete(idle);
      }
      let window = windows.get(key);
      if (!window) {
        const oldest = windows.keys().next();
        if (windows.size >= capacity && !oldest.done) windows.delete(oldest.value);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      if (window.count > limit.requests) {
        const retryAfter = Math.ceil((window.start + limit.windowMs - now) / 1000);
        throw new ProblemError('rate_limited', 'Too many requests', `Slow down: try again in ${retryAfter} seconds.`, {
          retryAfter,
        });
      }
    },
  };
}
