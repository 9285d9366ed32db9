/**
 * Cross-origin access to the API for host pages on other origins. Only the exact origins
 * listed are answered with CORS headers; any other origin gets none, so the browser keeps
 * its same-origin rule. Tokens travel in `Authorization`, never in cookies, so credentials
 * are not allowed and `*` is never sent.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Request headers the SDK and the widget send. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language'];
/** Response headers a host page's script may read. */
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'Location'];

/**
 * Answers preflights and marks answers for the listed origins (exact matches, e.g.
 * `https://lms.example.com`). With no origins it changes nothing: same-origin only.
 *
 * @example
 * app.use('/api/v1/*', allowOrigins(['https://lms.example.com']));
 */
export function allowOrigins(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  const answer = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: CORS_ALLOWED_HEADERS,
    exposeHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
  return async (c, next) => {
    if (allowed.size === 0) return next();
    if (allowed.has(c.req.header('Origin') ?? '')) return answer(c, next);
    await next();
    // Caches must not hand this answer (without CORS headers) to an allowed origin.
    c.header('Vary', 'Origin', { append: true });
  };
}

/**
 * Reads `CORS_ORIGINS`: comma-separated origins; empty or unset means none. Each is written as the
 * browser sends it (`https://lms.example.com/` and `HTTPS://LMS.example.com` both become
 * `https://lms.example.com`); an entry that is not an origin (no scheme, or a path) throws, so a
 * typo stops the server at start instead of refusing every page in silence.
 */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(originOf);
}

function originOf(entry: string): string {
  const url = URL.parse(entry);
  if (!url || url.origin === 'null' || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `CORS_ORIGINS: "${entry}" is not an origin; write it as scheme://host[:port], e.g. https://lms.example.com`,
    );
  }
  return url.origin;
}
