/** SQLite stores on files (which reader threads can share, unlike `:memory:`), in a folder the test removes. */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStoreOptions } from '../../api/store/sqlite-store.ts';

export function sqliteFiles() {
  const folder = mkdtempSync(join(tmpdir(), 'manage-users-sqlite-'));
  return {
    /** A new database file's path. */
    path: () => join(folder, `${crypto.randomUUID()}.db`),
    /** A store on a new database file. */
    open(options?: SqliteStoreOptions) {
      return openSqliteStore(this.path(), options);
    },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
