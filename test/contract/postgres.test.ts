/** The contract suite against the reference server on PostgreSQL, over real HTTP on loopback. */
import { after, before } from 'node:test';
import { createServer } from '../../demo/server/app.ts';
import { listen } from '../helpers/browser.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/postgres.ts';
import { defineContractSuite } from './suite.ts';

let postgres: ThrowawayPostgres;
before(async () => (postgres = await startPostgres()));
after(() => postgres.stop());

defineContractSuite('reference server (PostgreSQL, HTTP)', async () => {
  const server = await createServer({
    database: await postgres.createDatabase(),
    publicUrl: 'http://localhost',
    demo: true,
  });
  const http = await listen(() => server.app.fetch);
  return {
    baseUrl: `${http.origin}/api/v1/`,
    addGroup: (id) => server.store.insertGroup({ id, name: 'Another group', totalSeats: 5 }),
    close: async () => {
      await http.close();
      await server.close();
    },
  };
});
