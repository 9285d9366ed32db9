/**
 * The widget against the reference server, beside a plain page doing the same work: the demo
 * group holds 1,000, 50,000 or 200,000 invitations (`BENCH_WIDGET_SIZES`), the server runs in its
 * own process, and every page is served from its origin. The widget page is the README's snippet
 * (`<manage-users>` with `getToken`); the plain page fetches the same first page of the Pending
 * list and builds the same rows with DOM calls, with no framework and no validation. Runs
 * alternate widget and plain page; the figures are medians.
 *
 * Measured in the page (`performance.now()`, from navigation start):
 * - load → 50 Pending rows on screen, and the API requests it took. The widget opens on Users:
 *   a script in the page clicks the Pending tab in the first frame it exists (a click through
 *   the browser's protocol would add its own round trips). Also when the first API request
 *   left (the script downloaded and run) and when the Pending tab was there;
 * - a search (`99@`, pasted: one input event) → the rows of the answer (the widget waits its 250 ms
 *   debounce first);
 * - a click on the Email column header → the rows in the new order.
 *
 * Apart, and not the same work: a plain page that shows every invitation of the group in one
 * table (every page of 200 from the same server, then one DOM table of all rows), once per
 * size — what a list that is not paged would cost.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './chromium.ts';
import { databaseWith } from './bench-scale.ts';
import { startServer } from './bench-server-process.ts';
import { median } from './median.ts';

const SIZES = (process.env.BENCH_WIDGET_SIZES ?? '1000,50000,200000').split(',').map(Number);
const RUNS = 5;

interface Figures {
  loadMs: number;
  requests: number;
  firstRequestMs: number;
  tabMs: number;
  busyMs: number;
  searchMs: number;
  sortMs: number;
}

export const WIDGET_PAGE = `<!doctype html><html lang="en"><title>Widget</title>
<manage-users base-url="/api/v1/" group-id="demo"></manage-users>
<script type="module">
  document.querySelector('manage-users').getToken = () => 'demo-admin';
  await import('/manage-users.js');
</script></html>`;

/** A table row of an invitation, the widget's nine columns as text (in the plain pages). */
const ROW = `function row(item) {
  const row = document.createElement('tr');
  for (const value of [item.email, item.role, item.subgroup?.name ?? '', item.status, item.expiresAt,
    item.invitedBy?.name ?? '', item.lastSentAt, item.sendCount, 'Resend']) {
    const cell = document.createElement('td');
    cell.textContent = String(value);
    row.append(cell);
  }
  return row;
}
const get = async (url) => (await fetch(url, { headers: { Authorization: 'Bearer demo-admin' } })).json();`;

/** The same first page and the same nine columns, by hand. */
export const PLAIN_PAGE = `<!doctype html><html lang="en"><title>Plain</title>
<input id="q" aria-label="Search" /><table><thead><tr><th><button id="sort">Email</button></th></tr></thead>
<tbody></tbody></table>
<script type="module">
  ${ROW}
  const body = document.querySelector('tbody');
  let sort = '-createdAt';
  async function load(q = '') {
    const page = await get('/api/v1/groups/demo/invitations?limit=50&sort=' + sort + (q ? '&q=' + encodeURIComponent(q) : ''));
    body.replaceChildren(...page.items.map(row));
    window.rowsAt = performance.now();
  }
  document.querySelector('#q').addEventListener('input', (event) => load(event.target.value));
  document.querySelector('#sort').addEventListener('click', () => { sort = 'email'; load(); });
  await load();
</script></html>`;

/** Every invitation in one table: every page of 200, then the rows. */
const ALL_ROWS_PAGE = `<!doctype html><html lang="en"><title>All rows</title>
<table><tbody></tbody></table>
<script type="module">
  ${ROW}
  const items = [];
  let cursor = '';
  do {
    const page = await get('/api/v1/groups/demo/invitations?limit=200' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const body = document.createElement('tbody');
  for (const item of items) body.append(row(item));
  document.querySelector('tbody').replaceWith(body);
  body.getBoundingClientRect(); // its layout, not left to the next frame
  window.rowCount = items.length;
</script></html>`;

type Which = 'widget' | 'plain' | 'all rows';
const PAGES: Record<Which, string> = { widget: WIDGET_PAGE, plain: PLAIN_PAGE, 'all rows': ALL_ROWS_PAGE };

declare global {
  interface Window {
    /** The text of each row of the Pending table (through the widget's shadow roots) or of the plain table. */
    benchRows(): string;
    /** When the widget's Pending tab was clicked (`performance.now()`). */
    benchTabAt: number | undefined;
    /** The rows of the all-rows page, once built. */
    rowCount: number | undefined;
  }
}

