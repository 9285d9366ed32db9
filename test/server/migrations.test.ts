/** Opening a database written by an earlier version migrates it without losing rows. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../api/store/sqlite-migrations.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';

describe('migrations', () => {
  it('keys subgroup names by the Unicode-aware rule, keeping names that collided under the old ASCII rule', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'manage-users-'));
    try {
      const file = join(folder, 'old.db');
      const old = new DatabaseSync(file);
      old.exec(`${MIGRATIONS[0]} PRAGMA user_version = 1;`);
      old.exec(`INSERT INTO groups VALUES ('g', 'G', 10);
        INSERT INTO subgroups VALUES ('s1', 'g', 'ärzte', '2026-01-01'), ('s2', 'g', 'ÄRZTE', '2026-01-02');`);
      old.close();
      const store = openSqliteStore(file);
      try {
        assert.deepEqual((await store.subgroups('g')).map((row) => row.id).sort(), ['s1', 's2']);
        assert.equal((await store.subgroupByName('g', 'Ärzte'))?.id, 's1');
        await assert.rejects(
          store.insertSubgroup({ id: 's3', groupId: 'g', name: 'ÄRZTE', createdAt: '2026-01-03' }),
          /UNIQUE/,
        );
      } finally {
        await store.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
