/**
 * The README's embed snippet, copied into a page exactly as written, against the reference
 * server: no request goes out without a token, and new callbacks never reload anything.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../helpers/browser.ts';

/** The first ```html block under "## Embed the widget" in the README. */
async function readmeSnippet(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Embed the widget'));
  const match = /```html\n([\s\S]*?)```/.exec(section);
  assert.ok(match?.[1], 'the README has an embed snippet');
  return match[1];
}

describe('the README embed snippet in a page', () => {
  let browser: Browser;
  let origin: string;
  let stop: () => Promise<void>;

  before(async () => {
    const server = await listenReferenceServer();
    origin = server.origin;
    stop = server.close;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await stop?.();
  });

  /** A host page: its session, then the snippet as written (the demo group for `g_123`). */
  async function hostPage(): Promise<{ page: Page; statuses: number[] }> {
    const snippet = (await readmeSnippet()).replace('g_123', 'demo');
    const html = `<!doctype html><html lang="en"><title>Host</title>
      <script>window.myLms = { session: { accessToken: 'demo-admin' } };</script>${snippet}`;
    const page = await browser.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.route(`${origin}/host`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    // The widget and the chunks it loads (dialogs, languages), from the host's assets folder.
    await page.route(`${origin}/assets/**`, (route) =>
      route.fulfill({ path: `dist/${new URL(route.request().url()).pathname.slice('/assets/'.length)}` }),
    );
    const statuses: number[] = [];
    page.on('response', (response) => response.url().includes('/api/v1/') && statuses.push(response.status()));
    await page.goto(`${origin}/host`);
    await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    return { page, statuses };
  }

  it('makes no request without a token on load', async () => {
    const { page, statuses } = await hostPage();
    assert.ok(statuses.length > 0);
    assert.deepEqual(
      statuses.filter((status) => status === 401),
      [],
    );
    await page.close();
  });

  it('makes no request when getToken is set again and again', async () => {
    const { page, statuses } = await hostPage();
    const before = statuses.length;
    const seatEvents = await page.evaluate(async () => {
      const section = document.querySelector('manage-users') as HTMLElement & { getToken: () => string };
      let events = 0;
      section.addEventListener('seats-changed', () => events++);
      for (let i = 0; i < 50; i++) {
        section.getToken = () => 'demo-admin';
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return events;
    });
    assert.equal(seatEvents, 0);
    assert.equal(statuses.length, before);
    await page.close();
  });
});
