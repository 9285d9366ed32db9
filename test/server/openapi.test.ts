/** The generated OpenAPI document: valid 3.1, and the same routes the server has. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '../../api/http/openapi.ts';
import { createServer, API_BASE } from '../../demo/server/app.ts';

const routesOf = (document: ReturnType<typeof openApiDocument>) =>
  Object.entries(document.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();

describe('OpenAPI document', () => {
  for (const demo of [true, false]) {
    it(`is a valid OpenAPI 3.1 document (demo mode ${demo ? 'on' : 'off'})`, async () => {
      const result = await new Validator().validate(openApiDocument({ demo }) as never);
      assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    });

    it(`lists exactly the routes the server serves (demo mode ${demo ? 'on' : 'off'})`, async () => {
      const server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo });
      const served = server.app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith(`${API_BASE}/`) && !route.path.endsWith('/openapi.json'))
        .map((route) => `${route.method} ${route.path.slice(API_BASE.length)}`)
        .sort();
      server.close();
      assert.deepEqual(served, routesOf(openApiDocument({ demo })));
      assert.equal(served.some((route) => route.includes('/dev/')), demo);
    });
  }

  it('is served at /api/v1/openapi.json', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo: true });
    const response = await server.app.request(`${API_BASE}/openapi.json`);
    server.close();
    assert.equal(response.status, 200);
    const document = await response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/groups/{groupId}/invitations'].post.responses['409']);
  });
});
