// The demo host page: who is signed in, language, theme, the demo clock and the outbox.
import { createInvitationsClient } from '/manage-users.js';

const widget = document.getElementById('widget');
const who = document.getElementById('who');
const language = document.getElementById('language');
const theme = document.getElementById('theme');
const clockLabel = document.getElementById('clock');
const outbox = document.getElementById('outbox-card');
const DAY = 86_400_000;
const client = createInvitationsClient({ baseUrl: '/api/v1/' });
let offset = 0;

/** The host page's own words (the widget brings its own), by `data-text` key. */
const WORDS = {
  en: {
    dashboard: 'Dashboard',
    courses: 'Courses',
    reports: 'Reports',
    manageUsers: 'Manage Users',
    settings: 'Settings',
    signedInAs: 'Signed in as',
    admin: 'Dana Whitfield (Admin)',
    learner: 'Lee Okafor (Learner)',
    language: 'Language',
    theme: 'Theme',
    themeDefault: 'Widget default',
    themeHost: 'Host theme',
    jump: 'Jump 11 days',
    outbox: 'Outbox',
    outboxHint: '(demo mode: emails the server would have sent)',
    openLink: 'Open accept link',
    to: 'To',
    clock: 'Demo clock:',
  },
  es: {
    dashboard: 'Inicio',
    courses: 'Cursos',
    reports: 'Informes',
    manageUsers: 'Gestionar usuarios',
    settings: 'Ajustes',
    signedInAs: 'Sesión iniciada como',
    admin: 'Dana Whitfield (Administradora)',
    learner: 'Lee Okafor (Alumno)',
    language: 'Idioma',
    theme: 'Tema',
    themeDefault: 'Tema del widget',
    themeHost: 'Tema del portal',
    jump: 'Avanzar 11 días',
    outbox: 'Bandeja de salida',
    outboxHint: '(modo demo: correos que el servidor habría enviado)',
    openLink: 'Abrir enlace de aceptación',
    to: 'Para',
    clock: 'Reloj de la demo:',
  },
};
const words = () => WORDS[language.value] ?? WORDS.en;

widget.getToken = () => who.value;
widget.now = () => Date.now() + offset;

function translate() {
  document.documentElement.lang = language.value;
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = words()[element.dataset.text];
}

async function syncClock(advanceMs) {
  const { now } = await client.demo.advanceClock(advanceMs);
  offset = Date.parse(now) - Date.now();
  const date = new Date(now).toLocaleDateString(language.value, { dateStyle: 'medium' });
  clockLabel.textContent = offset > 60_000 ? `${words().clock} ${date}` : '';
}

/** The emails an admin would have sent; a Learner sends none, so sees none. */
async function showOutbox() {
  outbox.hidden = who.value !== 'demo-admin';
  if (outbox.hidden) return;
  const { items } = await client.demo.outbox();
  const list = document.getElementById('outbox');
  const sentAt = new Intl.DateTimeFormat(language.value, { dateStyle: 'medium', timeStyle: 'short' });
  list.replaceChildren(
    ...items.slice(0, 50).map((mail) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = mail.acceptUrl;
      link.target = '_blank';
      link.textContent = words().openLink;
      const subject = document.createElement('strong');
      subject.textContent = mail.subject;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${words().to} ${mail.to} · ${sentAt.format(new Date(mail.sentAt))}`;
      li.append(subject, meta, link);
      return li;
    }),
  );
}

who.addEventListener('change', () => {
  widget.getToken = () => who.value;
  void showOutbox();
});
language.addEventListener('change', () => {
  widget.locale = language.value;
  translate();
  void syncClock(0);
  void showOutbox();
});
theme.addEventListener('change', () => (widget.className = theme.value));
document.getElementById('jump').addEventListener('click', async () => {
  await syncClock(11 * DAY);
  await widget.refresh();
});
for (const event of ['invitations-sent', 'invitations-resent']) widget.addEventListener(event, showOutbox);
window.addEventListener('focus', showOutbox);

await syncClock(0);
await showOutbox();
