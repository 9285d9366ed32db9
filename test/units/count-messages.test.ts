/** Every catalog message that takes a number reads correctly for 0, 1, 2 and 5, in English and Spanish. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../src/strings/en.ts';
import { es } from '../../src/strings/es.ts';

const CATALOGS = [
  ['en', en],
  ['es', es],
] as const;

/** Wordings a wrong plural rule or a bare zero produces. */
const WRONG = {
  en: [
    /(?<!of )\b1 (seats|invitations|addresses|members|times|users|boxes|rows|minutes)\b/,
    /\bonly 0\b/,
    /\b(0|2|5) (seat|invitation|address|member|time|user|box|row|minute)\b/,
  ],
  es: [
    /(?<!de )\b1 (plazas|invitaciones|direcciones|miembros|veces|usuarios|filas|minutos)\b/,
    /\bsolo (hay )?0\b/,
    /\bSe enviarán 1\b/,
    /\b(0|2|5) (plaza|invitación|dirección|miembro|vez|usuario|fila|minuto)\b/,
  ],
};

for (const [language, messages] of CATALOGS) {
  describe(`count messages (${language})`, () => {
    for (const [key, message] of Object.entries(messages)) {
      if (typeof message !== 'function') continue;
      it(`${key} for 0, 1, 2 and 5`, () => {
        for (const n of [0, 1, 2, 5]) {
          const text = (message as (...args: number[]) => string)(...Array.from({ length: message.length }, () => n));
          assert.doesNotMatch(text, /undefined|NaN/, text);
          for (const wrong of WRONG[language]) assert.doesNotMatch(text, wrong, `${key}(${n}): ${text}`);
        }
      });
    }
  });
}

describe('big counts are written the way the locale writes them', () => {
  const expected = {
    en: [
      '25,003 of 60,010 seats occupied',
      '25,003 results',
      '1,200 members, 25,003 pending invitations',
      '… and 2,595 more rows',
    ],
    es: [
      '25.003 de 60.010 plazas ocupadas',
      '25.003 resultados',
      '1200 miembros, 25.003 invitaciones pendientes',
      '… y 2595 filas más',
    ],
  };
  for (const [language, t] of CATALOGS) {
    it(`in the seat summary, the results announcement, subgroup counts and the CSV preview (${language})`, () => {
      assert.deepEqual(
        [t.seatsSummary(25_003, 60_010), t.resultsCount(25_003), t.subgroupCounts(1_200, 25_003), t.moreRows(2_595)],
        expected[language],
      );
    });
  }
});
