// The demo host page: who is signed in, language, theme, the demo clock and the outbox.
import { createInvitationsClient } from '/manage-users.js';

const widget = document.getElementById('widget');
const who = document.getElementById('who');
const language = document.getElementById('language');
const theme = document.getElementById('theme');
const clockLabel = document.getElementById('clock');
const DAY = 86_400_000;
const client = createInvitationsClient({ baseUrl: '/api/v1/' });
let offset = 0;

widget.getToken = () => who.value;
widget.now = () => Date.now() + offset;

async function syncClock(advanceMs) {
  const { now } = await client.demo.advanceClock(advanceMs);
  offset = Date.parse(now) - Date.now();
  clockLabel.textContent =
    offset > 60_000 ? `Demo clock: ${new Date(now).toLocaleDateString(language.value, { dateStyle: 'medium' })}` : '';
}

async function showOutbox() {
  const { items } = await client.demo.outbox();
  const list = document.getElementById('outbox');
  list.replaceChildren(
    ...items.slice(0, 50).map((mail) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = mail.acceptUrl;
      link.target = '_blank';
      link.textContent = 'Open accept link';
      const subject = document.createElement('strong');
      subject.textContent = mail.subject;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `To ${mail.to} · ${new Date(mail.sentAt).toLocaleString(language.value)}`;
      li.append(subject, meta, link);
      return li;
    }),
  );
}

who.addEventListener('change', () => (widget.getToken = () => who.value));
language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
  widget.locale = language.value;
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
