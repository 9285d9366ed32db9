/**
 * One piece of async work at a time: `run` waits for the work queued before it. The stores
 * on one connection (SQLite, memory) use it so that two transactions never interleave.
 */
export interface Mutex {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Whether nothing is running or waiting. */
  readonly idle: boolean;
}

export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return {
    get idle() {
      return waiting === 0;
    },
    run(work) {
      waiting++;
      const result = tail.then(work).finally(() => waiting--);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
