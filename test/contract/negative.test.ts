/**
 * A negative run driven by the OpenAPI document: for each operation, requests that break its
 * request schema (wrong types, missing or extra fields, too long or short, out of range, bad
 * query values, bad Idempotency-Key) are made from the document's own schemas and examples.
 * A third-party OpenAPI validator confirms each one breaks the document; the reference
 * server must refuse each with a status and problem code the document lists, never a 5xx.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiDocument } from '../../api/http/openapi.ts';
import { createServer } from '../../demo/server/app.ts';
import { createContractChecker, type Exchange } from '../helpers/contract-checker.ts';

interface Schema {
  $ref?: string;
  type?: string;
  anyOf?: Schema[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: string;
  example?: string;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: Schema; example: unknown } } };
}
interface Case {
  why: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A JSON value to send, or raw text with its content type. */
  body?: unknown;
  raw?: { text: string; type?: string };
}

const document = openApiDocument({ demo: true });
const components = document.components.schemas as Record<string, Schema>;
const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(components[schema.$ref.split('/').pop()!]!) : schema;

/** The longest trimmed length a trim pattern allows (`{0,78}` → 80). */
const trimmedMax = (pattern: string) => Number(/\{0,(\d+)\}/.exec(pattern)?.[1] ?? Number.NaN) + 2;

function stringMutants(s: Schema): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  if (s.enum) out.push(['not in the enum', 'not-a-choice']);
  if (s.maxLength !== undefined) out.push(['too long', 'x'.repeat(s.maxLength + 1)]);
  if (s.minLength) out.push(['too short', 'x'.repeat(s.minLength - 1)]);
  if (s.pattern) out.push(['only spaces', '   ']);
  if (s.pattern?.startsWith('^\\s*\\S'))
    out.push(['too long once trimmed', `  ${'x'.repeat(trimmedMax(s.pattern) + 1)}  `]);
  return out;
}

/** A value of every JSON type but the schema's own. */
function wrongTypes(s: Schema): Array<[string, unknown]> {
  const all: Array<[string, unknown]> = [
    ['null', null],
    ['boolean', true],
    ['integer', 42],
    ['string', 'text'],
    ['array', []],
    ['object', {}],
  ];
  // A choice (anyOf) accepts every type one of its options has.
  const accepted = new Set([s.type, ...(s.anyOf ?? []).map((option) => resolve(option).type)]);
  return all.filter(([type]) => !accepted.has(type));
}

/** Bodies that each break one rule of the schema, made by changing one place of a valid example. */
function bodyMutants(root: Schema, example: unknown): Case[] {
  const cases: Case[] = [];
  const visit = (schema: Schema, value: unknown, put: (v: unknown) => unknown, where: string) => {
    const s = resolve(schema);
    for (const [type, v] of wrongTypes(s))
      cases.push({
        why: `${where}: a${type === 'integer' || type === 'array' || type === 'object' ? 'n' : ''} ${type}`,
        body: put(v),
      });
    if (s.anyOf) return cases.push({ why: `${where}: matches no choice`, body: put({}) });
    if (s.type === 'object') {
      const object = value as Record<string, unknown>;
      for (const name of s.required ?? []) {
        const { [name]: _, ...rest } = object;
        cases.push({ why: `${where}.${name}: missing`, body: put(rest) });
      }
      cases.push({ why: `${where}: an unknown field`, body: put({ ...object, unexpected: true }) });
      for (const [name, property] of Object.entries(s.properties ?? {})) {
        if (object[name] !== undefined)
          visit(property, object[name], (v) => put({ ...object, [name]: v }), `${where}.${name}`);
      }
    }
    if (s.type === 'array') {
      const array = value as unknown[];
      if (s.minItems) cases.push({ why: `${where}: too few items`, body: put([]) });
      if (s.maxItems) cases.push({ why: `${where}: too many items`, body: put(Array(s.maxItems + 1).fill(array[0])) });
      visit(s.items ?? {}, array[0], (v) => put([v, ...array.slice(1)]), `${where}.0`);
    }
    if (s.type === 'string')
      for (const [why, v] of stringMutants(s)) cases.push({ why: `${where}: ${why}`, body: put(v) });
    if (s.type === 'integer') {
      if (s.minimum !== undefined) cases.push({ why: `${where}: below the minimum`, body: put(s.minimum - 1) });
      if (s.maximum !== undefined) cases.push({ why: `${where}: above the maximum`, body: put(s.maximum + 1) });
      cases.push({ why: `${where}: not whole`, body: put(1.5) });
    }
  };
  visit(root, example, (v) => v, 'body');
  cases.push(
    { why: 'no body', raw: { text: '' } },
    { why: 'invalid JSON', raw: { text: '{"', type: 'application/json' } },
    { why: 'text, not JSON', raw: { text: 'hello', type: 'text/plain' } },
  );
  return cases;
}

