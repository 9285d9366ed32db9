/** The invite dialog's data: CSV files and user-type boxes, without a browser. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addPeople, parseCsv, readPeople } from '../../src/invite-dialog/csv.ts';
import { knownOf } from '../../api/domain/plan-invites.ts';
import type { Invitation } from '../../sdk/index.ts';
import { commitDraft, newBox, planBoxes, subgroupChoice, toRequest } from '../../src/invite-dialog/boxes.ts';

const radiology = { id: 'sub_r', name: 'Radiology', memberCount: 0, invitationCount: 0 };

describe('CSV', () => {
  it('splits quoted cells, doubled quotes, CRLF, semicolons and tabs', () => {
    assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\n1;2\t3\n\n'), [
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('finds the email, role and subgroup columns by their headers, in English or Spanish', () => {
    assert.deepEqual(readPeople('\uFEFFNombre,Correo,Rol,Subgrupo\nAna,ana@x.org,Administrador,ICU\nBo,bo@x.org,,\n'), [
      { email: 'ana@x.org', name: 'Ana', role: 'admin', subgroup: 'ICU' },
      { email: 'bo@x.org', name: 'Bo', role: 'learner', subgroup: '' },
    ]);
  });

  it('keeps the name of `Ana Ruiz <ana@x.org>` in the email column', () => {
    assert.deepEqual(readPeople('email\n"Ana Ruiz <ana@x.org>"\n'), [
      { email: 'ana@x.org', name: 'Ana Ruiz', role: 'learner', subgroup: '' },
    ]);
  });

  it('without a header, takes the first column with an @ as the addresses', () => {
    assert.deepEqual(readPeople('Ana Ruiz,ana@x.org\nBo Li,bo@x.org'), [
      { email: 'ana@x.org', role: 'learner', subgroup: '' },
      { email: 'bo@x.org', role: 'learner', subgroup: '' },
    ]);
  });

  it('keeps a row whose email cell is empty, with no address; adding the people leaves it out', () => {
    const people = readPeople('email,role\n,admin\nbo@x.org,\n');
    assert.deepEqual(people, [
      { email: '', role: 'admin', subgroup: '' },
      { email: 'bo@x.org', role: 'learner', subgroup: '' },
    ]);
    assert.deepEqual(
      addPeople([], people ?? []).map((box) => box.emails),
      [['bo@x.org']],
    );
  });

  it('says when there is no column of addresses', () => {
    assert.equal(readPeople('name,age\nAna,30'), undefined);
    assert.equal(readPeople(''), undefined);
  });
});

describe('user-type boxes', () => {
  it('counts duplicates across boxes and what is still being typed', () => {
    const boxes = [newBox('learner', ['a@x.org', 'bad']), { ...newBox('admin', ['A@x.org']), draft: 'c@x.org' }];
    const plan = planBoxes(boxes);
    assert.deepEqual(plan.states, [['valid', 'invalid'], ['duplicate']]);
    assert.deepEqual([plan.seatsNeeded, plan.toSend, plan.invalid], [2, 2, 1]);
  });

  it('counts seats as the server does: already invited, members and deactivated members need none', () => {
    const invitation = { email: 'inv@x.org' } as Invitation;
    const known = knownOf(
      [
        { id: 'usr_m', email: 'Member@x.org', status: 'active' },
        { id: 'usr_d', email: 'gone@x.org', status: 'deactivated' },
      ],
      [invitation],
    );
    const plan = planBoxes([newBox('learner', ['new@x.org', 'INV@x.org', 'member@x.org', 'gone@x.org'])], known);
    assert.deepEqual(plan.states, [['valid', 'already_invited', 'already_member', 'deactivated_member']]);
    assert.deepEqual([plan.seatsNeeded, plan.toSend], [1, 4]);
  });

  it('moves the draft into chips', () => {
    const box = commitDraft({ ...newBox('learner'), draft: 'Ana <ana@x.org>, bo@x.org' });
    assert.deepEqual([box.emails, box.draft], [['ana@x.org', 'bo@x.org'], '']);
  });

  it('sends the names given with addresses, typed or from a CSV', () => {
    const typed = commitDraft({ ...newBox('learner'), draft: 'Ana Ruiz <ana@x.org>, bo@x.org' });
    const boxes = addPeople([typed], [{ email: 'cy@x.org', name: 'Cy Lee', role: 'learner', subgroup: '' }]);
    assert.deepEqual(toRequest(boxes, [], 'en').batches[0]!.emails, [
      { email: 'ana@x.org', name: 'Ana Ruiz' },
      'bo@x.org',
      { email: 'cy@x.org', name: 'Cy Lee' },
    ]);
  });

  it('picks an existing subgroup ignoring case, or names a new one', () => {
    assert.deepEqual(subgroupChoice(' radiology ', [radiology]), { id: 'sub_r' });
    assert.deepEqual(subgroupChoice('ICU', [radiology]), { name: 'ICU' });
    assert.equal(subgroupChoice('  ', [radiology]), undefined);
  });

  it('becomes one batch per box with addresses to send, leaving duplicates out', () => {
    const boxes = [
      newBox('learner', ['a@x.org', 'b@x.org'], 'Radiology'),
      newBox('admin', ['A@X.org']),
      newBox('learner', ['c@x.org'], 'ICU'),
    ];
    assert.deepEqual(toRequest(boxes, [radiology], 'es'), {
      locale: 'es',
      batches: [
        { role: 'learner', emails: ['a@x.org', 'b@x.org'], subgroup: { id: 'sub_r' } },
        { role: 'learner', emails: ['c@x.org'], subgroup: { name: 'ICU' } },
      ],
    });
  });

  it('adds CSV people to matching boxes, or new ones, replacing an empty first box', () => {
    const boxes = addPeople(
      [newBox('learner')],
      [
        { email: 'a@x.org', role: 'learner', subgroup: 'ICU' },
        { email: 'b@x.org', role: 'admin', subgroup: '' },
        { email: 'c@x.org', role: 'learner', subgroup: 'icu' },
      ],
    );
    assert.deepEqual(
      boxes.map((b) => [b.role, b.subgroup, b.emails]),
      [
        ['learner', 'ICU', ['a@x.org', 'c@x.org']],
        ['admin', '', ['b@x.org']],
      ],
    );
  });
});
