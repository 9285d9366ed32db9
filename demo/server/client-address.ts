/**
 * The address a request comes from, which anonymous callers are rate-limited by.
 *
 * Without a proxy (`TRUST_PROXY` unset or 0) it is the socket's peer. With `TRUST_PROXY=n`
 * the n nearest hops (the socket's peer first, then `X-Forwarded-For` from the right) are
 * the deployment's own proxies, and the address is the left-most hop that is not one of them:
 * the one the outermost trusted proxy saw. Entries further left were written by the client and
 * are ignored, so a forged `X-Forwarded-For` cannot buy a fresh budget.
 * IPv6 addresses count per /64, the block one host usually holds.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Reads the client address of a request, trusting `trustProxy` proxy hops. */
export function clientAddressOf(trustProxy: number) {
  return (c: Context): string => {
    const hops = [...forwardedHops(c.req.header('X-Forwarded-For')), socketAddress(c) ?? 'unknown'];
    return addressKey(hops[Math.max(0, hops.length - 1 - trustProxy)] ?? 'unknown');
  };
}

function forwardedHops(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
}

/** The socket's peer; undefined for requests made in-process (`app.request` in tests). */
function socketAddress(c: Context): string | undefined {
  return c.env && 'incoming' in c.env ? getConnInfo(c).remote.address : undefined;
}

function addressKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
