/** The contract suite against the reference server, over real HTTP on loopback. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createServer } from '../../demo/server/app.ts';
import { defineContractSuite } from './suite.ts';

defineContractSuite('reference server (SQLite, HTTP)', async () => {
  const server = await createServer({ database: ':memory:', publicUrl: 'http://localhost', demo: true });
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const { port } = http.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1/`,
    addGroup: (id) => server.store.insertGroup({ id, name: 'Another group', totalSeats: 5 }),
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
});
