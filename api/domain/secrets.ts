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

/**
 * A new id like {@link newId} that starts with the time it was made (milliseconds, wall clock):
 * ids made later sort after it, so an index keyed by them grows at its end instead of
 * everywhere. The activity log: a bulk action's thousands of events then touch a few index
 * pages, not one each.
 */
export function sortableId(prefix: string): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${prefix}_${time}${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/** Sealing keys by server secret: derived once, not once per token (a bulk resend seals thousands). */
const sealingKeys = new Map<string, Promise<CryptoKey>>();

/** The AES-GCM key a server secret seals invitation tokens with (kept for their emails, never in the clear). */
function sealingKey(secret: string): Promise<CryptoKey> {
  let key = sealingKeys.get(secret);
  if (!key) {
    key = deriveSealingKey(secret);
    sealingKeys.set(secret, key);
  }
  return key;
}

async function deriveSealingKey(secret: string): Promise<CryptoKey> {
  const bytes = new TextEncoder().encode(`manage-users sealed token\n${secret}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return globalThis.crypto.subtle.importKey('raw', digest, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A token encrypted with a key from `secret` (which the database does not hold), as hex. */
export async function sealToken(secret: string, token: string): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const sealed = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await sealingKey(secret),
    new TextEncoder().encode(token),
  );
  return `${hex(iv)}${hex(sealed)}`;
}

/** The token {@link sealToken} sealed; rejects when another secret sealed it. */
export async function openToken(secret: string, sealed: string): Promise<string> {
  const bytes = Uint8Array.from(sealed.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  const opened = await globalThis.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.slice(0, 12) },
    await sealingKey(secret),
    bytes.slice(12),
  );
  return new TextDecoder().decode(opened);
}
