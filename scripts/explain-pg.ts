/**
 * Prints the PostgreSQL plan (EXPLAIN ANALYZE) of every list query at 500,000 invitations in
 * one group (`EXPLAIN_INVITATIONS` to change it), slowest last, and says whether any reads the
 * group's rows one by one. Runs on a throwaway PostgreSQL server of its own, or on an empty
 * database at `DATABASE_URL`.
 *
 *   node scripts/explain-pg.ts
 */
import postgres from 'postgres';
import { openPostgresStore } from '../api/store/postgres-store.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { executionMs, explain, fillBigGroup, listStatements, scansSequentially } from './list-plans.ts';

const INVITATIONS = Number(process.env.EXPLAIN_INVITATIONS ?? 500_000);
const throwaway = process.env.DATABASE_URL ? undefined : await startPostgres();
const url = process.env.DATABASE_URL ?? (await throwaway?.createDatabase()) ?? '';
try {
  await (await openPostgresStore(url)).close();
  const sql = postgres(url, { max: 1, onnotice: () => undefined, connection: { TimeZone: 'UTC' } });
  const started = performance.now();
  await fillBigGroup(sql, INVITATIONS, 50_000);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Filled ${INVITATIONS.toLocaleString('en')} invitations and 50,000 members in one group in ${seconds} s`);
  const plans = [];
  for (const [name, statement] of listStatements(new Date())) plans.push({ name, plan: await explain(sql, statement) });
  plans.sort((a, b) => executionMs(a.plan) - executionMs(b.plan));
  for (const { name, plan } of plans) console.log(`\n## ${name} (${executionMs(plan)} ms)\n${plan}`);
  console.log('\nExecution time of each (ms):');
  for (const { name, plan } of plans) console.log(`  ${executionMs(plan).toFixed(2).padStart(9)}  ${name}`);
  const sequential = plans.filter(({ plan }) => scansSequentially(plan)).map(({ name }) => name);
  console.log(
    sequential.length
      ? `Sequential scans in: ${sequential.join(', ')}`
      : 'No sequential scan of invitations or members.',
  );
  await sql.end();
} finally {
  await throwaway?.stop();
}
