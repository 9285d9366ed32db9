/** Planning an invite request, with no store: the rule the server applies and a browser can preview. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planInvites } from '../../api/domain/plan-invites.ts';
import { negotiateLanguage } from '../../api/domain/language.ts';
import type { Invitation } from '../../sdk/schemas.ts';

const invitation = { id: 'inv_1', email: 'Kim@x.org' } as Invitation;
const members = new Map([
  ['lee@x.org', { id: 'usr_lee', status: 'active' as const }],
  ['dee@x.org', { id: 'usr_dee', status: 'deactivated' as const }],
]);
const known = { members, invitations: new Map([['kim@x.org', invitation]]) };

describe('planInvites', () => {
  it('gives each address one outcome, in order, and counts the seats the new ones need', () => {
    const learners = { role: 'learner', emails: [' ana@x.org ', 'bo@', 'LEE@x.org'] };
    const admins = { role: 'admin', emails: ['ANA@x.org', 'kim@x.org', 'cy@x.org'] };
    const plan = planInvites([learners, admins], known);
    assert.deepEqual(plan.results, [
      { email: 'ana@x.org', status: 'invited', box: learners },
      { email: 'bo@', status: 'invalid_email' },
      { email: 'LEE@x.org', status: 'already_member' },
      { email: 'ANA@x.org', status: 'duplicate' },
      { email: 'kim@x.org', status: 'already_invited', invitation },
      { email: 'cy@x.org', status: 'invited', box: admins },
    ]);
    assert.equal(plan.seatsNeeded, 2);
  });
  it('keeps the name of `Name <address>` or `{ email, name }`, trimmed and at most 100 characters', () => {
    const box = {
      emails: ['Ana Ruiz <ana@x.org>', { email: 'bo@x.org', name: ' Bo ' }, `${'N'.repeat(120)} <cy@x.org>`],
    };
    const names = planInvites([box], known).results.map((result) => result.name);
    assert.deepEqual(names, ['Ana Ruiz', 'Bo', 'N'.repeat(100)]);
  });
  it("reports a deactivated member's address with the member's id, taking no seat", () => {
    const plan = planInvites([{ emails: ['DEE@x.org'] }], known);
    assert.deepEqual(plan.results, [{ email: 'DEE@x.org', status: 'deactivated_member', memberId: 'usr_dee' }]);
    assert.equal(plan.seatsNeeded, 0);
  });
});

describe('negotiateLanguage', () => {
  it('takes the first language we write in, from a tag or an Accept-Language list, else English', () => {
    assert.equal(negotiateLanguage('es-MX'), 'es');
    assert.equal(negotiateLanguage(undefined, 'fr-CH, es;q=0.8'), 'es');
    assert.equal(negotiateLanguage('fr', 'de'), 'en');
    assert.equal(negotiateLanguage('en-GB', 'es'), 'en');
  });
});
