/**
 * A throwaway PostgreSQL server for tests: Debian's binaries (`.ci/run` installs
 * `postgresql-15` where they are missing), a new data directory in the temp folder, a free
 * loopback port, and everything removed on `stop()`. As root, the server runs as the
 * `postgres` user, since `initdb` refuses root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { freePort } from './free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

export interface ThrowawayPostgres {
  /**
   * The URL of a new, empty database: a schema of its own, named in the URL's `search_path`
   * (a new schema takes milliseconds, a new database about a second).
   */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The newest installed server's `bin/` (Debian keeps one folder per major version). */
function binaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => join(root, version, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql-15 (as .ci/run does)');
  return bin;
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = binaries();
  const dir = await mkdtemp(join(tmpdir(), 'manage-users-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
    await chown(dir, id('-u'), id('-g'));
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  const origin = `postgres://postgres@127.0.0.1:${port}`;
  const admin = postgres(`${origin}/postgres`, { max: 1, onnotice: () => undefined });
  let count = 0;
  return {
    async createDatabase() {
      const name = `test_${++count}`;
      await admin.unsafe(`CREATE SCHEMA ${name}`);
      return `${origin}/postgres?search_path=${name}`;
    },
    async stop() {
      await admin.end({ timeout: 1 });
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
