/**
 * The OpenAPI 3.1 document, generated from the operations table, the zod schemas and the
 * per-operation documentation, so that a vendor can implement the contract from it alone.
 */
import * as z from 'zod/mini';
import {
  AcceptRequest,
  ActivityActor,
  ActivityEvent,
  ActivityPage,
  ActivitySubject,
  ActivityType,
  AddressLookup,
  ClockRequest,
  ClockResponse,
  FieldError,
  Group,
  IdsRequest,
  InvitationSelection,
  Invitation,
  Delivery,
  DeliveryStatus,
  InvitationPage,
  InvitationPreview,
  InvitationStatus,
  InviteBatch,
  InviteRequest,
  InviteResponse,
  InviteResult,
  InviteResultStatus,
  KnownAddressList,
  Locale,
  Me,
  Member,
  MemberChange,
  MemberPage,
  MemberStatus,
  Outbox,
  OutboxMessage,
  Problem,
  RemoveCounts,
  RemoveResponse,
  ResendCounts,
  ResendResponse,
  ResendResult,
  Role,
  ScaleSeedRequest,
  ScaleSeedResponse,
  Seats,
  Subgroup,
  SubgroupChoice,
  SubgroupInput,
  SubgroupList,
  SubgroupRef,
  trimmedStrings,
  type ProblemCode,
} from '../../sdk/schemas.ts';
import { needsCaller, operations, type Operation, type OperationId } from './operations.ts';
import { STATUS_OF } from '../domain/problem.ts';
import { operationDocs, type OperationDoc } from './operation-docs.ts';
import { API_DESCRIPTION, IDEMPOTENCY_KEY_DESCRIPTION, PATH_PARAMETERS, PROBLEMS, TAGS } from './contract-text.ts';

type Named = Record<string, z.ZodMiniType>;
type JsonSchema = Record<string, unknown>;

/** Schemas named in `components.schemas`, by the way they travel (responses are read as output). */
const RESPONSES: Named = {
  ...{ Role, Seats, SubgroupRef, Subgroup, SubgroupList, InvitationStatus, Invitation, InvitationPage, MemberStatus },
  ...{ DeliveryStatus, Delivery },
  ...{ Member, MemberPage, MemberChange, Group, Me, InviteResultStatus, InviteResult, InviteResponse, ResendResult },
  ...{ ResendResponse, ResendCounts, RemoveResponse, RemoveCounts, InvitationPreview, FieldError, Problem },
  ...{ ActivityType, ActivityActor, ActivitySubject, ActivityEvent, ActivityPage },
  KnownAddressList,
};
const REQUESTS: Named = {
  Role,
  SubgroupInput,
  SubgroupChoice,
  InviteBatch,
  InviteRequest,
  Locale,
  IdsRequest,
  InvitationSelection,
  AddressLookup,
  AcceptRequest,
};
const DEMO_RESPONSES: Named = { OutboxMessage, Outbox, ClockResponse, ScaleSeedResponse };
const DEMO_REQUESTS: Named = { ClockRequest, ScaleSeedRequest };

const HEADERS_OF: Record<number, Record<string, unknown>> = {
  401: {
    'WWW-Authenticate': {
      required: true,
      description: 'The scheme to sign in with: `Bearer`.',
      schema: { type: 'string', pattern: '^Bearer' },
    },
  },
  429: {
    'Retry-After': {
      required: true,
      description: 'Seconds until the caller may try again.',
      schema: { type: 'integer', minimum: 0 },
    },
  },
};

/** JSON Schema cannot trim, so a trimmed string's length rule becomes a pattern over the untrimmed value. */
function expressTrim({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const trimmed = trimmedStrings.get(zodSchema as z.ZodMiniType);
  if (!trimmed) return;
  delete jsonSchema.minLength;
  delete jsonSchema.maxLength;
  jsonSchema.pattern = `^\\s*\\S(?:[\\s\\S]{0,${trimmed.maxLength - 2}}\\S)?\\s*$`;
  jsonSchema.description = `Surrounding whitespace is removed, then 1 to ${trimmed.maxLength} characters must remain.`;
}

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: expressTrim });
  return rest;
}

function componentSchemas(named: Named, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const uri = (id: string) => `#/components/schemas/${id}`;
  const { schemas } = z.toJSONSchema(registry, { io, uri, unrepresentable: 'any', override: expressTrim });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...rest }]) => [id, rest]));
}

