/**
 * The pool of reader threads the SQLite store runs its long reads on: a thread's error
 * reaches the caller, and a thread that dies rejects the calls it held instead of leaving
 * them waiting, then is replaced.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReaderPool } from '../../api/store/reader-pool.ts';

const READER = new URL('../helpers/crashing-reader.ts', import.meta.url);

describe('reader threads', () => {
  it('answers a call with what the thread returned', async () => {
    const pool = createReaderPool(READER, undefined, 2);
    assert.deepEqual(await pool.call('echo', ['a', { b: 1 }]), ['a', { b: 1 }]);
    await pool.close();
  });

  it('rejects a call with the error the thread threw', async () => {
    const pool = createReaderPool(READER, undefined, 2);
    await assert.rejects(pool.call('fail', []), { name: 'Error', message: 'no such table: nowhere' });
    await pool.close();
  });

  it('rejects every call a dying thread held, and answers the next on a new thread', async () => {
    const pool = createReaderPool(READER, undefined, 1);
    const held = [pool.call('crash', []), pool.call('echo', ['queued behind the crash'])];
    const settled = await Promise.allSettled(held);
    assert.deepEqual(
      settled.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    assert.deepEqual(await pool.call('echo', ['after']), ['after']);
    await pool.close();
  });

  it('refuses calls once closed', async () => {
    const pool = createReaderPool(READER, undefined, 1);
    await pool.call('echo', []);
    await pool.close();
    await assert.rejects(pool.call('echo', []), /closed/);
  });
});
