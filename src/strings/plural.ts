/**
 * Plural forms through `Intl.PluralRules`: the locale decides which numbers take the
 * singular ("1 seat", "0 seats" in English; French would say "0 place").
 */
import { numberFormat } from './formats.ts';

/** A `plural(n, one, other)` for one locale. */
export function pluralRules(locale: string) {
  const rules = new Intl.PluralRules(locale);
  return (n: number, one: string, other: string): string => (rules.select(n) === 'one' ? one : other);
}

/** Counts as the locale writes them: "25,003" in English, "25.003" in Spanish. */
export function counter(locale: string) {
  // The shared formatter, made at the first count rather than when a catalog loads.
  return (n: number): string => numberFormat(locale).format(n);
}
