/** The one email module: validity, comparison, and splitting pasted text. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emailKey, isValidEmail, parseEmailList, MAX_EMAIL_LENGTH } from '../../sdk/emails.ts';

const local = fc.stringMatching(/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,20}$/);
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const address = fc
  .tuple(local, fc.array(label, { minLength: 1, maxLength: 3 }))
  .map(([user, labels]) => `${user}@${labels.join('.')}`);
const separator = fc.constantFrom(',', ', ', ';', '; ', '\n', '\r\n', ' ', '\t', ' ,\n ');

describe('isValidEmail', () => {
  it('follows the HTML input type=email rule', () => {
    for (const ok of ['a@b', 'ana.maria+tag@clinic.example.org', "o'neil@x.io", 'x@localhost', '1@2.3'])
      assert.ok(isValidEmail(ok), ok);
    for (const bad of [
      '',
      'ana',
      'ana@',
      '@x.org',
      'a b@x.org',
      'a@b..c',
      'a@-b.c',
      'a@b-.c',
      'a@b.c.',
      'ä@x.org',
      '"q"@x.org',
      'a@b_c.org',
    ])
      assert.equal(isValidEmail(bad), false, bad);
  });

  it(`rejects anything over ${MAX_EMAIL_LENGTH} characters`, () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`;
    assert.equal(long.length, 260);
    assert.equal(isValidEmail(long), false);
    assert.equal(isValidEmail(long.slice(6)), true);
  });

  it('accepts every address the generator makes', () => {
    fc.assert(fc.property(address, (email) => email.length > MAX_EMAIL_LENGTH || isValidEmail(email)));
  });
});

describe('emailKey', () => {
  it('compares addresses ignoring case and surrounding space', () => {
    assert.equal(emailKey('  Ana@Clinic.ORG '), 'ana@clinic.org');
  });
});

describe('parseEmailList', () => {
  it('splits on commas, semicolons, white space and new lines, keeping order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(address, { minLength: 1, maxLength: 20, selector: emailKey }),
        fc.array(separator, { minLength: 20, maxLength: 20 }),
        (emails, seps) => {
          const text = emails.map((email, i) => email + seps[i]).join('');
          const parsed = parseEmailList(text);
          assert.deepEqual(
            parsed.map((p) => p.email),
            emails,
          );
          assert.ok(parsed.every((p) => p.status === 'valid'));
        },
      ),
    );
  });

  it('flags later copies as duplicates, ignoring case', () => {
    fc.assert(
      fc.property(fc.uniqueArray(address, { minLength: 1, maxLength: 10, selector: emailKey }), (emails) => {
        const text = [...emails, ...emails.map((e) => e.toUpperCase())].join(', ');
        const statuses = parseEmailList(text).map((p) => p.status);
        assert.deepEqual(statuses, [...emails.map(() => 'valid'), ...emails.map(() => 'duplicate')]);
      }),
    );
  });

  it('never throws, and every entry is a trimmed, non-empty word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const entry of parseEmailList(text)) {
          assert.ok(['valid', 'invalid', 'duplicate'].includes(entry.status));
          if (entry.status !== 'invalid') assert.ok(isValidEmail(entry.email));
        }
      }),
    );
  });

  it('reads Name <address> and "Last, First" <address>', () => {
    assert.deepEqual(parseEmailList('Ana Ruiz <ana@x.org>, "Doe, Jane" <jane@x.org>; <bo@x.org>\nkim@x.org'), [
      { email: 'ana@x.org', name: 'Ana Ruiz', status: 'valid' },
      { email: 'jane@x.org', name: 'Doe, Jane', status: 'valid' },
      { email: 'bo@x.org', status: 'valid' },
      { email: 'kim@x.org', status: 'valid' },
    ]);
  });

  it('marks what is not an address as invalid, and ignores empty pieces', () => {
    assert.deepEqual(parseEmailList(' , ana@, ;; bo@x.org,,\n\n'), [
      { email: 'ana@', status: 'invalid' },
      { email: 'bo@x.org', status: 'valid' },
    ]);
    assert.deepEqual(parseEmailList(''), []);
  });

  it('pastes from a spreadsheet column (one per line, with CRLF)', () => {
    assert.deepEqual(
      parseEmailList('a@x.org\r\nb@x.org\r\nA@X.ORG\r\n').map((p) => p.status),
      ['valid', 'valid', 'duplicate'],
    );
  });
});
