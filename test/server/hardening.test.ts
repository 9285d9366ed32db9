/** The reference server as a careless or hostile client meets it: oversized bodies, keep-alive. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { createServer } from '../../demo/server/app.ts';
import { listen } from '../helpers/browser.ts';

/** One request through `agent`; resolves with the status, or rejects with the socket error. */
function send(agent: Agent, url: URL, method = 'GET', body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' };
    const req = request(url, { agent, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('reference server over HTTP', () => {
  let origin: string;
  let close: () => Promise<void>;
  let drain: () => void;
  before(async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo: true });
    drain = server.drain;
    const http = await listen(() => server.app.fetch);
    origin = http.origin;
    close = async () => {
      await http.close();
      await server.close();
    };
  });
  after(() => close());

  it('answers every request on a keep-alive connection after refusing an oversized body with 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const invite = new URL('/api/v1/groups/demo/invitations', origin);
    const oversized = JSON.stringify({ batches: [{ role: 'learner', emails: ['x'.repeat(600 * 1024)] }] });
    assert.equal(await send(agent, invite, 'POST', oversized), 413);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push(await send(agent, new URL('/api/v1/groups/demo', origin)));
    assert.deepEqual(statuses, Array(10).fill(200));
    agent.destroy();
  });

  it('answers every request on a keep-alive connection after refusing an oversized accept form with 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const accept = new URL('/accept', origin);
    assert.equal(await send(agent, accept, 'POST', `token=t&name=${'x'.repeat(600 * 1024)}`), 413);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push(await send(agent, new URL('/healthz', origin)));
    assert.deepEqual(statuses, Array(10).fill(200));
    agent.destroy();
  });

  it('tells a load balancer it is alive and ready, and not ready once it shuts down', async () => {
    assert.equal((await fetch(`${origin}/healthz`)).status, 200);
    assert.equal((await fetch(`${origin}/readyz`)).status, 200);
    drain();
    const readiness = await fetch(`${origin}/readyz`);
    assert.equal(readiness.status, 503);
    assert.equal(readiness.headers.get('Connection'), 'close');
    assert.equal((await fetch(`${origin}/healthz`)).status, 200);
  });
});
