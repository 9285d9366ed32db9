/**
 * The reference server at 1,000 and 200,000 invitations (`BENCH_SCALE=1000,200000`), each
 * in a process of its own on loopback, loaded with autocannon in bounded runs: list requests
 * (first page, search, sort, status filter, deep page), a single invite, `GET me` while ten
 * searches run (for nothing, and for every row), one remove by filter of every expired
 * invitation, one resend by filter of every pending one, and the server's RSS through two
 * rounds of 20,000 invites and their emails. A database is seeded once (`POST dev/seed`) and
 * kept in `node_modules/.cache/manage-users-bench/`; every run works on a fresh copy of it.
 */
import { access, copyFile, mkdir, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ADMIN, post, startServer } from './bench-server-process.ts';
import { nextCursor } from '../api/domain/cursor.ts';

const SCALES = (process.env.BENCH_SCALE ?? '1000,200000').split(',').map(Number);
const CACHE = new URL('../node_modules/.cache/manage-users-bench/', import.meta.url).pathname;
const DAY = 86_400_000;
const REQUESTS = 200;

/** A copy of a database with `n` invitations (half expired) and 5,000 members, seeded once. */
export async function databaseWith(n: number): Promise<string> {
  await mkdir(CACHE, { recursive: true });
  const seeded = join(CACHE, `scale-${n}.db`);
  const present = await access(seeded).then(
    () => true,
    () => false,
  );
  if (!present) {
    const server = await startServer(seeded);
    const started = performance.now();
    await post(server.base, 'dev/seed', { groupId: 'demo', invitations: n, expired: n / 2, members: 5000 });
    console.log(
      `  (seeded ${n.toLocaleString('en')} invitations in ${((performance.now() - started) / 1000).toFixed(1)} s, once)`,
    );
    await server.stop();
  }
  const copy = join(tmpdir(), `manage-users-bench-${n}-${process.pid}.db`);
  await copyFile(seeded, copy);
  return copy;
}

interface Latency {
  p50: number;
  p99: number;
}

/** p50 / p99 of `REQUESTS` requests, one connection. */
async function latency(url: string, options: Partial<autocannon.Options> = {}): Promise<Latency> {
  const result = await autocannon({ url, amount: REQUESTS, connections: 1, headers: ADMIN, ...options });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  return { p50: result.latency.p50, p99: result.latency.p99 };
}

/** `GET me` p50 / p99 while ten connections search for `q`. */
async function meWhileSearching(base: string, q: string): Promise<Latency> {
  const load = {
    url: `${base}groups/demo/invitations?q=${encodeURIComponent(q)}`,
    connections: 10,
    duration: 60,
    headers: ADMIN,
  };
  const searches = autocannon(load, () => undefined);
  const me = await latency(`${base}groups/demo/me`, { amount: 300 });
  searches.stop();
  return me;
}

let invitee = 0;
const oneInvite = () =>
  JSON.stringify({ batches: [{ role: 'learner', emails: [`bench-${invitee++}@bench.example`] }] });

/** One bulk action by filter: how many it changed, and how long its one request took. */
async function timed(base: string, action: 'remove' | 'resend', filter: object) {
  const started = performance.now();
  const answer = (await post(base, `groups/demo/invitations/${action}`, { filter })) as Record<string, number>;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = answer[action === 'remove' ? 'removed' : 'resent'] ?? 0;
  return `${count.toLocaleString('en')} in ${seconds} s, 1 req.`;
}

