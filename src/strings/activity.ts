/**
 * The Activity tab's words and dates, in the admin's language: English, or Spanish for `es`
 * (both small, so both come with the tab's chunk rather than one more request).
 */
import { activityEn, type ActivityMessages } from './activity-en.ts';
import { activityEs } from './activity-es.ts';
import { perLocale } from './formats.ts';

export type { ActivityMessages };

export function activityMessages(locale: string): ActivityMessages {
  return locale.toLowerCase().split('-')[0] === 'es' ? activityEs : activityEn;
}

const dateTimeFormat = perLocale(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
);

/** A moment as the locale writes it, e.g. "Nov 29, 2026, 10:05 AM". */
export function dateTime(locale: string, value: string): string {
  return dateTimeFormat(locale).format(new Date(value));
}
