/**
 * The reference server as the benches run it: `scripts/bench-scale-server.ts` in a process of
 * its own (so its RSS is its own and the load generator does not share its event loop), on the
 * database `database` (a SQLite file, `:memory:` or a `postgres://` URL), and the requests the
 * benches make of it as the demo admin.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** The demo admin's headers for a JSON request. */
export const ADMIN = { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' };

export interface RunningServer {
  /** The API's base URL, ending in `/api/v1/`. */
  base: string;
  /** The process's resident memory now, in MB. */
  rssMb(): Promise<number>;
  /** SIGTERM, then waits for the process to exit (the database closed). */
  stop(): Promise<void>;
}

export async function startServer(database: string): Promise<RunningServer> {
  const script = new URL('./bench-scale-server.ts', import.meta.url).pathname;
  // The young generation capped as `npm start` caps it (README, At scale: memory).
  const child = spawn(process.execPath, ['--max-semi-space-size=16', script], {
    env: { ...process.env, DATABASE: database },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const { port } = JSON.parse(line) as { port: number };
  return {
    base: `http://127.0.0.1:${port}/api/v1/`,
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** POSTs `body` as the demo admin; throws with the answer's text unless it is 2xx. */
export async function post(base: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, base), { method: 'POST', headers: ADMIN, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