/** The figures of one scale: every cell in order, on one fresh copy. */
async function measureScale(n: number) {
  const database = await databaseWith(n);
  const server = await startServer(database);
  const list = `${server.base}groups/demo/invitations`;
  const deep = nextCursor('-createdAt', { key: new Date(Date.now() - 20 * DAY).toISOString(), id: 'inv_' });
  try {
    const cells: Array<[string, Latency | string]> = [
      ['first page (50)', await latency(`${list}?limit=50`)],
      ['search, no match (q=zzz)', await latency(`${list}?q=zzz`)],
      ['search (q=-123@)', await latency(`${list}?q=-123%40`)],
      ['sort=lastSentAt', await latency(`${list}?sort=lastSentAt`)],
      ['status=expired', await latency(`${list}?status=expired`)],
      ['deep page (20 days back)', await latency(`${list}?cursor=${deep ?? ''}`)],
      ['GET me during 10 searches (q=zzz)', await meWhileSearching(server.base, 'zzz')],
      // Every seeded address matches: each search sorts and counts every row of the group.
      ['GET me, 10 searches for every row', await meWhileSearching(server.base, 'bulk.example')],
    ];
    const removed = await timed(server.base, 'remove', { status: 'expired' });
    // The count differs per scale, so it goes in the cell, not the label.
    cells.push(['remove every expired by filter', removed]);
    // After the removal, which freed seats.
    const setupRequest = (request: autocannon.Request) => ({ ...request, body: oneInvite() });
    cells.push(['single invite', await latency(list, { method: 'POST', amount: 100, requests: [{ setupRequest }] })]);
    // Last: the worker then sends every resent invitation's email.
    cells.push(['resend every pending by filter', await timed(server.base, 'resend', { status: 'pending' })]);
    return cells;
  } finally {
    await server.stop();
    await rm(database, { force: true });
  }
}

/** Waits until no invitation's email is queued: the worker has delivered every one to the outbox. */
async function emailsDelivered(base: string) {
  for (;;) {
    const response = await fetch(new URL('groups/demo/invitations?delivery=queued&limit=1', base), { headers: ADMIN });
    if (((await response.json()) as { items: unknown[] }).items.length === 0) return;
    await sleep(1000);
  }
}

/**
 * RSS of a fresh server through two rounds of 20,000 invites (40 requests of 500 each): once
 * they are answered and once their 20,000 emails are delivered. The second round tells memory
 * the process keeps for reuse (it stays flat) from memory that grows with the work.
 */
async function rssAfterInvites() {
  const database = await databaseWith(SCALES[0] ?? 1000);
  const server = await startServer(database);
  try {
    const figures: Array<[string, number]> = [['started', await server.rssMb()]];
    // Room for 20,000 more: seed 20,000 expired invitations, then remove them by filter.
    await post(server.base, 'dev/seed', { groupId: 'demo', invitations: 20_000, expired: 20_000, members: 0 });
    await post(server.base, 'groups/demo/invitations/remove', { filter: { status: 'expired' } });
    figures.push(['room made', await server.rssMb()]);
    for (const round of [1, 2]) {
      for (let batch = 0; batch < 40; batch++) {
        const emails = Array.from({ length: 500 }, (_, i) => `rss-${round}-${batch}-${i}@bench.example`);
        await post(server.base, 'groups/demo/invitations', { batches: [{ role: 'learner', emails }] });
      }
      figures.push([`${round === 1 ? '' : 'again: '}answered`, await server.rssMb()]);
      await emailsDelivered(server.base);
      figures.push([`${round === 1 ? '' : 'again: '}emails delivered`, await server.rssMb()]);
      // Room for the second round: remove this one's invitations.
      await post(server.base, 'groups/demo/invitations/remove', { filter: { q: `rss-${round}-` } });
    }
    return figures;
  } finally {
    await server.stop();
    await rm(database, { force: true });
  }
}

export async function scaleBench() {
  console.log(`\nReference server over loopback (autocannon, 1 connection, ${REQUESTS} requests a cell; p50 / p99 ms)`);
  const results = [];
  for (const n of SCALES) results.push(await measureScale(n));
  const show = (value: Latency | string) => (typeof value === 'string' ? value : `${value.p50} / ${value.p99}`);
  console.log(`  ${'invitations'.padEnd(34)}${SCALES.map((n) => n.toLocaleString('en').padStart(22)).join('')}`);
  for (const [index, [label]] of (results[0] ?? []).entries()) {
    console.log(`  ${label.padEnd(34)}${results.map((cells) => show(cells[index]?.[1] ?? '').padStart(22)).join('')}`);
  }
  const rss = await rssAfterInvites();
  const shown = rss.map(([label, mb]) => `${label} ${mb.toFixed(0)}`).join(', ');
  console.log(`  RSS (MB) through 20,000 invites (40 × 500), twice: ${shown}`);
}
