/**
 * The invitee's page at `/accept?token=…`: shows what the invitation is for, asks for a
 * name and a password, and accepts it through the API. Works without JavaScript.
 */
import { escapeHtml } from '../../api/domain/mail.ts';

type Language = 'en' | 'es';

const WORDS = {
  en: {
    title: 'Set up your account',
    intro: (group: string, role: string, email: string) => `You are invited to join ${group} as ${role} with ${email}.`,
    roles: { learner: 'a Learner', admin: 'an Admin' },
    name: 'Your name',
    password: 'Choose a password (at least 8 characters)',
    submit: 'Create account',
    done: (name: string, group: string) => `Welcome, ${name}! Your account in ${group} is ready.`,
    expired: "This invitation has expired. Ask your group's admin to resend it.",
    gone: 'This invitation link is not valid. It may have been used already, resent with a new link, or removed.',
  },
  es: {
    title: 'Configure su cuenta',
    intro: (group: string, role: string, email: string) => `Le han invitado a unirse a ${group} como ${role} con ${email}.`,
    roles: { learner: 'Alumno', admin: 'Administrador' },
    name: 'Su nombre',
    password: 'Elija una contraseña (al menos 8 caracteres)',
    submit: 'Crear cuenta',
    done: (name: string, group: string) => `¡Bienvenido, ${name}! Su cuenta en ${group} está lista.`,
    expired: 'Esta invitación ha caducado. Pida al administrador de su grupo que la reenvíe.',
    gone: 'Este enlace de invitación no es válido. Puede que ya se haya usado, que se haya reenviado con un enlace nuevo o que se haya eliminado.',
  },
};

/** The page's language: the invite's (`lang` in the link), else the browser's. */
export function languageOf(lang: string | undefined, acceptLanguage: string | undefined): Language {
  return (lang || acceptLanguage)?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

interface Preview {
  email: string;
  groupName: string;
  role: 'learner' | 'admin';
}

/** The page for a state: the form, a result, or a refusal (`problem` is the API's detail). */
export function acceptPage(language: Language, state: { token: string; preview?: Preview; done?: { name: string; group: string }; status?: number; problem?: string }) {
  const w = WORDS[language];
  let body: string;
  if (state.done) body = `<p role="status">${escapeHtml(w.done(state.done.name, state.done.group))}</p>`;
  else if (!state.preview) body = `<p role="alert">${escapeHtml(state.status === 410 ? w.expired : w.gone)}</p>`;
  else {
    const p = state.preview;
    body = `<p>${escapeHtml(w.intro(p.groupName, w.roles[p.role], p.email))}</p>
${state.problem ? `<p role="alert" class="error">${escapeHtml(state.problem)}</p>` : ''}
<form method="post" action="/accept">
  <input type="hidden" name="token" value="${escapeHtml(state.token)}">
  <input type="hidden" name="lang" value="${language}">
  <label>${escapeHtml(w.name)}<input name="name" autocomplete="name" required maxlength="100"></label>
  <label>${escapeHtml(w.password)}<input name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="200"></label>
  <button type="submit">${escapeHtml(w.submit)}</button>
</form>`;
  }
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433; }
  label { display: grid; gap: .25rem; margin: 1rem 0; font-weight: 600; }
  input { font: inherit; padding: .5rem; border: 1px solid #8a94a6; border-radius: 6px; }
  button { font: inherit; padding: .6rem 1rem; background: #1f5fbf; color: #fff; border: 0; border-radius: 6px; min-height: 44px; }
  .error, [role=alert] { color: #a4262c; }
</style></head>
<body><main><h1>${escapeHtml(w.title)}</h1>${body}</main></body></html>`;
}
