/**
 * Screenshots of the demo (after `npm run build`), taken with playwright-core in headless
 * Chromium against the reference server on a fresh in-memory database, into docs/screenshots/:
 * demo.png, demo-pending.png, demo-invite.png, demo-host-theme-es.png at 1,360 px;
 * demo-host-theme-dark.png; demo-1280-pending.png; demo-320-pending.png and demo-320-invite.png
 * at 320 × 640; demo-zoom200-pending.png and demo-zoom200-invite.png at 200 % zoom of a
 * 1,280 × 800 window (640 × 400 CSS px at two device pixels each).
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../test/helpers/browser.ts';
import { fillInviteDialog } from '../test/helpers/layout.ts';

const out = new URL('../docs/screenshots/', import.meta.url);
await mkdir(out, { recursive: true });
const server = await listenReferenceServer();
const browser = await launchChromium();

async function open(window: { width: number; height: number; deviceScaleFactor?: number; colorScheme?: 'dark' }) {
  const { width, height, ...options } = window;
  const page = await browser.newPage({ viewport: { width, height }, ...options });
  await page.goto(server.origin);
  await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
  return page;
}

async function shoot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: new URL(name, out).pathname, fullPage });
  console.log(new URL(name, out).pathname);
}

async function showPending(page: Page) {
  await page.getByRole('tab', { name: /Pending/ }).click();
  await page.getByRole('row', { name: /chloe\.dubois/ }).waitFor();
}

async function desktop() {
  const page = await open({ width: 1360, height: 1000 });
  await shoot(page, 'demo.png');
  await showPending(page);
  await shoot(page, 'demo-pending.png');
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite New Users' });
  await dialog
    .getByRole('textbox', { name: 'Email addresses' })
    .pressSequentially('ana@clinic.org, Bo Li <bo@clinic.org>, not-an-email, ANA@clinic.org ');
  await dialog.getByRole('combobox', { name: 'Subgroup (optional)' }).fill('Night Shift');
  await dialog.getByRole('button', { name: 'Add Admins' }).click();
  await dialog
    .getByRole('textbox', { name: 'Email addresses' })
    .nth(1)
    .pressSequentially(Array.from({ length: 8 }, (_, i) => `lead${i}@clinic.org`).join(' '));
  await shoot(page, 'demo-invite.png');
  await page.keyboard.press('Escape');
  await page.getByLabel('Language').selectOption('es');
  await page.getByLabel('Tema').selectOption('theme-host');
  await page.getByRole('tab', { name: /Pendientes/ }).waitFor();
  await shoot(page, 'demo-host-theme-es.png');
  await page.close();
}

try {
  await desktop();
  const dark = await open({ width: 1360, height: 1000, colorScheme: 'dark' });
  await dark.getByLabel('Theme').selectOption('theme-host');
  await showPending(dark);
  await shoot(dark, 'demo-host-theme-dark.png');
  const wide = await open({ width: 1280, height: 800 });
  await showPending(wide);
  await shoot(wide, 'demo-1280-pending.png');
  for (const [prefix, window] of [
    ['demo-320', { width: 320, height: 640 }],
    ['demo-zoom200', { width: 640, height: 400, deviceScaleFactor: 2 }],
  ] as const) {
    const page = await open(window);
    await showPending(page);
    await shoot(page, `${prefix}-pending.png`, true);
    // The seat shortfall and the buttons, scrolled into view as a keyboard user reaches them.
    await (await fillInviteDialog(page)).getByRole('button', { name: 'Remove 3 expired invitations' }).focus();
    await shoot(page, `${prefix}-invite.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
