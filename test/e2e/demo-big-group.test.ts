/**
 * The demo's group switch: "A big group" is filled with 50,000 invitations the first time it is
 * chosen (`POST dev/seed`), and the widget then shows that group, signed in as the same admin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../helpers/browser.ts';

describe('the demo page with a big group', () => {
  let browser: Browser;
  let page: Page;
  let stop: () => Promise<void>;
  let seeds = 0;

  before(async () => {
    const server = await listenReferenceServer();
    stop = server.close;
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    page.on('request', (request) => void (request.url().endsWith('/dev/seed') && (seeds += 1)));
    await page.goto(server.origin);
    await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await stop?.();
  });

  it('fills the big group once and shows its 50,000 invitations to the same admin', async () => {
    await page.getByRole('combobox', { name: 'Group', exact: true }).selectOption({ label: 'Big group (50,000)' });
    const widget = page.locator('manage-users');
    await widget.getByRole('tab', { name: 'Pending 50,000' }).waitFor({ timeout: 120_000 });
    await widget.getByRole('tab', { name: /^Pending/ }).click();
    await widget.getByRole('button', { name: 'Remove all expired' }).waitFor();

    await page.getByRole('combobox', { name: 'Group', exact: true }).selectOption({ label: 'Training (25 seats)' });
    await widget.getByRole('tab', { name: 'Pending 7' }).waitFor();
    await page.getByRole('combobox', { name: 'Group', exact: true }).selectOption({ label: 'Big group (50,000)' });
    await widget.getByRole('tab', { name: 'Pending 50,000' }).waitFor();
    assert.equal(seeds, 1);
  });
});
