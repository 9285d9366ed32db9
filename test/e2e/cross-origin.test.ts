/**
 * A host page on one origin, the reference server on another (two loopback ports): the
 * widget works when the server lists the page's origin in CORS_ORIGINS, and the browser
 * refuses the API's answers when it does not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { inviteOne, launchChromium, listen, listenReferenceServer, openPage, serveFolder } from '../helpers/browser.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;

/** The README's embedding, with the API on another origin. */
const hostPage = (api: string) => `<!doctype html><html lang="en"><title>Host LMS</title>
<manage-users base-url="${api}/api/v1/" group-id="demo"></manage-users>
<script type="module">
  document.querySelector('manage-users').getToken = () => 'demo-admin';
  await import('/manage-users.js');
</script>`;

describe('a host page on another origin than the API', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof listen>>;
  let api = '';
  const stops: Array<() => Promise<void>> = [];

  before(async () => {
    const files = serveFolder(dist);
    host = await listen(
      () => (request) =>
        new URL(request.url).pathname === '/'
          ? new Response(hostPage(api), { headers: { 'Content-Type': 'text/html' } })
          : files(request),
    );
    stops.push(host.close);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    for (const stop of stops) await stop();
  });

  /**
   * Opens the host page against a fresh server; `blocked` collects the browser's CORS refusals,
   * `warnings` the console warnings.
   */
  async function openHostPage(corsOrigins: string[]): Promise<{ page: Page; blocked: string[]; warnings: string[] }> {
    const server = await listenReferenceServer({ corsOrigins });
    stops.push(server.close);
    api = server.origin;
    const page = await openPage(browser);
    const blocked: string[] = [];
    const warnings: string[] = [];
    page.on('console', (message) => /CORS policy/.test(message.text()) && blocked.push(message.text()));
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(host.origin);
    return { page, blocked, warnings };
  }

  it('loads and invites when the server lists the page’s origin in CORS_ORIGINS', async () => {
    const { page, blocked } = await openHostPage([host.origin]);
    const meter = page.locator('manage-users').getByRole('meter');
    await meter.waitFor();
    assert.equal(await meter.getAttribute('aria-valuetext'), '17 of 25 seats occupied');
    await inviteOne(page, 'far@away.example');
    assert.equal(await meter.getAttribute('aria-valuetext'), '18 of 25 seats occupied');
    assert.deepEqual(blocked, []);
  });

  it('is refused by the browser when the server does not list the page’s origin', async () => {
    const { page, blocked } = await openHostPage([]);
    await page.getByText("Couldn't reach the server.", { exact: false }).first().waitFor();
    assert.ok(blocked.length > 0, 'the browser did not report a CORS refusal');
    assert.equal(await page.locator('manage-users').getByRole('meter').count(), 0);
  });

  it('tells the admin what to check, with Try again, and the integrator which origin to allow', async () => {
    const { page, warnings } = await openHostPage([]);
    const alert = page.locator('manage-users').getByRole('alert').first();
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    assert.match(await alert.innerText(), /online.*the server may be down or may not accept requests from this page/s);
    const hints = warnings.filter((text) => text.includes('<manage-users>'));
    assert.equal(hints.length, 1, warnings.join('\n'));
    assert.match(hints[0]!, new RegExp(`allows ${host.origin}.*CORS_ORIGINS`));
  });
});