/** In the page: reads the rows, and clicks the widget's Pending tab in the first frame it exists. */
function instrument() {
  window.benchRows = () => {
    const table = document.querySelector('manage-users')?.shadowRoot?.querySelector('pending-table');
    const rows = (table?.shadowRoot ?? document).querySelectorAll('tbody tr');
    return [...rows].map((row) => row.textContent).join('\n');
  };
  const clickPending = () => {
    const tab = document.querySelector('manage-users')?.shadowRoot?.querySelector<HTMLElement>('#tab-pending');
    if (!tab) return void requestAnimationFrame(clickPending);
    window.benchTabAt = performance.now();
    tab.click();
  };
  requestAnimationFrame(clickPending);
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

/** A fresh browser context on `which` page, counting its API requests. */
async function open(browser: Browser, origin: string, which: Which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${origin}/bench-page`, (route) => route.fulfill({ contentType: 'text/html', body: PAGES[which] }));
  const counter = { requests: 0 };
  page.on('pageerror', (error) => console.error(`  ${which} page: ${error.message}`));
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) counter.requests++;
  });
  await page.addInitScript(instrument);
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  /** How long the page's main thread has been busy (scripts, style, layout, parsing). */
  const busyMs = async () => {
    const { metrics } = await devtools.send('Performance.getMetrics');
    return 1000 * (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN);
  };
  await page.goto(`${origin}/bench-page`, { waitUntil: 'commit' });
  return { context, page, counter, busyMs };
}

async function run(browser: Browser, origin: string, which: 'widget' | 'plain'): Promise<Figures> {
  const { context, page, counter, busyMs } = await open(browser, origin, which);
  const loadMs = await rowsChanged(page, '');
  const requests = counter.requests;
  const busy = await busyMs();
  const { firstRequestMs, tabMs } = await page.evaluate(() => ({
    firstRequestMs: performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/v1/'))
      ?.startTime,
    tabMs: window.benchTabAt,
  }));
  const scope = which === 'widget' ? page.locator('pending-table') : page;
  const search = scope.getByRole(which === 'widget' ? 'searchbox' : 'textbox');
  const searchMs = await timed(page, () => search.fill('99@'));
  await timed(page, () => search.fill(''));
  const header = scope.getByRole('columnheader', { name: /Email/ }).getByRole('button');
  const sortMs = await timed(page, () => header.click());
  await context.close();
  return {
    loadMs,
    requests,
    firstRequestMs: firstRequestMs ?? Number.NaN,
    tabMs: tabMs ?? Number.NaN,
    busyMs: busy,
    searchMs,
    sortMs,
  };
}

/** The all-rows page, once: load → every row in the table, and its requests. */
async function allRows(browser: Browser, origin: string) {
  const { context, page, counter } = await open(browser, origin, 'all rows');
  await page.waitForFunction(() => window.rowCount !== undefined, undefined, { polling: 'raf', timeout: 300_000 });
  const { loadMs, rows } = await page.evaluate(() => ({ loadMs: performance.now(), rows: window.rowCount }));
  await context.close();
  return { loadMs, requests: counter.requests, rows: rows ?? 0 };
}

const ms = (value: number) =>
  Number.isNaN(value) ? '—' : `${value.toLocaleString('en', { maximumFractionDigits: 0 })} ms`;
const count = (value: number) => value.toLocaleString('en');

/** A table line: each cell right-aligned to its header's width. */
const line = (headers: string[], cells: string[]) =>
  `  ${cells.map((cell, i) => cell.padStart(headers[i]?.length ?? 0)).join('  ')}`;

const COLUMNS = [
  'invitations',
  'page  ',
  'load → rows',
  'requests',
  'main thread',
  '1st request',
  'Pending tab',
  'search → rows',
  'sort → rows',
];
const EVERY_ROW_COLUMNS = ['invitations', '   rows', 'load → every row', 'requests'];

function summary(runs: Figures[]): Figures {
  const of = (key: keyof Figures) => median(runs.map((r) => r[key]));
  return {
    loadMs: of('loadMs'),
    requests: of('requests'),
    busyMs: of('busyMs'),
    firstRequestMs: of('firstRequestMs'),
    tabMs: of('tabMs'),
    searchMs: of('searchMs'),
    sortMs: of('sortMs'),
  };
}

export async function widgetBench() {
  console.log(`\nThe widget beside a plain page, same first page from the same reference server (medians of ${RUNS})`);
  console.log(`  ${COLUMNS.join('  ')}`);
  const { executablePath, args } = await findChromium();
  const browser = await chromium.launch({ executablePath, args });
  const everyRow: string[] = [];
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
        const all = await allRows(browser, origin);
        everyRow.push(line(EVERY_ROW_COLUMNS, [count(size), count(all.rows), ms(all.loadMs), count(all.requests)]));
      } finally {
        await server.stop();
      }
      for (const which of ['widget', 'plain'] as const) {
        const f = summary(runs[which]);
        const figures = [f.loadMs, f.requests, f.busyMs, f.firstRequestMs, f.tabMs, f.searchMs, f.sortMs];
        console.log(
          line(COLUMNS, [count(size), which.padEnd(6), ...figures.map((v, i) => (i === 1 ? count(v) : ms(v)))]),
        );
      }
    }
    console.log('\nNot the same work: a plain page showing every invitation in one table (pages of 200, one run)');
    console.log(`  ${EVERY_ROW_COLUMNS.join('  ')}`);
    for (const text of everyRow) console.log(text);
  } finally {
    await browser.close();
  }
}

if (import.meta.main) await widgetBench();
