/**
 * The reference server under load (issue 9, "Benchmarks"): list requests (first page, a
 * search, a deep cursor) and invites of 1, 50 and 500 addresses, each at 1, 10 and 50
 * concurrent connections, with autocannon on loopback; on SQLite and on PostgreSQL (a
 * throwaway server of its own), with 1,000 and 100,000 invitations in the group
 * (`BENCH_SERVER_SIZES`). Every store and size starts a fresh server in a process of its own,
 * seeded through `POST dev/seed` (timed), with room for the invites made by removing expired
 * invitations by filter (timed too). Prints requests/s and p50/p99 (ms) per cell.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ADMIN, post, startServer } from './bench-server-process.ts';
import { nextCursor } from '../api/domain/cursor.ts';
import { startPostgres } from '../test/helpers/postgres.ts';

const SIZES = (process.env.BENCH_SERVER_SIZES ?? '1000,100000').split(',').map(Number);
const CONCURRENCY = [1, 10, 50];
const DAY = 86_400_000;
/** Seconds each list cell runs. */
const LIST_SECONDS = 2;
/**
 * Requests each invite cell sends, by addresses per request: bounded, since every invite takes
 * a seat (and autocannon sends at least one request per connection).
 */
const INVITE_REQUESTS: Record<number, (connections: number) => number> = {
  1: () => 100,
  50: (connections) => Math.max(20, connections),
  500: (connections) => Math.max(2, connections),
};
/** Seats the invites can take: 1 × 300 + 50 × 90 + 500 × 62, rounded up. */
const ROOM = 36_000;

interface Cell {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const benchStarted = performance.now();
/** What the bench is doing, on stderr, with the time since it started. */
const progress = (step: string) => console.error(`  … ${seconds(benchStarted)}: ${step}`);

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function cellOf(result: autocannon.Result): Cell {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

let invitee = 0;
function inviteBody(addresses: number) {
  const emails = Array.from({ length: addresses }, () => `load-${process.pid}-${invitee++}@bench.example`);
  return JSON.stringify({ batches: [{ role: 'learner', emails }] });
}

/** Every cell for one server: label → cell. */
async function measure(base: string): Promise<Map<string, Cell>> {
  const list = `${base}groups/demo/invitations`;
  const deep = nextCursor('-createdAt', { key: new Date(Date.now() - 5 * DAY).toISOString(), id: 'inv_' });
  const lists: Array<[string, string]> = [
    ['list: first page (50)', `${list}?limit=50`],
    ['list: search (q=-123@)', `${list}?q=-123%40`],
    ['list: deep cursor (5 days back)', `${list}?cursor=${deep ?? ''}`],
  ];
  const cells = new Map<string, Cell>();
  for (const [label, url] of lists) {
    for (const connections of CONCURRENCY) {
      const result = await autocannon({ url, connections, duration: LIST_SECONDS, headers: ADMIN });
      cells.set(`${label}, c=${connections}`, cellOf(result));
      progress(`${label}, c=${connections}`);
    }
  }
  for (const addresses of [1, 50, 500]) {
    for (const connections of CONCURRENCY) {
      const setupRequest = (request: autocannon.Request) => ({ ...request, body: inviteBody(addresses) });
      const amount = INVITE_REQUESTS[addresses]?.(connections) ?? connections;
      const options = { url: list, connections, amount, timeout: 120, method: 'POST' as const, headers: ADMIN };
      const result = await autocannon({ ...options, requests: [{ setupRequest }] });
      cells.set(`invite ${addresses} (${amount} req), c=${connections}`, cellOf(result));
      progress(`invite ${addresses}, c=${connections}`);
    }
  }
  return cells;
}

/** Seeds `size` pending invitations plus room for the invites, then measures. */
async function benchServer(database: string, size: number, notes: string[], label: string) {
  const server = await startServer(database);
  try {
    let started = performance.now();
    const seed = { groupId: 'demo', invitations: size + ROOM, expired: ROOM, members: 1000 };
    await post(server.base, 'dev/seed', seed);
    const seeded = seconds(started);
    progress(`seeded ${label}`);
    started = performance.now();
    await post(server.base, 'groups/demo/invitations/remove', { filter: { status: 'expired' } });
    notes.push(
      `${label}: seeded ${(size + ROOM).toLocaleString('en')} invitations in ${seeded}; ` +
        `removed ${ROOM.toLocaleString('en')} expired by filter in ${seconds(started)} (1 request)`,
    );
    return await measure(server.base);
  } finally {
    await server.stop();
  }
}

export async function serverBench() {
  const columns: Array<{ label: string; cells: Map<string, Cell> }> = [];
  const notes: string[] = [];
  for (const size of SIZES) {
    const file = join(tmpdir(), `manage-users-bench-server-${process.pid}-${size}.db`);
    const label = `SQLite ${size.toLocaleString('en')}`;
    columns.push({ label, cells: await benchServer(file, size, notes, label) });
    await rm(file, { force: true });
    await rm(`${file}.secret`, { force: true });
  }
  const postgres = await startPostgres();
  try {
    for (const size of SIZES) {
      const label = `PostgreSQL ${size.toLocaleString('en')}`;
      columns.push({ label, cells: await benchServer(await postgres.createDatabase(), size, notes, label) });
    }
  } finally {
    await postgres.stop();
  }
  print(columns, notes);
}

function print(columns: Array<{ label: string; cells: Map<string, Cell> }>, notes: string[]) {
  console.log(
    `\nReference server under load (autocannon on loopback; requests/s, p50 / p99 ms; lists ${LIST_SECONDS} s a cell)`,
  );
  const width = 24;
  console.log(`  ${'request'.padEnd(40)}${columns.map(({ label }) => label.padStart(width)).join('')}`);
  for (const row of columns[0]?.cells.keys() ?? []) {
    const shown = columns.map(({ cells }) => {
      const cell = cells.get(row);
      if (!cell) return ''.padStart(width);
      const text = `${cell.rps.toFixed(0)}/s ${cell.p50}/${cell.p99}${cell.errors ? ` ${cell.errors} err` : ''}`;
      return text.padStart(width);
    });
    console.log(`  ${row.padEnd(40)}${shown.join('')}`);
  }
  for (const note of notes) console.log(`  ${note}`);
}

if (import.meta.main) await serverBench();
