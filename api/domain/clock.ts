/** The time every rule reads. Demo mode can move it forward to show expiry. */
export interface Clock {
  now(): Date;
  /** Moves the clock forward and returns the new time. */
  advance(ms: number): Date;
}

export function createClock(start: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => new Date(start() + offset),
    advance(ms) {
      offset += ms;
      return new Date(start() + offset);
    },
  };
}
