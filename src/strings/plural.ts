/**
 * Plural forms through `Intl.PluralRules`, so each catalog names its forms (`one`, `other`,
 * and `few`/`many` where a language has them) and the locale picks one.
 */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A `plural(n, forms)` for one locale. */
export function pluralRules(locale: string) {
  const rules = new Intl.PluralRules(locale);
  return (n: number, forms: Forms): string => forms[rules.select(n)] ?? forms.other;
}
