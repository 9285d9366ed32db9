/**
 * Message catalogs and the `Intl` formatting the elements share. English is built in;
 * other languages load on demand, and elements re-render when one arrives.
 */
import { html } from 'lit';
import { en, type Messages } from './en.ts';
import { dateFormat, numberFormat, relativeFormat, timeFormat } from './formats.ts';

export type { Messages };

const LOADERS: Record<string, () => Promise<Messages>> = {
  es: () => import('./es.ts').then((module) => module.es),
};
const catalogs = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<Messages>>();

/** Locales with a complete catalog. */
export const SUPPORTED_LOCALES = ['en', ...Object.keys(LOADERS)];

/** Fires `change` when a catalog has arrived or the page's language changed. */
export const catalogEvents = new EventTarget();

// Elements without a `locale` follow the page's `lang`, also when it changes later.
if (typeof document !== 'undefined') {
  new MutationObserver(() => catalogEvents.dispatchEvent(new Event('change'))).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
}

function languageOf(locale: string) {
  return locale.toLowerCase().split('-')[0] ?? '';
}

/** Loads the catalog of a locale (English when there is none). */
function loadMessages(locale: string): Promise<Messages> {
  const language = languageOf(locale);
  const ready = catalogs.get(language);
  if (ready) return Promise.resolve(ready);
  const loader = LOADERS[language];
  if (!loader) return Promise.resolve(en);
  let pending = loading.get(language);
  if (!pending) {
    pending = loader().then((messages) => {
      catalogs.set(language, messages);
      catalogEvents.dispatchEvent(new Event('change'));
      return messages;
    });
    loading.set(language, pending);
  }
  return pending;
}

/** The catalog for a BCP 47 tag (`es-MX` → Spanish), if loaded; English until then. */
export function messagesFor(locale: string): Messages {
  const messages = catalogs.get(languageOf(locale));
  if (messages) return messages;
  void loadMessages(locale);
  return en;
}

/** Whether the catalog of a locale is in (loading it if not): until then, render nothing worded. */
export function hasMessages(locale: string): boolean {
  const language = languageOf(locale);
  if (catalogs.has(language) || !LOADERS[language]) return true;
  void loadMessages(locale);
  return false;
}

const DAY = 86_400_000;

/** "in 3 days", "2 days ago", "tomorrow": the nearest sensible unit. */
export function relativeTime(locale: string, to: Date | string, now: number): string {
  const ms = new Date(to).getTime() - now;
  const format = relativeFormat(locale);
  const abs = Math.abs(ms);
  if (abs < 3_600_000) return format.format(Math.round(ms / 60_000), 'minute');
  if (abs < DAY) return format.format(Math.round(ms / 3_600_000), 'hour');
  return format.format(Math.round(ms / DAY), 'day');
}

/** A date as the locale writes it, e.g. "Nov 29, 2026". */
export function shortDate(locale: string, value: Date | string): string {
  return dateFormat(locale).format(new Date(value));
}

/** A time of day as the locale writes it, e.g. "10:42 AM". */
export function shortTime(locale: string, value: Date): string {
  return timeFormat(locale).format(value);
}

/** An address that may wrap after its "@" in a narrow column: `name@<wbr>domain`. */
export function wrappableEmail(email: string) {
  const at = email.lastIndexOf('@') + 1;
  return at ? html`${email.slice(0, at)}<wbr />${email.slice(at)}` : email;
}

/** A number as the locale writes it. */
export function number(locale: string, value: number): string {
  return numberFormat(locale).format(value);
}
