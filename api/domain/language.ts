/**
 * The languages the server writes to invitees in, and the one rule that picks among them:
 * for the invitation email, the accept page and the stored invite alike.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const isLanguage = (code: string): code is Language => (LANGUAGES as readonly string[]).includes(code);

/**
 * The first language we write in among `preferences`, most wanted first; English when none.
 * Each preference is a tag (`es-MX`) or an `Accept-Language` list (`fr-CH, es;q=0.8`).
 *
 * @example
 * negotiateLanguage(undefined, 'fr-CH, es;q=0.8'); // 'es'
 */
export function negotiateLanguage(...preferences: Array<string | undefined>): Language {
  for (const preference of preferences) {
    for (const range of preference?.split(',') ?? []) {
      const primary = range.split(';')[0]?.trim().toLowerCase().split('-')[0] ?? '';
      if (isLanguage(primary)) return primary;
    }
  }
  return 'en';
}
