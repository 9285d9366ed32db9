/**
 * The built `manage-users/server` (dist/npm/api/, after `npm run build`) as a vendor runs it:
 * its SQLite store on a file starts its reader threads from the built `.js` modules.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteFiles } from '../helpers/sqlite-files.ts';

type ServerPackage = typeof import('../../api/index.ts');
const built = new URL('../../dist/npm/api/index.js', import.meta.url).href;

const files = sqliteFiles();
after(() => files.remove());

describe('the built server package', () => {
  it('lists subgroups of a SQLite file on its reader threads', async () => {
    const { openSqliteStore } = (await import(built)) as ServerPackage;
    const store = openSqliteStore(files.path(), { readers: 1 });
    await store.insertGroup({ id: 'g', name: 'Group', totalSeats: 5 });
    await store.insertSubgroup({ id: 's', groupId: 'g', name: 'Nursing', createdAt: new Date().toISOString() });
    assert.deepEqual(
      (await store.subgroups('g')).map((subgroup) => subgroup.name),
      ['Nursing'],
    );
    await store.close();
  });
});
