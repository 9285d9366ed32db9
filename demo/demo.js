// The demo host page: who is signed in, to which group, language, theme, the demo clock and the outbox.
import { createInvitationsClient } from '/manage-users.js';

const widget = document.getElementById('widget');
const who = document.getElementById('who');
const language = document.getElementById('language');
const theme = document.getElementById('theme');
const clockLabel = document.getElementById('clock');
const outbox = document.getElementById('outbox-card');
const group = document.getElementById('group');
const filling = document.getElementById('filling');
const DAY = 86_400_000;
/** The demo's big group, filled by `POST dev/seed` the first time it is chosen. */
const BIG_GROUP = { groupId: 'big', invitations: 50_000, expired: 20_000, members: 2_000 };
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
    group: 'Group',
    groupDemo: 'Training (25 seats)',
    groupBig: 'Big group (50,000)',
    filling: 'Filling the big group with 50,000 invitations…',
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
    group: 'Grupo',
    groupDemo: 'Formación (25 plazas)',
    groupBig: 'Grupo grande (50.000)',
    filling: 'Llenando el grupo grande con 50.000 invitaciones…',
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

/** The demo tokens sign in to group `demo`; `demo-admin@big` is the same person in the big group. */
function token() {
  const shown = widget.getAttribute('group-id');
  return shown === 'demo' ? who.value : `${who.value}@${shown}`;
}
widget.getToken = token;
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
  widget.getToken = token;
  void showOutbox();
});

/** Fills the big group the first time it is chosen (its demo admin cannot sign in before). */
async function fillOnce(groupId) {
  const admin = createInvitationsClient({ baseUrl: '/api/v1/', getToken: () => `demo-admin@${groupId}` });
  try {
    await admin.group.get(groupId);
    return;
  } catch (error) {
    if (error.status !== 401) throw error;
  }
  filling.textContent = words().filling;
  try {
    await client.demo.seed(BIG_GROUP);
  } finally {
    filling.textContent = '';
  }
}

/** The big group's filling, once per page (a second change while it runs waits for the same one). */
let bigGroupFilled;

group.addEventListener('change', async () => {
  const chosen = group.value;
  if (chosen === BIG_GROUP.groupId) {
    bigGroupFilled ??= fillOnce(chosen).catch((error) => {
      bigGroupFilled = undefined;
      throw error;
    });
    await bigGroupFilled;
  }
  if (group.value !== chosen) return;
  widget.getToken = token;
  widget.setAttribute('group-id', chosen);
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
