/**
 * A reader thread of the SQLite store (see `openSqliteStore`): its own read-only connection to
 * the database file, answering the store's reads that can scan many rows with the same SQL as
 * the writer. WAL lets it read beside the writer; each read is a transaction of its own, so it
 * sees every write committed before it started.
 */
import { workerData } from 'node:worker_threads';
import { answerCalls } from './reader-pool.ts';
import { openConnection, sqlOn } from './sqlite-connection.ts';
import { POOLED_READS, storageOn } from './sqlite-store.ts';

const { path } = workerData as { path: string };
const db = openConnection(path, { readOnly: true });
const storage = storageOn(sqlOn(db));
answerCalls(Object.fromEntries(POOLED_READS.map((name) => [name, storage[name]])), () => db.close());
