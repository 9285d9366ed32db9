/** Rate limits as an attacker meets them: per address, per caller, a stricter budget for tokens. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, API_BASE } from '../../demo/server/app.ts';
import { createRateLimiter, DEFAULT_TOKEN_RATE_LIMIT } from '../../api/http/rate-limit.ts';
import { createClock } from '../../api/domain/clock.ts';
import { listen } from '../helpers/browser.ts';

const TOKEN_BUDGET = DEFAULT_TOKEN_RATE_LIMIT.requests;

async function startServer(trustProxy = 0) {
  const server = await createServer({ database: ':memory:', publicUrl: 'http://lms.test', demo: true, trustProxy });
  const http = await listen(() => server.app.fetch);
  return {
    ...http,
    store: server.store,
    close: async () => {
      await http.close();
      await server.close();
    },
  };
}

/** Sends `count` look-ups of unknown tokens one after another; returns the statuses seen. */
async function lookUps(origin: string, count: number, headers: () => Record<string, string> = () => ({})) {
  const statuses = new Set<number>();
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${origin}${API_BASE}/invitations/guess-${i}`, { headers: headers() });
    await response.body?.cancel();
    statuses.add(response.status);
  }
  return statuses;
}

describe('rate limit', () => {
  it('limits one address flooding token look-ups without limiting another (TRUST_PROXY=1)', async () => {
    const server = await startServer(1);
    try {
      const flood = await lookUps(server.origin, TOKEN_BUDGET + 1, () => ({ 'X-Forwarded-For': '203.0.113.7' }));
      assert.deepEqual([...flood].sort(), [404, 429]);
      const other = await fetch(`${server.origin}${API_BASE}/invitations/guess`, {
        headers: { 'X-Forwarded-For': '198.51.100.2' },
      });
      assert.equal(other.status, 404);
    } finally {
      await server.close();
    }
  });

  it('ignores X-Forwarded-For entries the client wrote itself in front of the proxy', async () => {
    const server = await startServer(1);
    try {
      await lookUps(server.origin, TOKEN_BUDGET, () => ({ 'X-Forwarded-For': '203.0.113.7' }));
      const forged = await fetch(`${server.origin}${API_BASE}/invitations/guess`, {
        headers: { 'X-Forwarded-For': '192.0.2.55, 203.0.113.7' },
      });
      assert.equal(forged.status, 429);
    } finally {
      await server.close();
    }
  });

  it('limits requests with a fresh junk Authorization header each as one anonymous address', async () => {
    const server = await startServer();
    try {
      let n = 0;
      const statuses = await lookUps(server.origin, TOKEN_BUDGET + 1, () => ({ Authorization: `Bearer junk-${n++}` }));
      assert.ok(statuses.has(429), `statuses seen: ${[...statuses].join(', ')}`);
    } finally {
      await server.close();
    }
  });

  it('keeps signed-in admins working while anonymous look-ups from their address are limited', async () => {
    const server = await startServer();
    try {
      await lookUps(server.origin, TOKEN_BUDGET + 1);
      const admin = await fetch(`${server.origin}${API_BASE}/groups/demo`, {
        headers: { Authorization: 'Bearer demo-admin' },
      });
      assert.equal(admin.status, 200);
    } finally {
      await server.close();
    }
  });

  it('tells the invitee on the accept page to try again in some minutes, in their language, never "not valid"', async () => {
    const server = await startServer();
    try {
      await lookUps(server.origin, TOKEN_BUDGET + 1);
      const english = await fetch(`${server.origin}/accept?token=anything`);
      assert.equal(english.status, 429);
      assert.ok(Number(english.headers.get('Retry-After')) > 0);
      const text = await english.text();
      assert.match(text, /Too many attempts\. Try again in 10 minutes\./);
      assert.doesNotMatch(text, /not valid/);
      const spanish = await fetch(`${server.origin}/accept?token=anything&lang=es`);
      assert.match(await spanish.text(), /Demasiados intentos\. Vuelva a intentarlo dentro de 10 minutos\./);
    } finally {
      await server.close();
    }
  });

  it('forgets only the oldest bucket when its store is full, never all of them', () => {
    const clock = createClock();
    const limiter = createRateLimiter({ requests: 1, windowMs: 60_000 }, clock, 3);
    for (const key of ['a', 'b', 'c']) {
      limiter.take(key);
      clock.advance(1);
    }
    limiter.take('d');
    assert.doesNotThrow(() => limiter.take('a'), 'the oldest bucket was forgotten, so it starts again');
    assert.throws(() => limiter.take('c'), { code: 'rate_limited' });
    assert.throws(() => limiter.take('d'), { code: 'rate_limited' });
  });
});
