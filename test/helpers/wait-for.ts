/**
 * Waits for a condition that work in the background makes true (the outbox worker's
 * deliveries): polls `probe` until it gives a truthy value, and fails after `ms`.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, ms = 10_000): Promise<Truthy<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;
