/**
 * The README's plain-page mock, exactly as a vendor would use it: its HTML saved as
 * index.html beside dist/manage-users.js (with chunks/ and locales/), dist/mock-api.js and dist/mockServiceWorker.js,
 * served by a static file server. No API server runs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inviteOne, launchChromium, listen, openPage, serveFolder } from '../helpers/browser.ts';

const root = new URL('../../', import.meta.url);

/** The first `html` block of the README's mock section. */
async function readmeMockPage(): Promise<string> {
  const readme = await readFile(new URL('README.md', root), 'utf8');
  const section = readme.slice(readme.indexOf('## Mocks for integrators'));
  const html = section.match(/```html\n([\s\S]*?)```/)?.[1];
  assert.ok(html, 'the README has no HTML page in its mock section');
  return html;
}

describe("the README's mock API in a plain page", () => {
  let folder: string;
  let browser: Browser;
  let page: Page;
  let stop: () => Promise<void>;
  const apiRequests: string[] = [];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'mock-page-'));
    for (const file of ['manage-users.js', 'mock-api.js', 'mockServiceWorker.js']) {
      await copyFile(new URL(`dist/${file}`, root), join(folder, file));
    }
    for (const chunks of ['chunks', 'locales']) {
      await cp(new URL(`dist/${chunks}`, root), join(folder, chunks), { recursive: true });
    }
    await writeFile(join(folder, 'index.html'), await readmeMockPage());
    const server = await listen(() => {
      const files = serveFolder(folder);
      return (request) => {
        if (new URL(request.url).pathname.startsWith('/api/')) apiRequests.push(request.url);
        return files(request);
      };
    });
    stop = server.close;
    browser = await launchChromium();
    page = await openPage(browser);
    await page.goto(server.origin);
  });

  after(async () => {
    await browser?.close();
    await stop?.();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows the seeded demo group', async () => {
    const meter = page.locator('manage-users').getByRole('meter');
    await meter.waitFor();
    assert.equal(await meter.getAttribute('aria-valuetext'), '17 of 25 seats occupied');
  });

  it('invites, with every API request answered inside the page', async () => {
    await inviteOne(page, 'mocked@example.org');
    await page.getByRole('tab', { name: /Pending/ }).click();
    await page.getByRole('row', { name: /mocked@example\.org/ }).waitFor();
    assert.deepEqual(apiRequests, []);
  });
});
