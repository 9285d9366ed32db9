/**
 * Anonymous CPU amplification, measured: an admin's invitations list request and an
 * invitee's link look-up (p50 of each) alone, then while 64 concurrent clients send accepts
 * with random tokens from 64 addresses (`TRUST_PROXY=1`, each address within its own
 * look-up budget), on the reference server in its own process, over loopback HTTP.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { median } from './median.ts';

const ATTACKERS = 64;
const ACCEPTS_EACH = 90;
const SAMPLES = 40;

const API_BASE = '/api/v1';

/** `node demo/server/main.ts` on a free port, in memory, behind one trusted proxy hop. */
async function startServer() {
  const child = spawn(process.execPath, ['demo/server/main.ts'], {
    env: { ...process.env, PORT: '0', DATABASE: ':memory:', TRUST_PROXY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const found = /http:\/\/\S+:(\d+)\//.exec(chunk.toString());
      if (found) resolve(Number(found[1]));
    });
  });
  return {
    base: `http://127.0.0.1:${port}${API_BASE}`,
    stop: () => {
      child.kill();
      return once(child, 'exit');
    },
  };
}

export async function acceptFlood() {
  const { base, stop } = await startServer();
  const timed = async (path: string, headers: Record<string, string>) => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const outboxAnswer = await fetch(`${base}/dev/outbox?to=kim.nguyen@riverside.example`);
  const outbox = (await outboxAnswer.json()) as { items: { acceptUrl: string }[] };
  const token = new URL(outbox.items[0]?.acceptUrl ?? '').searchParams.get('token') ?? '';
  /** An admin's list and an invitee's look-up, one after the other, until enough samples. */
  const sample = async (until: () => boolean) => {
    const times = { list: [] as number[], lookUp: [] as number[] };
    while (times.list.length < SAMPLES && !until()) {
      times.list.push(await timed('/groups/demo/invitations', { Authorization: 'Bearer demo-admin' }));
      times.lookUp.push(await timed(`/invitations/${token}`, { 'X-Forwarded-For': '192.0.2.1' }));
    }
    return times;
  };
  const p50 = (times: { list: number[]; lookUp: number[] }) =>
    `admin's list ${median(times.list).toFixed(1)} ms, invitee's look-up ${median(times.lookUp).toFixed(1)} ms`;
  try {
    const alone = await sample(() => false);
    let done = 0;
    const statuses = new Map<number, number>();
    const attacker = async (index: number) => {
      for (let i = 0; i < ACCEPTS_EACH; i++) {
        const bogus = crypto.randomUUID() + crypto.randomUUID();
        const response = await fetch(`${base}/invitations/${bogus}/accept`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.18.0.${index}` },
          body: JSON.stringify({ name: 'Mallory', password: 'a long enough password' }),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
      done++;
    };
    const started = performance.now();
    const flood = Promise.all(Array.from({ length: ATTACKERS }, (_, index) => attacker(index)));
    const during = await sample(() => done === ATTACKERS);
    await flood;
    const seconds = (performance.now() - started) / 1000;
    const answered = [...statuses].map(([status, count]) => `${count}×${status}`).join(', ');
    console.log('\nRequests p50 over loopback HTTP (reference server in its own process, SQLite in memory)');
    console.log(`  alone: ${p50(alone)}`);
    console.log(
      `  during ${ATTACKERS} concurrent bogus accepts (${ATTACKERS} addresses, ${ACCEPTS_EACH} each; ${answered}):`,
    );
    console.log(`    ${p50(during)} (${during.list.length} samples)`);
    const rate = (ATTACKERS * ACCEPTS_EACH) / seconds;
    console.log(
      `    the server answered ${rate.toFixed(0)} bogus accepts a second; load average ${loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    await stop();
  }
}
