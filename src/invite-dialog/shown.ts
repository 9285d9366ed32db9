/**
 * What the invite dialog shows of a long list (a box's chips, the results of a big send): at
 * most 100 items, those that need a look first, the rest only counted ("and 19,900 more").
 */

/** Most items of a list shown. */
const SHOWN = 100;

/**
 * The indexes of the items shown: every flagged one (up to 100), then the first others, 100 in
 * all, each part in the list's order.
 */
export function shownIndexes(count: number, flagged: (index: number) => boolean): number[] {
  if (count <= SHOWN) return Array.from({ length: count }, (_, i) => i);
  const first: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < count; i++) {
    const list = flagged(i) ? first : others;
    if (list.length < SHOWN) list.push(i);
  }
  return [...first, ...others.slice(0, Math.max(0, SHOWN - first.length))];
}
