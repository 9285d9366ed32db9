/**
 * The server's list of common passwords (the 10,000 most common, from SecLists; see
 * common-passwords.LICENSE). Read from disk by the server only: never part of the widget,
 * the SDK or the mocks.
 */
import { readFileSync } from 'node:fs';

/** Compared ignoring case and Unicode compatibility forms: `PASSWORD` is as common as `password`. */
const normalise = (password: string) => password.normalize('NFKC').toLowerCase();

let list: Set<string> | undefined;

/** Whether a password is in the list (loaded on first use). */
export function isCommonPassword(password: string): boolean {
  list ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => normalise(line.trim()))
      .filter(Boolean),
  );
  return list.has(normalise(password));
}
