/**
 * The store interface's promises, held by every store alike: a transaction is all or
 * nothing, two transactions never interleave, a nested one joins the outer one, and a
 * write outside a transaction waits for the one in progress instead of joining it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStore } from '../../api/store/memory-store.ts';
import { openSqliteStore } from '../../api/store/sqlite-store.ts';
import type { Store } from '../../api/store/store.ts';
import { sqliteFiles } from '../helpers/sqlite-files.ts';

const GROUP = { id: 'g', name: 'Group', totalSeats: 5 };
const subgroup = (id: string) => ({ id, groupId: 'g', name: id, createdAt: '2026-01-01T00:00:00.000Z' });
const names = async (store: Store) => (await store.subgroups('g')).map((row) => row.name);

/** Resolves when `release` is called: holds a transaction open across other work. */
function gate() {
  let release = () => {};
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

const files = sqliteFiles();
after(() => files.remove());

const stores: Array<[string, () => Store]> = [
  ['SQLite', () => openSqliteStore(':memory:')],
  ['SQLite file with reader threads', () => files.open({ readers: 2 })],
  ['memory', () => createMemoryStore()],
];

for (const [name, open] of stores) {
  describe(`${name} store`, () => {
    const fresh = async () => {
      const store = open();
      await store.insertGroup(GROUP);
      return store;
    };

    it('keeps nothing of a transaction that throws', async () => {
      const store = await fresh();
      const failing = store.transaction(async (tx) => {
        await tx.insertSubgroup(subgroup('kept-not'));
        throw new Error('changed my mind');
      });
      await assert.rejects(failing, /changed my mind/);
      assert.deepEqual(await names(store), []);
      await store.close();
    });

    it('runs two transactions one after the other, never interleaved', async () => {
      const store = await fresh();
      const steps: string[] = [];
      const first = store.transaction(async (tx) => {
        steps.push('first reads');
        await new Promise((resolve) => setImmediate(resolve)); // as if waiting on I/O
        await tx.insertSubgroup(subgroup('a'));
        steps.push('first writes');
      });
      const second = store.transaction(async (tx) => {
        steps.push(`second reads ${(await tx.subgroups('g')).length}`);
      });
      await Promise.all([first, second]);
      assert.deepEqual(steps, ['first reads', 'first writes', 'second reads 1']);
      await store.close();
    });

    it('lets a nested transaction join the one it runs in', async () => {
      const store = await fresh();
      await store.transaction(async (tx) => {
        await tx.insertSubgroup(subgroup('outer'));
        await tx.transaction(async (inner) => inner.insertSubgroup(subgroup('inner')));
      });
      assert.deepEqual(await names(store), ['inner', 'outer']);
      await store.close();
    });

    it('makes a write outside a transaction wait for the one in progress, and keeps it when that one fails', async () => {
      const store = await fresh();
      const held = gate();
      const failing = store.transaction(async (tx) => {
        await tx.insertSubgroup(subgroup('rolled-back'));
        await held.opened;
        throw new Error('fails');
      });
      const alone = store.insertSubgroup(subgroup('alone'));
      held.release();
      await assert.rejects(failing);
      await alone;
      assert.deepEqual(await names(store), ['alone']);
      await store.close();
    });
  });
}

describe('SQLite store', () => {
  it('lets the store itself join a transaction from inside it, instead of waiting for it forever', async () => {
    const store = openSqliteStore(':memory:');
    await store.insertGroup(GROUP);
    await store.transaction(async () => {
      await store.insertSubgroup(subgroup('through-the-store'));
      await store.transaction(async (tx) => tx.insertSubgroup(subgroup('nested')));
    });
    assert.deepEqual(await names(store), ['nested', 'through-the-store']);
    await store.close();
  });
});
