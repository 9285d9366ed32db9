/** The generated OpenAPI document: valid 3.1, and the same routes the server has. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { validate } from '@hyperjump/json-schema/openapi-3-1';
import { openApiDocument } from '../../api/http/openapi.ts';
import { createServer, API_BASE } from '../../demo/server/app.ts';
import { createContractChecker } from '../helpers/contract-checker.ts';

interface MediaType {
  schema: Record<string, unknown>;
  example?: unknown;
}
interface OperationObject {
  operationId: string;
  description?: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, MediaType> }>;
}

const routesOf = (document: ReturnType<typeof openApiDocument>) =>
  Object.entries(document.paths)
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    .sort();

describe('OpenAPI document', () => {
  for (const demo of [true, false]) {
    it(`is a valid OpenAPI 3.1 document (demo mode ${demo ? 'on' : 'off'})`, async () => {
      const result = await new Validator().validate(openApiDocument({ demo }));
      assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    });

    it(`is valid by a second validator, schemas included (demo mode ${demo ? 'on' : 'off'})`, async () => {
      const metaSchema = 'https://spec.openapis.org/oas/3.1/schema-base';
      const result = await validate(metaSchema, openApiDocument({ demo }) as never, 'BASIC');
      assert.equal(result.valid, true, JSON.stringify(result, null, 2));
    });

    it(`lists exactly the routes the server serves (demo mode ${demo ? 'on' : 'off'})`, async () => {
      const server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo });
      const served = server.app.routes
        .filter(
          (route) =>
            route.method !== 'ALL' && route.path.startsWith(`${API_BASE}/`) && !route.path.endsWith('/openapi.json'),
        )
        .map((route) => `${route.method} ${route.path.slice(API_BASE.length)}`)
        .sort();
      await server.close();
      assert.deepEqual(served, routesOf(openApiDocument({ demo })));
      assert.equal(
        served.some((route) => route.includes('/dev/')),
        demo,
      );
    });
  }

  it('every request and answer of every operation has an example that its schema accepts', async () => {
    const document = openApiDocument({ demo: true });
    const checker = createContractChecker(document);
    const wrong: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods as Record<string, OperationObject>)) {
        const contentsAt = (at: string[], content: Record<string, MediaType> = {}) =>
          Object.entries(content).map(([type, media]) => ({ at: [...at, 'content', type], media }));
        const contents = [
          ...contentsAt(['requestBody'], op.requestBody?.content),
          ...Object.entries(op.responses).flatMap(([code, { content }]) => contentsAt(['responses', code], content)),
        ];
        if (!op.description) wrong.push(`${op.operationId}: no description`);
        for (const { at, media } of contents) {
          const where = `${op.operationId} ${at.join(' ')}`;
          if (media.example === undefined) {
            wrong.push(`${where}: no example`);
            continue;
          }
          const errors = await checker.schemaErrors(media.example, 'paths', path, method, ...at, 'schema');
          wrong.push(...errors.map((e) => `${where}: ${e}`));
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('names every schema an operation reads or answers with in components', () => {
    // A schema is named when it is a $ref, a problem (allOf with Problem), or one of several named ones.
    const isNamed = (schema: Record<string, unknown>): boolean =>
      '$ref' in schema ||
      'allOf' in schema ||
      (Array.isArray(schema.anyOf) &&
        (schema.anyOf as Array<Record<string, unknown>>).every((option) => '$ref' in option));
    const document = openApiDocument({ demo: true });
    const inline = Object.values(document.paths)
      .flatMap((methods) => Object.values(methods as Record<string, OperationObject>))
      .flatMap((op) => [op.requestBody, ...Object.values(op.responses)])
      .flatMap((part) => Object.values(part?.content ?? {}))
      .filter((media) => !isNamed(media.schema));
    assert.deepEqual(inline, []);
    assert.ok(Object.keys(document.components.schemas).length > 30);
  });

  it('every 401 names WWW-Authenticate and every 429 Retry-After; every unsafe method lists both 422 codes', () => {
    const document = openApiDocument({ demo: true });
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods as Record<string, OperationObject>)) {
        assert.ok(op.responses['429']?.headers?.['Retry-After'], `${method} ${path}`);
        if (op.responses['401']) assert.ok(op.responses['401'].headers?.['WWW-Authenticate'], `${method} ${path}`);
        if (method === 'get') continue;
        const codes = JSON.stringify(op.responses['422']?.content?.['application/problem+json']?.schema);
        assert.match(codes, /"validation_failed"/, `${method} ${path}`);
        assert.match(codes, /"idempotency_conflict"/, `${method} ${path}`);
      }
    }
  });

  it('is served at /api/v1/openapi.json', async () => {
    const server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo: true });
    const response = await server.app.request(`${API_BASE}/openapi.json`);
    await server.close();
    assert.equal(response.status, 200);
    const document = await response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/groups/{groupId}/invitations'].post.responses['409']);
  });
});
