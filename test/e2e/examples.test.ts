/**
 * The React and Vue examples, built with Vite as a vendor would and driven in Chromium
 * against the mock API they start when no API is configured: they type-check, they load
 * without a request loop, an invite works, and the widget's events reach the host's state.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { inviteOne, launchChromium, listen, openPage, serveFolder } from '../helpers/browser.ts';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

/** Type checks (tens of seconds each), started at once so they run while the browser works. */
const typeCheck = (tool: string, ...args: string[]) => run(join(root, 'node_modules/.bin', tool), args, { cwd: root });
const checks = {
  react: typeCheck('tsc', '-p', 'examples/react'),
  vue: typeCheck('vue-tsc', '--noEmit', '-p', 'examples/vue'),
};
// Awaited by their tests; this keeps an early failure from being reported as unhandled.
for (const check of Object.values(checks)) check.catch(() => {});

for (const name of ['react', 'vue'] as const) {
  describe(`the ${name} example`, () => {
    let out: string;
    let browser: Browser;
    let page: Page;
    let stop: () => Promise<void>;
    let openedAt = 0;
    const apiRequests: string[] = [];

    before(async () => {
      out = await mkdtemp(join(tmpdir(), `example-${name}-`));
      await build({
        configFile: join(root, `examples/${name}/vite.config.ts`),
        logLevel: 'error',
        build: { outDir: out, emptyOutDir: true },
      });
      const server = await listen(() => serveFolder(out));
      stop = server.close;
      browser = await launchChromium();
      page = await openPage(browser);
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/'))
          apiRequests.push(`${request.method()} ${request.url()}`);
      });
      openedAt = Date.now();
      await page.goto(server.origin);
    });

    after(async () => {
      await browser?.close();
      await stop?.();
      await rm(out, { recursive: true, force: true });
    });

    it('type-checks its source against the package’s types', async () => {
      await checks[name];
    });

    it('shows the seats the widget reports in the host’s own header', async () => {
      await page.getByRole('status').getByText('Seats in use: 17 of 25').waitFor();
    });

    it('makes no more API requests in its first 3 seconds than the first load', async () => {
      await page.locator('manage-users').getByRole('meter').waitFor();
      const firstLoad = new Set(apiRequests).size;
      await page.waitForTimeout(Math.max(0, openedAt + 3000 - Date.now())); // the window is the behaviour
      assert.equal(apiRequests.length, firstLoad, `requests in 3 s:\n${apiRequests.join('\n')}`);
    });

    it('invites, and the host hears of it through the events', async () => {
      await inviteOne(page, `${name}@example.org`);
      await page.getByRole('status').getByText('Seats in use: 18 of 25 · Last invite: 1 sent').waitFor();
    });
  });
}
