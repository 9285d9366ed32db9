/**
 * The reference server refusing to start on a configuration an operator has to fix: one line
 * naming the variable and its value, exit code 1, no stack trace.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `demo/server/main.ts` with `env` until it exits: its exit code and what it wrote to stderr. */
async function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['demo/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'development', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const [code] = await once(child, 'exit');
  return { code, lines: stderr.trim().split('\n') };
}

describe('start-up refusals', () => {
  let folder: string;
  before(async () => (folder = await mkdtemp(join(tmpdir(), 'manage-users-start-up-'))));
  after(() => rm(folder, { recursive: true, force: true }));

  it('a PORT in use: one line naming PORT, exit code 1, and no database file created', async () => {
    const busy = createServer();
    busy.listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const port = (busy.address() as AddressInfo).port;
    const file = join(folder, 'busy-port.db');
    try {
      const { code, lines } = await start({ PORT: String(port), DATABASE: file });
      assert.equal(code, 1);
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0]!, new RegExp(`PORT=${port} is already in use`));
      assert.equal(existsSync(file), false);
    } finally {
      busy.close();
    }
  });

  it('a DATABASE in a folder that does not exist: one line naming DATABASE and the path, exit code 1', async () => {
    const file = join(folder, 'no-such-folder', 'users.db');
    const { code, lines } = await start({ PORT: '0', DATABASE: file });
    assert.equal(code, 1);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.ok(lines[0]!.includes(`DATABASE=${file} cannot be opened`), lines[0]);
  });
});
