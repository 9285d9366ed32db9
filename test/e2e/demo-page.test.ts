/**
 * The demo host page around the widget: the seeded outbox agrees with the Pending table, the
 * page speaks the language chosen, and only an Admin sees the outbox.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../helpers/browser.ts';

describe('the demo page', () => {
  let browser: Browser;
  let origin: string;
  let stop: () => Promise<void>;

  before(async () => {
    ({ origin, close: stop } = await listenReferenceServer());
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await stop?.();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(origin);
    await page.locator('[part~="invite-button"]').waitFor();
    return page;
  }

  it("dates a seeded invitation's email on the day the Pending table says it was last sent", async () => {
    const page = await open();
    await page.locator('#tab-pending').click();
    const lastSent = await page
      .getByRole('row', { name: /ana\.silva/ })
      .locator('time.date')
      .innerText();
    const meta = await page
      .locator('#outbox li', { hasText: 'ana.silva@riverside.example' })
      .locator('.meta')
      .innerText();
    assert.ok(meta.includes(`· ${lastSent}`), `${meta} does not say ${lastSent}`);
    await page.close();
  });

  it('words the header and the outbox in Spanish when Spanish is chosen', async () => {
    const page = await open();
    await page.locator('#language').selectOption('es');
    await page.getByRole('heading', { name: /Bandeja de salida/ }).waitFor();
    await page.getByText('Sesión iniciada como').waitFor();
    await page
      .locator('#outbox li .meta', { hasText: /^Para / })
      .first()
      .waitFor();
    await page.close();
  });

  it('shows a Learner no outbox', async () => {
    const page = await open();
    await page.locator('#who').selectOption('demo-learner');
    await page.locator('#outbox-card').waitFor({ state: 'hidden' });
    await page.close();
  });
});
