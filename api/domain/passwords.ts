/**
 * Password hashing with scrypt (node:crypto), salted per password. At most two hashes run at
 * once, so a burst of accepts cannot take every thread of libuv's pool (four by default) from
 * the digests and file reads other requests need; the rest wait their turn.
 */
import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

const PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Most scrypt computations at once. */
export const MAX_CONCURRENT_HASHES = 2;

const inTurn = limitConcurrency(MAX_CONCURRENT_HASHES);

export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return inTurn(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS, (error, key) => {
          if (error) reject(error);
          else
            resolve(`scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`);
        });
      }),
  );
}

/** Runs at most `limit` pieces of work at once; the others wait in arrival order. */
function limitConcurrency(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // A freed slot passes straight to the next in line, or is given back.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
