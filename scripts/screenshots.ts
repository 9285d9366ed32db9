/**
 * Screenshots of the demo (after `npm run build`), taken with playwright-core in headless
 * Chromium against the reference server on a fresh in-memory database:
 * docs/screenshots/demo.png, demo-pending.png, demo-invite.png, demo-host-theme-es.png.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createServer } from '../demo/server/app.ts';
import { findChromium } from './chromium.ts';

const out = new URL('../docs/screenshots/', import.meta.url);
await mkdir(out, { recursive: true });
let app: { fetch: (request: Request) => Response | Promise<Response> } | undefined;
const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const listening = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: '127.0.0.1' }, () =>
    resolve(listening),
  );
});
const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
const server = await createServer({ database: ':memory:', publicUrl: origin, demo: true });
app = server.app;
const browser = await chromium.launch(await findChromium());
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const shoot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: new URL(name, out).pathname });
    console.log(new URL(name, out).pathname);
  };
  await page.goto(origin);
  await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
  await shoot('demo.png');
  await page.getByRole('tab', { name: /Pending/ }).click();
  await page.getByRole('row', { name: /chloe\.dubois/ }).waitFor();
  await shoot('demo-pending.png');
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
  await shoot('demo-invite.png');
  await page.keyboard.press('Escape');
  await page.getByLabel('Language').selectOption('es');
  await page.getByLabel('Theme').selectOption('theme-host');
  await page.getByRole('tab', { name: /Pendientes/ }).waitFor();
  await shoot('demo-host-theme-es.png');
} finally {
  await browser.close();
  http.close();
  await server.close();
}
