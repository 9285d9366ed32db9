/** A send of more than 500 addresses, as the invite dialog splits it: request by request, without a browser. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InviteRequest } from '../../sdk/index.ts';
import { newBox } from '../../src/invite-dialog/boxes.ts';
import { addressCount, firstRequest, newSubgroupNames, withoutSent } from '../../src/invite-dialog/chunks.ts';

const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.org`);

describe('a send in requests of at most 500 addresses', () => {
  it('takes the first 500 addresses in the boxes order, cutting the box at the limit', () => {
    const request: InviteRequest = {
      batches: [
        { role: 'learner', emails: addresses('a', 300) },
        { role: 'admin', emails: addresses('b', 300), subgroup: { name: 'Night shift' } },
      ],
      locale: 'es',
    };
    const first = firstRequest(request);
    assert.equal(addressCount(first), 500);
    assert.deepEqual(first.batches[1], {
      role: 'admin',
      emails: addresses('b', 200),
      subgroup: { name: 'Night shift' },
    });
    assert.equal(first.locale, 'es');
    assert.deepEqual(newSubgroupNames(first), ['Night shift']);
  });

  it('carries at most 50 boxes in one request', () => {
    const batches = Array.from({ length: 60 }, (_, i) => ({ role: 'learner' as const, emails: [`p${i}@x.org`] }));
    assert.equal(firstRequest({ batches }).batches.length, 50);
  });

  it('takes what a request carried out of every box, and drops the boxes left empty', () => {
    const boxes = [
      newBox('learner', ['a@x.org', 'b@x.org']),
      newBox('admin', ['A@X.org']),
      newBox('admin', ['c@x.org']),
    ];
    const left = withoutSent(boxes, {
      batches: [{ role: 'learner', emails: ['a@x.org', { email: 'b@x.org', name: 'Bo' }] }],
    });
    assert.deepEqual(
      left.map((box) => box.emails),
      [['c@x.org']],
    );
  });

  it('leaves one empty Learners box when everything went', () => {
    const left = withoutSent([newBox('admin', ['a@x.org'])], { batches: [{ role: 'admin', emails: ['a@x.org'] }] });
    assert.deepEqual(
      left.map((box) => [box.role, box.emails]),
      [['learner', []]],
    );
  });
});
