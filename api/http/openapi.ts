/**
 * The OpenAPI 3.1 document, generated from the operations table and the zod schemas.
 */
import * as z from 'zod/mini';
import { Problem, type ProblemCode } from '../../sdk/schemas.ts';
import { needsCaller, operations, type Operation } from './operations.ts';
import { STATUS_OF } from '../domain/problem.ts';

const DESCRIPTION_OF: Record<number, string> = {
  400: 'Malformed request',
  401: 'No or unknown token',
  403: 'Not an Admin of the group',
  404: 'Unknown resource',
  409: 'Conflict',
  410: 'Invitation expired',
  413: 'Too large',
  422: 'Validation failed',
  429: 'Rate limited',
  500: 'Server error',
};

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function problemsOf(operation: Operation): ProblemCode[] {
  const codes = new Set<ProblemCode>(['server_error', 'rate_limited', ...operation.problems]);
  if (needsCaller(operation.access)) codes.add('unauthenticated').add('forbidden');
  if (operation.path.includes('{')) codes.add('not_found');
  if (operation.body) codes.add('malformed_request').add('validation_failed').add('payload_too_large');
  if (operation.query) codes.add('validation_failed');
  return [...codes];
}

/** The operation's answer and a problem response per status it can refuse with. */
function responsesOf(op: Operation) {
  const responses: Record<string, unknown> = {
    [op.status]: op.response
      ? { description: op.summary, content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
      : { description: op.summary },
  };
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemsOf(op)) byStatus.set(STATUS_OF[code], [...(byStatus.get(STATUS_OF[code]) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: `${DESCRIPTION_OF[status]}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return responses;
}

/** Builds the document. `demo` adds the demo-mode operations. */
export function openApiDocument(options: { demo: boolean; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, op] of Object.entries(operations) as Array<[string, Operation]>) {
    if (op.access === 'demo' && !options.demo) continue;
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(op.query?.def.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema: jsonSchema(schema as z.ZodMiniType, 'input'),
      })),
    ];
    if (op.method !== 'get') {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', minLength: 1, maxLength: 255 } as never,
      });
    }
    const responses = responsesOf(op);
    const methods = (paths[`/${op.path}`] ??= {});
    methods[op.method] = {
      operationId,
      summary: op.summary,
      tags: [op.tag],
      ...(needsCaller(op.access) ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Manage Users — invitations API',
      version: '1.0.0',
      description: 'Invite people to a group, watch seats, and clean up pending invitations. Pending invitations, valid or expired, occupy seats.',
    },
    servers: [{ url: options.serverUrl ?? '/api/v1' }],
    tags: [...new Set(Object.values(operations).map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: jsonSchema(Problem, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from the host LMS; demo mode accepts `demo-admin` and `demo-learner`.' },
      },
    },
  };
}
