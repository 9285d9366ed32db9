/**
 * Response headers that keep the server's pages from being framed, sniffed or scripted
 * inline, and keep the accept link's token out of `Referer` headers.
 */
import type { MiddlewareHandler } from 'hono';

/** The accept page: no script at all, its stylesheet from this origin, forms posted here. */
export const ACCEPT_PAGE_CSP =
  "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The demo page: the strict policy the widget is built for (scripts and styles from this
 * origin only, Trusted Types with Lit's policy), and no framing.
 */
export const DEMO_PAGE_CSP =
  "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** `nosniff` and `no-referrer` on every response; the CSP and `DENY` framing on pages. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.header('X-Frame-Options', 'DENY');
  };
}
