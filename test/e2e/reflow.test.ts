/**
 * Reflow and obscured focus (WCAG 1.4.10, 1.4.4, 2.4.11) on the demo host page with the built
 * widget: at 320 × 640 CSS px, and at 200 % zoom of a 1,280 × 800 window (640 × 400 CSS px at
 * two device pixels each, which is what browser zoom does), then at 1,280 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../helpers/browser.ts';
import { fillInviteDialog, focusReport, tabThrough } from '../helpers/layout.ts';

const WINDOWS = [
  { name: '320 × 640', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom (640 × 400)', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

describe('reflow at 320 px and 200 % zoom', () => {
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

  async function open(
    window: (typeof WINDOWS)[number] | { viewport: { width: number; height: number }; deviceScaleFactor: number },
  ) {
    const page = await browser.newPage({ viewport: window.viewport, deviceScaleFactor: window.deviceScaleFactor });
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(origin);
    await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
    return page;
  }

  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  for (const window of WINDOWS) {
    describe(window.name, () => {
      it('never scrolls the page sideways, on any tab', async () => {
        const page = await open(window);
        const widths: Record<string, number> = { Users: await pageWidth(page) };
        for (const [tab, row] of [
          ['Pending', /chloe\.dubois/],
          ['Deactivated', /Deactivated users/],
        ] as const) {
          await page.getByRole('tab', { name: new RegExp(tab) }).click();
          await (tab === 'Pending' ? page.getByRole('row', { name: row }) : page.getByText(row)).waitFor();
          widths[tab] = await pageWidth(page);
        }
        const width = window.viewport.width;
        assert.deepEqual(widths, { Users: width, Pending: width, Deactivated: width });
        await page.close();
      });

      it('shows every control reached with Tab whole and uncovered, on the Pending tab', async () => {
        const page = await open(window);
        await page.getByRole('tab', { name: /Pending/ }).click();
        await page.getByRole('row', { name: /chloe\.dubois/ }).waitFor();
        const reports = [...(await tabThrough(page)), ...(await tabThrough(page, 'Shift+Tab'))];
        assert.ok(reports.length > 40, `only ${reports.length} controls reached`);
        assert.deepEqual(
          reports.filter((r) => !r.inView || !r.uncovered),
          [],
        );
        await page.close();
      });

      it('shows every control of a full invite dialog whole and uncovered, with nothing wider than the dialog', async () => {
        const page = await open(window);
        const dialog = await fillInviteDialog(page);
        const reports = [...(await tabThrough(page)), ...(await tabThrough(page, 'Shift+Tab'))];
        assert.ok(
          reports.some((r) => r.name.includes('Remove 3 expired invitations')),
          'the seat shortfall is shown',
        );
        assert.deepEqual(
          reports.filter((r) => !r.inView || !r.uncovered),
          [],
        );
        const overflowing = await dialog.evaluate((element) =>
          [element, ...element.querySelectorAll('button')]
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => e.outerHTML.slice(0, 80)),
        );
        assert.deepEqual(overflowing, []);
        await page.close();
      });
    });
  }

  for (const window of WINDOWS) {
    it(`shows the subgroups manager and the invite results whole and uncovered at ${window.name}`, async () => {
      const page = await open(window);
      await page.getByRole('button', { name: 'Subgroups' }).click();
      const manager = page.getByRole('dialog', { name: 'Subgroups' });
      await manager.getByText('Radiology').first().waitFor();
      const reports = [...(await tabThrough(page)), ...(await tabThrough(page, 'Shift+Tab'))];
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Invite New Users' }).click();
      const invite = page.getByRole('dialog', { name: 'Invite New Users' });
      // Already invited: the results offer Resend, and no seat is taken.
      await invite.getByRole('textbox', { name: 'Email addresses' }).fill('kim.nguyen@riverside.example,');
      await invite.getByRole('button', { name: 'Invite Users' }).click();
      await invite.getByRole('button', { name: 'Done' }).waitFor();
      reports.push(...(await tabThrough(page)), ...(await tabThrough(page, 'Shift+Tab')));
      assert.ok(
        reports.some((r) => r.name.includes('Add subgroup')) && reports.some((r) => r.name.includes('Invite more')),
      );
      assert.deepEqual(
        reports.filter((r) => !r.inView || !r.uncovered),
        [],
      );
      assert.ok(
        await invite.evaluate((element) => element.scrollWidth <= element.clientWidth),
        'the results are wider than the dialog',
      );
      await page.close();
    });
  }

  it('fits the Pending table in a 1,280 px window, Last sent and Resend in view', async () => {
    const page = await open({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.getByRole('tab', { name: /Pending/ }).click();
    const row = page.getByRole('row', { name: /chloe\.dubois/ });
    await row.waitFor();
    assert.equal(await pageWidth(page), 1280);
    const box = page.locator('pending-table .scroll');
    assert.ok(
      await box.evaluate((element) => element.scrollWidth <= element.clientWidth),
      'the table is wider than its box',
    );
    await row.getByRole('button', { name: 'Resend' }).focus();
    assert.deepEqual(await focusReport(page), {
      name: 'button Resend chloe.dubois@riverside.example',
      inView: true,
      uncovered: true,
    });
    await page.close();
  });

  it("keeps the invite dialog's focused controls clear of its footer at 1,280 × 900", async () => {
    const page = await open({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await fillInviteDialog(page);
    const reports = [...(await tabThrough(page)), ...(await tabThrough(page, 'Shift+Tab'))];
    assert.ok(reports.some((r) => r.name.includes('Choose CSV file')));
    assert.deepEqual(
      reports.filter((r) => !r.inView || !r.uncovered),
      [],
    );
    await page.close();
  });
});
