/** Serves a Hono app on a free loopback port, over real HTTP (so it sees socket addresses). */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export async function listen(app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> }) {
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