function queryMutants(parameters: Parameter[]): Case[] {
  const cases: Case[] = [{ why: 'an unknown query parameter', query: { unexpected: '1' } }];
  for (const { name, schema } of parameters) {
    const s = resolve(schema);
    const values: Array<[string, unknown]> =
      s.type === 'integer'
        ? [
            ['below the minimum', String((s.minimum ?? 0) - 1)],
            ['above the maximum', String((s.maximum ?? 0) + 1)],
          ]
        : stringMutants(s);
    if (s.type === 'integer')
      for (const text of ['1.5', 'abc', ' 10', '0x10', '1e3', '+5', '']) values.push([`"${text}"`, text]);
    for (const [why, value] of values) cases.push({ why: `query.${name}: ${why}`, query: { [name]: String(value) } });
  }
  return cases;
}

function casesOf(method: string, op: Operation): Case[] {
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const content = op.requestBody?.content['application/json'];
  const cases = [
    ...(query.length ? queryMutants(query) : []),
    ...(content ? bodyMutants(content.schema, content.example) : []),
  ];
  if (method !== 'get') {
    const body = content ? { body: content.example } : {};
    cases.push({ why: 'empty Idempotency-Key', headers: { 'Idempotency-Key': '' }, ...body });
    cases.push({ why: 'Idempotency-Key too long', headers: { 'Idempotency-Key': 'k'.repeat(256) }, ...body });
  }
  return cases;
}

describe('requests that break the OpenAPI document', () => {
  let server: Awaited<ReturnType<typeof createServer>>;
  const checker = createContractChecker(document);
  const statuses = new Map<string, number>();
  before(async () => {
    server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo: true });
  });
  after(async () => {
    await server.close();
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const spread = [...statuses]
      .sort()
      .map(([key, n]) => `${key} × ${n}`)
      .join(', ');
    console.log(`# negative run: ${total} schema-breaking requests; answers: ${spread}`);
  });

  async function send(method: string, template: string, op: Operation, c: Case): Promise<Exchange> {
    const path = template.replace(
      /\{(\w+)\}/g,
      (_, name) => op.parameters?.find((p) => p.name === name)?.example ?? name,
    );
    const url = new URL(`${path}?${new URLSearchParams(c.query ?? {})}`, 'http://api.invalid');
    const headers = new Headers({ Authorization: 'Bearer demo-admin', ...c.headers });
    const text = c.raw ? c.raw.text : c.body === undefined ? undefined : JSON.stringify(c.body);
    const type = c.raw ? c.raw.type : c.body === undefined ? undefined : 'application/json';
    if (type) headers.set('Content-Type', type);
    const init = {
      method: method.toUpperCase(),
      headers,
      ...(text === undefined || method === 'get' ? {} : { body: text }),
    };
    const response = await server.app.request(`/api/v1${url.pathname}${url.search}`, init);
    const responseBody = await response.text();
    return {
      method: init.method,
      url,
      requestHeaders: headers,
      requestBody: text ?? '',
      status: response.status,
      responseHeaders: response.headers,
      responseBody,
    };
  }

  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      const cases = casesOf(method, op);
      if (cases.length === 0) continue;
      it(`${op.operationId}: each of ${cases.length} is refused with a documented status and code`, async () => {
        const wrong: string[] = [];
        for (const c of cases) {
          const exchange = await send(method, template, op, c);
          const verdict = await checker.check(exchange);
          if (verdict.requestErrors.length === 0) wrong.push(`${c.why}: the document accepts this request`);
          wrong.push(...(await checker.mismatches(exchange)).map((m) => `${c.why}: ${m}`));
          const code = exchange.responseBody ? (JSON.parse(exchange.responseBody) as { code?: string }).code : '';
          const key = `${exchange.status} ${code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
        assert.deepEqual(wrong, []);
      });
    }
  }
});
