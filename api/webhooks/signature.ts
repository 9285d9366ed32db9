/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): the signed content is
 * `<webhook-id>.<webhook-timestamp>.<body>`, signed with HMAC-SHA256 under the secret's bytes
 * (`whsec_` + base64), and sent as `webhook-signature: v1,<base64>`. Web Crypto only.
 */

/** The three headers of one delivery attempt. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The key bytes of a `whsec_…` secret; throws on a secret in another form. */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match?.[1])
    throw new Error('WEBHOOK_SECRET must be whsec_ followed by base64, as Standard Webhooks secrets are.');
  return Uint8Array.from(atob(match[1]), (char) => char.charCodeAt(0));
}

/** Signs a body for one attempt at `timestamp` (seconds since the epoch). */
export async function signWebhook(
  secret: Uint8Array<ArrayBuffer>,
  id: string,
  timestamp: number,
  body: string,
): Promise<WebhookHeaders> {
  const key = await globalThis.crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const content = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, content));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${btoa(String.fromCharCode(...mac))}`,
  };
}
