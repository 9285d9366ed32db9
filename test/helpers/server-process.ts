/** The reference server as its own process (`demo/server/main.ts`), on a database file the test prepares. */
import { spawn, type ChildProcess } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { createClock } from '../../api/domain/clock.ts';
import { seedDemo } from '../../api/domain/seed.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';

/** A seeded database file whose demo group has seats enough for a long stream of invites. */
export async function roomyDatabase(file: string) {
  const store = openSqliteStore(file);
  const clock = createClock();
  await seedDemo({ store, clock, acceptUrl: (t) => t });
  await store.close();
  const db = new DatabaseSync(file);
  db.exec(`UPDATE groups SET total_seats = 100000 WHERE id = 'demo'`);
  db.close();
}

/** Starts `npm run serve` on `file` (with `env` on top) and resolves once it listens. */
export async function startServer(file: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['demo/server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE: file, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const stdout = child.stdout;
  await new Promise<void>((resolve, reject) => {
    stdout.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('Manage Users demo:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it listened`)));
  });
  return child;
}
