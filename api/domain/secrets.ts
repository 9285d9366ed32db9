/**
 * Invitation tokens and ids. Web Crypto only, so the same code runs in Node and in the
 * browser (msw).
 */

/** A new invitation token: 256 bits from the CSPRNG, base64url. */
function newToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The form a token is stored in. */
export async function hashToken(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return hex(digest);
}

/** Bytes as lower-case hexadecimal. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** 256 random bits as hex: a secret for one process, when no lasting one is given. */
export function randomSecret(): string {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** A new token with its hash. */
export async function mintToken(): Promise<{ token: string; tokenHash: string }> {
  const token = newToken();
  return { token, tokenHash: await hashToken(token) };
}

/** A new id with a readable prefix, e.g. `inv_…`. */
export function newId(prefix: string): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}
