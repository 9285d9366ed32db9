/**
 * The one rule for telling subgroup names apart, in every store: Unicode compatibility
 * forms and case do not count. `ÄRZTE` is `ärzte`, `Straße` is `STRASSE`, `Café` typed with a
 * combining accent is `Café`. Upper-casing first gives full case folding (ß → ss, ς → σ),
 * which lower-casing alone does not.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}
