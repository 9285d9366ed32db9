/**
 * One `node:sqlite` connection as the SQLite store uses it, on the writer and on every reader
 * thread alike: the same pragmas for reading, the same SQL functions, statements prepared once.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { nameKey } from './name-key.ts';
import type { Sql } from './sqlite-lists.ts';

/** Opens `path` (read-only for a reader thread): sorts in memory, waits up to 5 s for a lock. */
export function openConnection(path: string, options: { readOnly: boolean }): DatabaseSync {
  const db = new DatabaseSync(path, { readOnly: options.readOnly });
  db.exec('PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY;');
  db.function('name_key', { deterministic: true }, (name) => nameKey(String(name)));
  return db;
}

/** Runs the store's SQL on `db`. */
export function sqlOn(db: DatabaseSync): Sql {
  const prepared = statementsOf(db);
  return {
    one: <T>(text: string, ...params: SQLInputValue[]) => prepared(text).get(...params) as T | undefined,
    all: <T>(text: string, ...params: SQLInputValue[]) => prepared(text).all(...params) as T[],
    run: (text, ...params) => void prepared(text).run(...params),
    changes: (text, ...params) => Number(prepared(text).run(...params).changes),
  };
}

/**
 * Statements prepared once per SQL text: a write compiles its triggers when prepared, which
 * costs more than running it. The texts are the store's own (values are parameters), so few.
 */
function statementsOf(db: DatabaseSync) {
  const statements = new Map<string, StatementSync>();
  return (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
}
