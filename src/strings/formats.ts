/**
 * `Intl` formatters made once per locale, then reused: making one costs far more than using it
 * (a `DateTimeFormat` loads its locale's patterns), and a table of 50 rows asks for a hundred
 * of them at every render.
 */

/** `make`, called once per locale. */
export function perLocale<F>(make: (locale: string) => F): (locale: string) => F {
  const made = new Map<string, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}

export const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale));
/** "Nov 29, 2026". */
export const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
/** "10:42 AM". */
export const timeFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
/** "tomorrow", "in 3 days". */
export const relativeFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
