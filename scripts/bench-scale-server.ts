/**
 * The reference server as the scale bench runs it, in a process of its own (so its RSS is
 * its own and the load generator does not share its event loop): demo mode, the database
 * file `DATABASE`, rate limits out of the way. Prints `{"port":…}` once it listens.
 */
import { serve } from '@hono/node-server';
import { createServer } from '../demo/server/app.ts';

const server = await createServer({
  database: process.env.DATABASE ?? ':memory:',
  sqliteReaders: process.env.SQLITE_READERS === undefined ? undefined : Number(process.env.SQLITE_READERS),
  publicUrl: 'http://127.0.0.1',
  demo: true,
  rateLimit: { requests: 1e9, windowMs: 60_000 },
});
serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port }));
});
// Closes the database (checkpointing its WAL) so that the file can be copied.
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
