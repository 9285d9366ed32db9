/**
 * A loopback HTTP server that answers from a script, one step a request, and records what
 * it received: for testing the SDK's retries, timeouts and error mapping over real HTTP.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Step {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Waits this long before answering. */
  delay?: number;
  /** Drops the connection without answering. */
  hangUp?: boolean;
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function scriptedServer(script: Step[] | ((index: number) => Step)) {
  const received: Received[] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    // Recorded on arrival, before its body is read: a client that gives up early was still heard.
    const index = received.length;
    const request: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' };
    received.push(request);
    for (const waiter of waiting.filter(({ count }) => received.length >= count)) waiter.resolve();
    for await (const chunk of req) request.body += String(chunk);
    const step = (typeof script === 'function' ? script(index) : script[Math.min(index, script.length - 1)]) ?? {};
    if (step.delay) await new Promise((resolve) => setTimeout(resolve, step.delay));
    if (step.hangUp) {
      req.socket.destroy();
      return;
    }
    const isJson = typeof step.body !== 'string';
    const status = step.status ?? 200;
    const type = status >= 400 && isJson ? 'application/problem+json' : isJson ? 'application/json' : 'text/plain';
    res.writeHead(status, { 'Content-Type': type, ...step.headers });
    res.end(step.body === undefined ? '' : isJson ? JSON.stringify(step.body) : (step.body as string));
  };
  // A failure while answering reaches the test as a dropped connection, not an unhandled rejection.
  const server = createServer((req, res) => void answer(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1/`,
    received,
    /** Resolves once `count` requests have arrived. */
    heard: (count = 1) =>
      received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function problemBody(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { type: `https://example.test/${code}`, title: code, status, detail: `detail of ${code}`, code, ...extra };
}
