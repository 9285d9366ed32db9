/**
 * What an idempotent request is remembered by: a keyed hash (HMAC-SHA-256 with a server
 * secret) of its method, route template, path parameters and canonical JSON body. The raw
 * path and body are never kept, so a stored fingerprint reveals no token and no password.
 * Web Crypto only: the same code runs in Node and in the browser (msw).
 */
import { hex } from '../domain/secrets.ts';

/** Imports a server secret as an HMAC key. */
export function fingerprintKey(secret: string): Promise<CryptoKey> {
  const bytes = new TextEncoder().encode(secret);
  return globalThis.crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export interface RequestParts {
  method: string;
  /** The route template, e.g. `/invitations/:token/accept`. */
  route: string;
  params: Record<string, string>;
  /** The raw body text ('' for none). */
  body: string;
}

/** The hex HMAC of a request's parts; equal JSON bodies hash alike whatever their key order or spacing. */
export async function fingerprint(key: CryptoKey, request: RequestParts): Promise<string> {
  const text = JSON.stringify([request.method, request.route, canonical(request.params), canonicalBody(request.body)]);
  const signature = await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
  return hex(signature);
}

function canonicalBody(body: string): unknown {
  try {
    return canonical(JSON.parse(body));
  } catch {
    return body;
  }
}

/** The value with every object's keys sorted, so that serialising it is canonical. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