/** Every problem code an operation can answer with: its own, and those of the rules every operation follows. */
export function problemsOf(operation: Operation): ProblemCode[] {
  const codes = new Set<ProblemCode>(['server_error', 'rate_limited', ...operation.problems]);
  if (needsCaller(operation.access)) codes.add('unauthenticated').add('forbidden');
  if (operation.path.includes('{')) codes.add('not_found');
  if (operation.body) codes.add('malformed_request').add('validation_failed');
  if (operation.method !== 'get') codes.add('payload_too_large').add('validation_failed').add('idempotency_conflict');
  if (operation.query) codes.add('validation_failed');
  return [...codes];
}

function parametersOf(op: Operation) {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    ...PATH_PARAMETERS[name],
    schema: { type: 'string' },
  }));
  // Query values arrive as text; their schema is the value the server reads from it.
  const inQuery = Object.entries(op.query?.def.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchema(schema as z.ZodMiniType, 'output'),
  }));
  const key = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  };
  return [...inPath, ...inQuery, ...(op.method === 'get' ? [] : [key])];
}

function problemExample(op: Operation, code: ProblemCode, status: number) {
  const { title, when } = PROBLEMS[code];
  const field = op.query ? `query.${Object.keys(op.query.def.shape)[0]}` : op.body ? 'body' : 'header.Idempotency-Key';
  const extensions = {
    validation_failed: { errors: [{ path: field, message: 'Invalid input' }] },
    seats_exhausted: { seats: { total: 25, active: 10, pending: 12, expired: 3, available: 0 }, required: 1 },
    rate_limited: { retryAfter: 60 },
  } as Partial<Record<ProblemCode, object>>;
  return { type: `urn:manage-users:problem:${code}`, title, status, detail: when, code, ...extensions[code] };
}

function problemResponses(op: Operation, doc: OperationDoc) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemsOf(op)) byStatus.set(STATUS_OF[code], [...(byStatus.get(STATUS_OF[code]) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const narrowed = { properties: { status: { const: status }, code: { enum: codes } } };
    responses[status] = {
      description: codes.map((code) => `\`${code}\`: ${doc.problems?.[code] ?? PROBLEMS[code].when}`).join(' '),
      ...(HEADERS_OF[status] ? { headers: HEADERS_OF[status] } : {}),
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, narrowed] },
          example: problemExample(op, codes[0] ?? 'server_error', status),
        },
      },
    };
  }
  return responses;
}

/** A `$ref` to the schema's component when it has one, else the schema inline. */
function schemaOf(schema: z.ZodMiniType, named: Named, io: 'input' | 'output'): JsonSchema {
  const name = Object.keys(named).find((id) => named[id] === schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  // A union of named schemas (an answer that is one shape or another) refers to each by name.
  const def = schema._zod.def;
  if (def.type === 'union' && 'options' in def) {
    const options = def.options as z.ZodMiniType[];
    if (options.every((option) => Object.values(named).includes(option))) {
      return { anyOf: options.map((option) => schemaOf(option, named, io)) };
    }
  }
  return jsonSchema(schema, io);
}

function operationObject(id: OperationId, op: Operation, requests: Named, responses: Named) {
  const doc = operationDocs[id];
  const parameters = parametersOf(op);
  const success = op.response
    ? { content: { 'application/json': { schema: schemaOf(op.response, responses, 'output'), example: doc.response } } }
    : {};
  const body = op.body
    ? { content: { 'application/json': { schema: schemaOf(op.body, requests, 'input'), example: doc.request } } }
    : undefined;
  return {
    operationId: id,
    summary: op.summary,
    description: doc.description,
    tags: [op.tag],
    security: needsCaller(op.access) ? [{ bearer: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, ...body } } : {}),
    responses: { [op.status]: { description: op.summary, ...success }, ...problemResponses(op, doc) },
  };
}

/** Builds the document. `demo` adds the demo-mode operations. */
export function openApiDocument(options: { demo: boolean; serverUrl?: string }) {
  const requests = options.demo ? { ...REQUESTS, ...DEMO_REQUESTS } : REQUESTS;
  const responses = options.demo ? { ...RESPONSES, ...DEMO_RESPONSES } : RESPONSES;
  const paths: Record<string, Record<string, unknown>> = {};
  const served = (Object.entries(operations) as Array<[OperationId, Operation]>).filter(
    ([, op]) => op.access !== 'demo' || options.demo,
  );
  for (const [id, op] of served)
    (paths[`/${op.path}`] ??= {})[op.method] = operationObject(id, op, requests, responses);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Manage Users — invitations API',
      version: '1.0.0',
      description: API_DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/api/v1' }],
    tags: [...new Set(served.map(([, op]) => op.tag))].map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      schemas: { ...componentSchemas(requests, 'input'), ...componentSchemas(responses, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token from the host LMS; demo mode accepts `demo-admin` and `demo-learner`.',
        },
      },
    },
  };
}
