/**
 * The widget against the reference server, beside a plain page doing the same work: the demo
 * group holds 1,000 or 200,000 invitations (`BENCH_WIDGET_SIZES`), the server runs in its own
 * process, and both pages are served from its origin. The widget page is the README's snippet
 * (`<manage-users>` with `getToken`); the plain page fetches the same first page of the Pending
 * list and builds the same rows with DOM calls, with no framework and no validation. Runs
 * alternate widget and plain page; the figures are medians.
 *
 * Measured in the page (`performance.now()`, from navigation start):
 * - load → 50 Pending rows on screen (the widget opens on Users: the Pending tab is clicked as
 *   soon as it exists), and the API requests it took;
 * - a search (`99@`, pasted: one input event) → the rows of the answer (the widget waits its 250 ms
 *   debounce first);
 * - a click on the Email column header → the rows in the new order.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './chromium.ts';
import { databaseWith } from './bench-scale.ts';
import { startServer } from './bench-server-process.ts';
import { median } from './median.ts';

const SIZES = (process.env.BENCH_WIDGET_SIZES ?? '1000,200000').split(',').map(Number);
const RUNS = 5;

interface Figures {
  loadMs: number;
  requests: number;
  searchMs: number;
  sortMs: number;
}

const WIDGET_PAGE = `<!doctype html><html lang="en"><title>Widget</title>
<manage-users base-url="/api/v1/" group-id="demo"></manage-users>
<script type="module">
  document.querySelector('manage-users').getToken = () => 'demo-admin';
  await import('/manage-users.js');
</script></html>`;

/** The same first page and the same nine columns, by hand. */
const PLAIN_PAGE = `<!doctype html><html lang="en"><title>Plain</title>
<input id="q" aria-label="Search" /><table><thead><tr><th><button id="sort">Email</button></th></tr></thead>
<tbody></tbody></table>
<script type="module">
  const body = document.querySelector('tbody');
  let sort = '-createdAt';
  async function load(q = '') {
    const url = '/api/v1/groups/demo/invitations?limit=50&sort=' + sort + (q ? '&q=' + encodeURIComponent(q) : '');
    const page = await (await fetch(url, { headers: { Authorization: 'Bearer demo-admin' } })).json();
    body.replaceChildren(...page.items.map((item) => {
      const row = document.createElement('tr');
      for (const value of [item.email, item.role, item.subgroup?.name ?? '', item.status, item.expiresAt,
        item.invitedBy?.name ?? '', item.lastSentAt, item.sendCount, 'Resend']) {
        const cell = document.createElement('td');
        cell.textContent = String(value);
        row.append(cell);
      }
      return row;
    }));
    window.rowsAt = performance.now();
  }
  document.querySelector('#q').addEventListener('input', (event) => load(event.target.value));
  document.querySelector('#sort').addEventListener('click', () => { sort = 'email'; load(); });
  await load();
</script></html>`;

declare global {
  interface Window {
    /** The text of each row of the Pending table (through the widget's shadow roots) or of the plain table. */
    benchRows(): string;
  }
}

function defineBenchRows() {
  window.benchRows = () => {
    const table = document.querySelector('manage-users')?.shadowRoot?.querySelector('pending-table');
    const rows = (table?.shadowRoot ?? document).querySelectorAll('tbody tr');
    return [...rows].map((row) => row.textContent).join('\n');
  };
}

/** Waits until the rows differ from `before` (and exist); answers the page's clock then. */
async function rowsChanged(page: Page, before: string): Promise<number> {
  await page.waitForFunction((previous) => window.benchRows() !== '' && window.benchRows() !== previous, before, {
    polling: 'raf',
    timeout: 60_000,
  });
  return page.evaluate(() => performance.now());
}

/** Does `act`, then answers how long the rows took to change. */
async function timed(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await page.evaluate(() => window.benchRows());
  const started = await page.evaluate(() => performance.now());
  await act();
  return (await rowsChanged(page, before)) - started;
}

async function run(browser: Browser, origin: string, which: 'widget' | 'plain'): Promise<Figures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${origin}/bench-page`, (route) =>
    route.fulfill({ contentType: 'text/html', body: which === 'widget' ? WIDGET_PAGE : PLAIN_PAGE }),
  );
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) requests++;
  });
  await page.addInitScript(defineBenchRows);
  await page.goto(`${origin}/bench-page`, { waitUntil: 'commit' });
  if (which === 'widget') await page.getByRole('tab', { name: /Pending/ }).click();
  const loadMs = await rowsChanged(page, '');
  const loadRequests = requests;
  const scope = which === 'widget' ? page.locator('pending-table') : page;
  const search = scope.getByRole(which === 'widget' ? 'searchbox' : 'textbox');
  const searchMs = await timed(page, () => search.fill('99@'));
  await timed(page, () => search.fill(''));
  const header = scope.getByRole('columnheader', { name: /Email/ }).getByRole('button');
  const sortMs = await timed(page, () => header.click());
  await context.close();
  return { loadMs, requests: loadRequests, searchMs, sortMs };
}

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

function summary(runs: Figures[]) {
  return {
    loadMs: median(runs.map((r) => r.loadMs)),
    requests: median(runs.map((r) => r.requests)),
    searchMs: median(runs.map((r) => r.searchMs)),
    sortMs: median(runs.map((r) => r.sortMs)),
  };
}

export async function widgetBench() {
  console.log(`\nThe widget beside a plain page, same first page from the same reference server (medians of ${RUNS})`);
  console.log('  invitations  page     load → rows  requests  search → rows  sort → rows');
  const { executablePath, args } = await findChromium();
  const browser = await chromium.launch({ executablePath, args });
  try {
    for (const size of SIZES) {
      const server = await startServer(await databaseWith(size));
      const origin = new URL(server.base).origin;
      const runs: Record<'widget' | 'plain', Figures[]> = { widget: [], plain: [] };
      try {
        for (let i = 0; i < RUNS; i++) {
          runs.widget.push(await run(browser, origin, 'widget'));
          runs.plain.push(await run(browser, origin, 'plain'));
        }
      } finally {
        await server.stop();
      }
      for (const which of ['widget', 'plain'] as const) {
        const f = summary(runs[which]);
        console.log(
          `  ${size.toLocaleString('en').padStart(11)}  ${which.padEnd(7)}${ms(f.loadMs)}    ${String(f.requests).padStart(6)}` +
            `  ${ms(f.searchMs)}       ${ms(f.sortMs)}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.main) await widgetBench();
