/**
 * Everything an invitee reads, in each language: the invitation email, the accept page and
 * the API's refusals of a link share these words, so they cannot drift apart.
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type Role } from '../../sdk/schemas.ts';
import type { Language } from './language.ts';

export interface InviteeWords {
  /** The role as a sentence names it ("as a Learner"). */
  roles: Record<Role, string>;
  /** The email. */
  subject: (group: string) => string;
  /** "Hi Ana Ruiz," with the invitee's name, else a greeting without one. */
  greeting: (name: string | null) => string;
  body: (group: string, role: string) => string;
  action: string;
  expiry: (date: string) => string;
  ignore: string;
  /** The reminder email, sent a few days before the link expires. */
  reminderSubject: (group: string) => string;
  reminder: (date: string) => string;
  /** The accept page. */
  title: string;
  intro: (group: string, role: string, email: string) => string;
  name: string;
  password: string;
  passwordRule: string;
  passwordCommon: string;
  nameRule: string;
  tooMany: (minutes: number) => string;
  tooLarge: string;
  submit: string;
  done: (name: string, group: string) => string;
  /** A link that no longer works: the page shows these, the API answers with the English ones. */
  expired: string;
  gone: string;
}

export const INVITEE_WORDS: Record<Language, InviteeWords> = {
  en: {
    roles: { learner: 'a Learner', admin: 'an Admin' },
    subject: (group) => `You're invited to join ${group}`,
    greeting: (name) => (name ? `Hi ${name},` : 'Hello,'),
    body: (group, role) =>
      `You have been invited to join ${group} as ${role}. ` +
      'To set up your account, open the link below, enter your name and choose a password.',
    action: 'Set up your account',
    expiry: (date) => `This invitation expires on ${date}. If it has expired, ask your group's admin to resend it.`,
    ignore: 'If you did not expect this invitation, you can ignore this email.',
    reminderSubject: (group) => `Reminder: you're invited to join ${group}`,
    reminder: (date) => `A reminder: your invitation is still waiting, and its link expires on ${date}.`,
    title: 'Set up your account',
    intro: (group, role, email) => `You are invited to join ${group} as ${role} with ${email}.`,
    name: 'Your name',
    password: 'Choose a password (at least 8 characters)',
    passwordRule: `Choose a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
    passwordCommon: 'This password is one of the most common ones. Choose one that is harder to guess.',
    nameRule: 'Enter your name (up to 100 characters).',
    tooMany: (minutes) => `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    tooLarge: 'The form was too large to read. Go back and try again.',
    submit: 'Create account',
    done: (name, group) => `Welcome, ${name}! Your account in ${group} is ready.`,
    expired: "This invitation has expired. Ask your group's admin to resend it.",
    gone: 'This invitation link is not valid. It may have been used already, resent with a new link, or removed.',
  },
  es: {
    roles: { learner: 'Alumno', admin: 'Administrador' },
    subject: (group) => `Le han invitado a unirse a ${group}`,
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    body: (group, role) =>
      `Le han invitado a unirse a ${group} como ${role}. ` +
      'Para configurar su cuenta, abra el enlace de abajo, escriba su nombre y elija una contraseña.',
    action: 'Configurar su cuenta',
    expiry: (date) =>
      `Esta invitación caduca el ${date}. Si ha caducado, pida al administrador de su grupo que la reenvíe.`,
    ignore: 'Si no esperaba esta invitación, puede ignorar este correo.',
    reminderSubject: (group) => `Recordatorio: le han invitado a unirse a ${group}`,
    reminder: (date) => `Un recordatorio: su invitación sigue pendiente y su enlace caduca el ${date}.`,
    title: 'Configure su cuenta',
    intro: (group, role, email) => `Le han invitado a unirse a ${group} como ${role} con ${email}.`,
    name: 'Su nombre',
    password: 'Elija una contraseña (al menos 8 caracteres)',
    passwordRule: `Elija una contraseña de ${MIN_PASSWORD_LENGTH} a ${MAX_PASSWORD_LENGTH} caracteres.`,
    passwordCommon: 'Esta contraseña es una de las más comunes. Elija una que sea más difícil de adivinar.',
    nameRule: 'Escriba su nombre (hasta 100 caracteres).',
    tooMany: (minutes) =>
      `Demasiados intentos. Vuelva a intentarlo dentro de ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`,
    tooLarge: 'El formulario era demasiado grande. Vuelva atrás e inténtelo de nuevo.',
    submit: 'Crear cuenta',
    done: (name, group) => `¡Bienvenido, ${name}! Su cuenta en ${group} está lista.`,
    expired: 'Esta invitación ha caducado. Pida al administrador de su grupo que la reenvíe.',
    gone:
      'Este enlace de invitación no es válido. Puede que ya se haya usado, ' +
      'que se haya reenviado con un enlace nuevo o que se haya eliminado.',
  },
};
