/**
 * Checks HTTP exchanges against the generated OpenAPI document with a third-party OpenAPI 3.1
 * validator (@hyperjump/json-schema's OpenAPI 3.1 dialect, reading the document itself):
 * whether the request is valid by the document, and whether the answer is one the document
 * lists for it — status, content type, body schema (problem codes per status), headers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate, type Validator } from '@hyperjump/json-schema/openapi-3-1';
import { openApiDocument } from '../../api/http/openapi.ts';

export interface Exchange {
  method: string;
  /** Path and query below the API base, e.g. `/groups/demo/members?limit=2`. */
  url: URL;
  requestHeaders: Headers;
  requestBody: string;
  status: number;
  responseHeaders: Headers;
  responseBody: string;
}

export interface Verdict {
  /** The operation the request reached, or undefined for a path or method the document lacks. */
  operation: { path: string; method: string } | undefined;
  /** Why the request breaks the document (empty: it is valid). */
  requestErrors: string[];
  /** Why the answer is not one the document allows for this request (empty: it is). */
  responseErrors: string[];
}

type Document = ReturnType<typeof openApiDocument>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: { type?: string };
}
interface OperationObject {
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, { headers?: Record<string, { required?: boolean }>; content?: Record<string, unknown> }>;
}

const pointer = (...segments: Array<string | number>) =>
  '#' + segments.map((s) => '/' + encodeURIComponent(String(s).replaceAll('~', '~0').replaceAll('/', '~1'))).join('');

/** Loads the document (demo operations included) and returns a checker bound to it. */
export function createContractChecker(document: Document = openApiDocument({ demo: true })) {
  const file = join(mkdtempSync(join(tmpdir(), 'manage-users-oas-')), 'contract.openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const base = pathToFileURL(file).href;
  const validators = new Map<string, Promise<Validator>>();
  const check = async (value: unknown, ...segments: Array<string | number>) => {
    const uri = base + pointer(...segments);
    if (!validators.has(uri)) validators.set(uri, validate(uri));
    const result = (await validators.get(uri)!)(value as never, 'BASIC');
    return result.valid ? [] : (result.errors ?? []).map((e) => `${e.instanceLocation} ${e.keyword.split('/').pop()}`);
  };
  const paths = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  }));

  async function requestErrors(exchange: Exchange, path: string, method: string, op: OperationObject) {
    const errors: string[] = [];
    const query = exchange.url.searchParams;
    const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    // The document lists every query parameter of an operation that takes some; the others ignore the query.
    if (declared.size > 0)
      for (const name of query.keys()) if (!declared.has(name)) errors.push(`query ${name} is not declared`);
    for (const [index, parameter] of (op.parameters ?? []).entries()) {
      const raw =
        parameter.in === 'query'
          ? query.get(parameter.name)
          : parameter.in === 'header'
            ? exchange.requestHeaders.get(parameter.name)
            : '';
      if (raw === null) continue;
      const value = parameter.schema.type === 'integer' && /^\d+$/.test(raw) ? Number(raw) : raw;
      for (const e of await check(value, 'paths', path, method, 'parameters', index, 'schema'))
        errors.push(`${parameter.in} ${parameter.name}${e}`);
    }
    if (op.requestBody) errors.push(...(await bodyErrors(exchange, path, method)));
    return errors;
  }

  async function bodyErrors(exchange: Exchange, path: string, method: string) {
    if (!/^application\/json\b/i.test(exchange.requestHeaders.get('Content-Type') ?? ''))
      return ['body is not application/json'];
    let body: unknown;
    try {
      body = JSON.parse(exchange.requestBody);
    } catch {
      return ['body is not JSON'];
    }
    const errors = await check(body, 'paths', path, method, 'requestBody', 'content', 'application/json', 'schema');
    return errors.map((e) => `body${e}`);
  }

  async function responseErrors(exchange: Exchange, path: string, method: string, op: OperationObject) {
    const response = op.responses[exchange.status];
    if (!response) return [`status ${exchange.status} is not listed`];
    const errors: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && !exchange.responseHeaders.has(name)) errors.push(`header ${name} is missing`);
    }
    const type = (exchange.responseHeaders.get('Content-Type') ?? '').split(';')[0]!.trim();
    if (!response.content) return exchange.responseBody === '' ? errors : [...errors, 'a body where none is listed'];
    if (!response.content[type]) return [...errors, `content type ${type || '(none)'} is not listed`];
    if (exchange.method === 'HEAD') return errors;
    const body = JSON.parse(exchange.responseBody);
    const bodyErrors = await check(
      body,
      'paths',
      path,
      method,
      'responses',
      String(exchange.status),
      'content',
      type,
      'schema',
    );
    return [...errors, ...bodyErrors.map((e) => `response${e}`)];
  }

  const api = {
    /** Why `value` breaks the schema at `segments` (a JSON pointer into the document), if it does. */
    schemaErrors: check,
    async check(exchange: Exchange): Promise<Verdict> {
      const found = paths.find((p) => p.pattern.test(exchange.url.pathname));
      const method = exchange.method === 'HEAD' ? 'get' : exchange.method.toLowerCase();
      const operations = found ? (document.paths[found.template] as Record<string, OperationObject>) : undefined;
      const op = operations?.[method];
      if (!found || !op)
        return { operation: undefined, requestErrors: [], responseErrors: undocumented(exchange, operations) };
      return {
        operation: { path: found.template, method },
        requestErrors: await requestErrors(exchange, found.template, method, op),
        responseErrors: await responseErrors(exchange, found.template, method, op),
      };
    },
    /** Everything wrong with one exchange, by the document and its rules; empty when it conforms. */
    async mismatches(exchange: Exchange): Promise<string[]> {
      const verdict = await api.check(exchange);
      const where = `${exchange.method} ${exchange.url.pathname}${exchange.url.search} → ${exchange.status}`;
      return [...verdict.responseErrors, ...ruleErrors(exchange, verdict)].map((e) => `${where}: ${e}`);
    },
  };
  return api;
}

/**
 * A request the document refuses must be refused as invalid (400, 413 or 422); one it accepts
 * must not be (except an unknown cursor, which only the server can know). Nothing may be a 5xx.
 */
function ruleErrors(exchange: Exchange, verdict: Verdict): string[] {
  if (exchange.status >= 500) return ['a server error'];
  if (!verdict.operation) return [];
  if (verdict.requestErrors.length > 0) {
    return [400, 413, 422].includes(exchange.status)
      ? []
      : [`accepted a request the document refuses: ${verdict.requestErrors.join('; ')}`];
  }
  if (exchange.status === 400) return ['refused a request the document accepts'];
  if (exchange.status !== 422 || exchange.method === 'HEAD') return [];
  const problem = JSON.parse(exchange.responseBody) as { code: string; errors?: Array<{ path: string }> };
  const unknownCursor = problem.errors?.every((e) => e.path === 'query.cursor');
  return problem.code === 'validation_failed' && !unknownCursor ? ['refused a request the document accepts'] : [];
}

/** An unknown path must answer 404 `not_found`; a known path with another method 405 with `Allow`. */
function undocumented(exchange: Exchange, operations: Record<string, unknown> | undefined): string[] {
  const expected = operations ? 405 : 404;
  if (exchange.status !== expected) return [`an undocumented route answered ${exchange.status}, not ${expected}`];
  if (operations && !exchange.responseHeaders.has('Allow')) return ['405 without Allow'];
  return [];
}
