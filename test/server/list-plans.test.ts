/**
 * PostgreSQL reads a list page of a big group through its indexes: with 100,000 invitations
 * and 20,000 members in the group (and a neighbouring group), analysed so that the planner
 * weighs real numbers, no list query, kept count or chunk of remove by filter reads the
 * invitations or members table row by row. `node scripts/explain-pg.ts` prints these plans
 * at 500,000 invitations.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import postgres from 'postgres';
import { openPostgresStore } from '../../api/store/postgres-store.ts';
import { explain, fillBigGroup, listStatements, scansSequentially } from '../../scripts/list-plans.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/postgres.ts';

let server: ThrowawayPostgres;
let sql: postgres.Sql;
before(async () => {
  server = await startPostgres();
  const url = await server.createDatabase();
  await (await openPostgresStore(url)).close();
  sql = postgres(url, { max: 1, onnotice: () => undefined, connection: { TimeZone: 'UTC' } });
  await fillBigGroup(sql, 100_000, 20_000);
});
after(async () => {
  await sql.end();
  await server.stop();
});

describe('PostgreSQL plans at 100,000 invitations in one group', () => {
  for (const [name, statement] of listStatements(new Date())) {
    it(`reads no table row by row for ${name}`, async () => {
      const plan = await explain(sql, statement);
      assert.equal(scansSequentially(plan), false, plan);
    });
  }
});
