/**
 * A fixed-window request limit per caller: past it, `429 rate_limited` with `Retry-After`.
 * Callers are told apart by their bearer token (all anonymous callers share one window).
 */
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock.ts';
import { ProblemError } from '../domain/problem.ts';

export interface RateLimit {
  /** Requests one caller may make in a window. */
  requests: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 1200, windowMs: 60_000 };

export function rateLimit(limit: RateLimit, clock: Clock): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = clock.now().getTime();
    const caller = c.req.header('Authorization') ?? 'anonymous';
    let window = windows.get(caller);
    if (!window || now - window.start >= limit.windowMs) {
      if (windows.size > 10_000) windows.clear();
      window = { start: now, count: 0 };
      windows.set(caller, window);
    }
    window.count++;
    if (window.count > limit.requests) {
      const retryAfter = Math.ceil((window.start + limit.windowMs - now) / 1000);
      throw new ProblemError(429, 'rate_limited', 'Too many requests', `Slow down: try again in ${retryAfter} seconds.`, { retryAfter });
    }
    await next();
  };
}
