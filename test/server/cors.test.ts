/** Which answers of the reference server another origin's page may read (CORS_ORIGINS). */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, API_BASE } from '../../demo/server/app.ts';
import { parseOrigins } from '../../api/http/cors.ts';

const HOST = 'http://lms.test';
const OTHER = 'http://evil.test';

const preflight = (origin: string, method = 'POST') => ({
  method: 'OPTIONS',
  headers: {
    Origin: origin,
    'Access-Control-Request-Method': method,
    'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
  },
});
const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('cross-origin access', async () => {
  const server = await createServer({
    database: ':memory:',
    publicUrl: HOST,
    demo: true,
    corsOrigins: [HOST, 'http://b.test'],
  });
  const plain = await createServer({ database: ':memory:', publicUrl: HOST, demo: true });
  after(async () => {
    await server.close();
    await plain.close();
  });

  it('answers a listed origin’s preflight for an API route with the allowed headers and methods', async () => {
    const response = await server.app.request(`${API_BASE}/groups/demo/invitations`, preflight(HOST));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), HOST);
    assert.equal(
      response.headers.get('Access-Control-Allow-Headers'),
      'Authorization,Content-Type,Idempotency-Key,Accept-Language',
    );
    assert.match(response.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
    assert.equal(response.headers.get('Access-Control-Allow-Credentials'), null);
  });

  it('answers preflights for routes with path parameters and for the second listed origin', async () => {
    const response = await server.app.request(
      `${API_BASE}/groups/demo/subgroups/sg_1`,
      preflight('http://b.test', 'DELETE'),
    );
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'http://b.test');
  });

  it('lets a listed origin read the answer and its Retry-After and Location headers', async () => {
    const response = await server.app.request(`${API_BASE}/groups/demo`, {
      headers: { Origin: HOST, Authorization: 'Bearer demo-admin' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), HOST);
    assert.equal(response.headers.get('Access-Control-Expose-Headers'), 'Retry-After,Location');
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
  });

  it('sends no CORS header at all to an origin that is not listed', async () => {
    const refused = await server.app.request(`${API_BASE}/groups/demo/invitations`, preflight(OTHER));
    assert.deepEqual(corsHeaders(refused), []);
    const read = await server.app.request(`${API_BASE}/groups/demo`, {
      headers: { Origin: OTHER, Authorization: 'Bearer demo-admin' },
    });
    assert.deepEqual(corsHeaders(read), []);
    assert.match(read.headers.get('Vary') ?? '', /Origin/);
  });

  it('keeps the accept page and the outbox to their own origin', async () => {
    for (const path of ['/accept?token=x', `${API_BASE}/dev/outbox`]) {
      const response = await server.app.request(path, { headers: { Origin: HOST } });
      assert.deepEqual(corsHeaders(response), [], path);
      assert.deepEqual(corsHeaders(await server.app.request(path, preflight(HOST, 'GET'))), [], path);
    }
  });

  it('opens nothing when CORS_ORIGINS is unset', async () => {
    assert.deepEqual(parseOrigins(undefined), []);
    assert.deepEqual(corsHeaders(await plain.app.request(`${API_BASE}/groups/demo/invitations`, preflight(HOST))), []);
  });

  it('reads CORS_ORIGINS as comma-separated exact origins', () => {
    assert.deepEqual(parseOrigins(' https://a.example , http://localhost:5173,,'), [
      'https://a.example',
      'http://localhost:5173',
    ]);
  });

  it('writes each CORS_ORIGINS entry as the browser sends its Origin (case, trailing slash, default port)', () => {
    assert.deepEqual(parseOrigins('HTTPS://LMS.Example.com/, http://localhost:8081/, https://a.example:443'), [
      'https://lms.example.com',
      'http://localhost:8081',
      'https://a.example',
    ]);
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, saying which', () => {
    assert.throws(() => parseOrigins('https://a.example, lms.example.com'), /"lms\.example\.com" is not an origin/);
    assert.throws(() => parseOrigins('https://lms.example.com/app'), /"https:\/\/lms\.example\.com\/app" is not/);
  });
});
