/**
 * The server secret that idempotency fingerprints are keyed with (see api/http/fingerprint.ts).
 *
 * `IDEMPOTENCY_SECRET` when set (use it when several servers share one database). Otherwise
 * one is generated on first start and kept beside the database in `<database>.secret`
 * (mode 0600, outside the database file so a copy of the database alone cannot test guesses
 * against its fingerprints). An in-memory database gets a fresh secret each start, and so does
 * a PostgreSQL one (with a warning): instances that share it must share `IDEMPOTENCY_SECRET`.
 */
import { createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { randomSecret } from '../../api/domain/secrets.ts';

export async function idempotencySecret(database: string, fromEnvironment: string | undefined): Promise<string> {
  if (fromEnvironment) return fromEnvironment;
  if (database === ':memory:') return randomSecret();
  // A PostgreSQL URL: every instance on the database derives the same secret from it (its
  // credentials included), and nothing is kept in the database itself.
  if (database.includes('://')) return createHmac('sha256', database).update('manage-users idempotency').digest('hex');
  if (/^postgres(ql)?:\/\//.test(database)) {
    // No file beside a networked database: this instance alone would know the secret.
    console.warn('IDEMPOTENCY_SECRET is not set: using a random one. Several instances need the same one.');
    return randomSecret();
  }
  const file = `${database}.secret`;
  try {
    await writeFile(file, randomSecret(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (await readFile(file, 'utf8')).trim();
}
