/**
 * The invitation email: its words in each language and the mailers that deliver it.
 */
import type { Role } from '../../sdk/schemas.ts';
import type { Store } from '../store/store.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  acceptUrl: string;
}

/** Delivers mail. The reference server uses SMTP or the outbox; the mocks the outbox. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Keeps every message in the store's outbox (demo mode). */
export function outboxMailer(store: Store, now: () => Date): Mailer {
  return {
    async send(mail) {
      store.addMail({ ...mail, sentAt: now().toISOString() });
    },
  };
}

interface Words {
  subject: (group: string) => string;
  greeting: string;
  body: (group: string, role: string) => string;
  roles: Record<Role, string>;
  action: string;
  expiry: (date: string) => string;
  ignore: string;
}

const WORDS: Record<'en' | 'es', Words> = {
  en: {
    subject: (group) => `You're invited to join ${group}`,
    greeting: 'Hello,',
    body: (group, role) => `You have been invited to join ${group} as ${role}. To set up your account, open the link below, enter your name and choose a password.`,
    roles: { learner: 'a Learner', admin: 'an Admin' },
    action: 'Set up your account',
    expiry: (date) => `This invitation expires on ${date}. If it has expired, ask your group's admin to resend it.`,
    ignore: "If you did not expect this invitation, you can ignore this email.",
  },
  es: {
    subject: (group) => `Le han invitado a unirse a ${group}`,
    greeting: 'Hola:',
    body: (group, role) => `Le han invitado a unirse a ${group} como ${role}. Para configurar su cuenta, abra el enlace de abajo, escriba su nombre y elija una contraseña.`,
    roles: { learner: 'Alumno', admin: 'Administrador' },
    action: 'Configurar su cuenta',
    expiry: (date) => `Esta invitación caduca el ${date}. Si ha caducado, pida al administrador de su grupo que la reenvíe.`,
    ignore: 'Si no esperaba esta invitación, puede ignorar este correo.',
  },
};

/** Writes the invitation email in the invite's language (English when it has none we know). */
export function invitationMail(input: {
  to: string;
  groupName: string;
  role: Role;
  acceptUrl: string;
  expiresAt: string;
  locale: string;
}): Mail {
  const language = input.locale.toLowerCase().startsWith('es') ? 'es' : 'en';
  const words = WORDS[language];
  // The accept page speaks the invite's language too.
  const acceptUrl = `${input.acceptUrl}${input.acceptUrl.includes('?') ? '&' : '?'}lang=${language}`;
  const expires = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(input.expiresAt));
  const body = words.body(input.groupName, words.roles[input.role]);
  const text = [words.greeting, '', body, '', `${words.action}: ${acceptUrl}`, '', words.expiry(expires), '', words.ignore].join('\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(words.greeting)}</p>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(acceptUrl)}" style="display:inline-block;padding:10px 16px;background:#1f5fbf;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(words.action)}</a></p>
<p>${escapeHtml(words.expiry(expires))}</p>
<p style="color:#666">${escapeHtml(words.ignore)}</p>
</body></html>`;
  return { to: input.to, subject: words.subject(input.groupName), text, html, acceptUrl };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
