/**
 * The invitation email, in the invite's language.
 */
import type { Role } from '../../sdk/schemas.ts';
import { INVITEE_WORDS } from '../domain/invitee-words.ts';
import { negotiateLanguage } from '../domain/language.ts';
import { escapeHtml } from './escape-html.ts';
import type { Mail } from './mailer.ts';

/**
 * One date format per language, made once: a new `Intl.DateTimeFormat` per email kept
 * ~26 KB of memory each that the process never gave back.
 */
const expiryFormats = new Map<string, Intl.DateTimeFormat>();

function expiryFormat(language: string): Intl.DateTimeFormat {
  let format = expiryFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    expiryFormats.set(language, format);
  }
  return format;
}

/**
 * Writes the invitation email in the invite's language (English when it has none we know);
 * with `reminder`, the reminder of it: same link, a subject that says so, and when it expires first.
 */
export function invitationMail(input: {
  to: string;
  /** The invitee's name, for the greeting ("Hi Ana Ruiz,"). */
  name: string | null;
  groupName: string;
  role: Role;
  acceptUrl: string;
  expiresAt: string;
  locale: string;
  reminder?: boolean;
}): Mail {
  const language = negotiateLanguage(input.locale);
  const words = INVITEE_WORDS[language];
  // The accept page speaks the invite's language too.
  const acceptUrl = `${input.acceptUrl}${input.acceptUrl.includes('?') ? '&' : '?'}lang=${language}`;
  const expires = expiryFormat(language).format(new Date(input.expiresAt));
  const invited = words.body(input.groupName, words.roles[input.role]);
  const body = input.reminder ? `${words.reminder(expires)} ${invited}` : invited;
  const text = [
    words.greeting(input.name),
    '',
    body,
    '',
    `${words.action}: ${acceptUrl}`,
    '',
    words.expiry(expires),
    '',
    words.ignore,
  ].join('\n');
  const button =
    'display:inline-block;padding:10px 16px;background:#1f5fbf;color:#fff;border-radius:6px;text-decoration:none';
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(words.greeting(input.name))}</p>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(acceptUrl)}" style="${button}">${escapeHtml(words.action)}</a></p>
<p>${escapeHtml(words.expiry(expires))}</p>
<p style="color:#666">${escapeHtml(words.ignore)}</p>
</body></html>`;
  const subject = (input.reminder ? words.reminderSubject : words.subject)(input.groupName);
  return { to: input.to, subject, text, html, acceptUrl };
}
