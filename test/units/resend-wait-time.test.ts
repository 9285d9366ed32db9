/** The time a throttled resend can go again, written by `Intl` and read as a sentence, in English and Spanish. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../src/strings/en.ts';
import { es } from '../../src/strings/es.ts';
import { shortTime } from '../../src/strings/index.ts';

const at = (hours: number, minutes: number) => new Date(2026, 10, 30, hours, minutes);

describe('until when a resend has to wait', () => {
  it('English: the addresses, then why, then the time, in separate sentences', () => {
    assert.match(
      en.resendWaitUntil(1, shortTime('en', at(13, 5)), 'ana@x.org'),
      /^Not sent again: ana@x\.org\. It was sent less than a minute ago; try again after 1:05\sPM\.$/,
    );
  });

  it('Spanish: one o’clock takes "la" (la 1:05), every other hour "las"', () => {
    const wait = (date: Date) => es.resendWaitUntil(1, shortTime('es', date), 'ana@x.org');
    assert.match(wait(at(1, 5)), /después de la 1:05\.$/);
    assert.match(wait(at(13, 5)), /después de las 13:05\.$/);
    assert.match(wait(at(0, 30)), /después de las 0:30\.$/);
  });
});
