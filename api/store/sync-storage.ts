/**
 * The stores whose database answers synchronously (SQLite through `node:sqlite`, memory)
 * write their methods as plain functions and turn them into the async {@link Storage} here.
 */
import type { Storage } from './store.ts';

/** A part of {@link Storage} with plain results instead of Promises. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export type SyncStorage = Sync<Storage>;

/** Runs a synchronous step now, as a Promise (its throw becomes a rejection). */
export function settle<T>(run: () => T): Promise<T> {
  return new Promise((resolve) => resolve(run()));
}

/** Each method runs through `step`, which decides when (e.g. after the transaction in progress). */
export function asyncStorage(sync: SyncStorage, step: <T>(run: () => T) => Promise<T>): Storage {
  const entries = Object.entries(sync).map(([name, method]) => [
    name,
    (...args: unknown[]) => step(() => (method as (...args: unknown[]) => unknown)(...args)),
  ]);
  return Object.fromEntries(entries) as Storage;
}
