/**
 * Runs in headless Chromium (scripts/bench.ts builds and serves it): times <pending-table>
 * against a plain-DOM table on the same invitations, in the same page.
 */
import '../src/define.ts';
import { createApiApp } from '../api/http/app.ts';
import { createClock } from '../api/domain/clock.ts';
import { outboxMailer } from '../api/mail/mailer.ts';
import { createMemoryStore } from '../api/store/memory-store.ts';
import { seedDemo, demoAuthenticate } from '../api/domain/seed.ts';
import type { InvitationRow } from '../api/store/store.ts';

/** Milliseconds each step took, for the widget and for the plain table. */
export interface Figures {
  firstRender: number;
  selectAll: number;
  keystroke: number;
}

declare global {
  interface Window {
    /** Times both tables at each size; scripts/bench.ts calls it through playwright. */
    runBench(sizes: number[]): Promise<Array<{ size: number; widget: Figures; plain: Figures }>>;
  }
}

const DAY = 86_400_000;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function until(check: () => boolean, what: string) {
  const giveUp = performance.now() + 60_000;
  while (!check()) {
    if (performance.now() > giveUp) throw new Error(`bench: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function invitations(count: number): InvitationRow[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const sent = now - (i % 20) * DAY;
    return {
      id: `inv_${i}`,
      groupId: 'demo',
      email: `person${i}@bench.example`,
      name: null,
      role: i % 7 === 0 ? 'admin' : 'learner',
      subgroupId: null,
      tokenHash: `h${i}`,
      createdAt: new Date(sent).toISOString(),
      lastSentAt: new Date(sent).toISOString(),
      expiresAt: new Date(sent + 10 * DAY).toISOString(),
      sendCount: 1,
      invitedById: 'usr_demo_admin',
      locale: 'en',
    };
  });
}

async function widget(rows: InvitationRow[]): Promise<Figures> {
  const store = createMemoryStore();
  const clock = createClock();
  const mailer = outboxMailer(store, () => clock.now());
  await seedDemo({ store, clock, acceptUrl: (t) => t });
  await store.transaction(async (tx) => {
    for (const row of rows) await tx.insertInvitation(row);
  });
  const app = createApiApp({
    store,
    clock,
    mailer,
    acceptUrl: (t) => t,
    hashPassword: (p) => Promise.resolve(p),
    authenticate: demoAuthenticate(store),
    demo: false,
  });
  const host = document.createElement('div');
  document.body.append(host);
  const table = document.createElement('pending-table');
  Object.assign(table, {
    baseUrl: 'http://bench.invalid/api/',
    groupId: 'demo',
    getToken: () => 'demo-admin',
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      return app.fetch(new Request(url.replace('http://bench.invalid/api', 'http://x'), init));
    },
  });
  const body = () => table.shadowRoot?.querySelectorAll('tbody tr') ?? [];

  let start = performance.now();
  host.append(table);
  await until(() => body().length === 50, 'the first page');
  await frame();
  const firstRender = performance.now() - start;

  const selectAll = table.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="Select all on this page"]')!;
  start = performance.now();
  selectAll.click();
  await table.updateComplete;
  await frame();
  const selectAllMs = performance.now() - start;

  const search = table.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  const before = body()[0]!.textContent;
  start = performance.now();
  search.value = '7';
  search.dispatchEvent(new InputEvent('input'));
  await until(() => body()[0]?.textContent !== before, 'the search results');
  await frame();
  const keystroke = performance.now() - start;
  host.remove();
  return { firstRender, selectAll: selectAllMs, keystroke };
}

async function plainDom(rows: InvitationRow[]): Promise<Figures> {
  const host = document.createElement('div');
  document.body.append(host);
  let start = performance.now();
  const table = document.createElement('table');
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const box = document.createElement('input');
    box.type = 'checkbox';
    tr.insertCell().append(box);
    tr.insertCell().textContent = row.email;
    tr.insertCell().textContent = row.role;
    tr.insertCell().textContent = row.expiresAt;
  }
  host.append(table);
  table.getBoundingClientRect();
  await frame();
  const firstRender = performance.now() - start;

  start = performance.now();
  for (const box of body.querySelectorAll('input')) box.checked = true;
  await frame();
  const selectAll = performance.now() - start;

  start = performance.now();
  for (const tr of body.rows) tr.hidden = !tr.cells[1]!.textContent.includes('7');
  table.getBoundingClientRect();
  await frame();
  const keystroke = performance.now() - start;
  host.remove();
  return { firstRender, selectAll, keystroke };
}

window.runBench = async (sizes) => {
  // A warm-up run, not reported: the first render of anything pays for compiling the code.
  await widget(invitations(100));
  await plainDom(invitations(100));
  const results = [];
  for (const size of sizes) {
    const rows = invitations(size);
    // The widget is quick enough to run three times; the median of each figure is reported.
    const runs = [await widget(rows), await widget(rows), await widget(rows)];
    const median = (key: keyof (typeof runs)[0]) => runs.map((run) => run[key]).sort((a, b) => a - b)[1]!;
    results.push({
      size,
      widget: { firstRender: median('firstRender'), selectAll: median('selectAll'), keystroke: median('keystroke') },
      plain: await plainDom(rows),
    });
  }
  return results;
};
