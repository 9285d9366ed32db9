import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2] ?? 'http://localhost:8124/');
await page.waitForTimeout(1500);
if (process.argv[3] === 'pending') { await page.getByRole('tab', { name: /Pending/ }).click(); await page.waitForTimeout(800); }
if (process.argv[3] === 'invite') { await page.getByRole('button', { name: 'Invite New Users' }).click(); await page.waitForTimeout(500); await page.keyboard.type('ana@x.org, bob@x.org, bad@, ana@x.org '); await page.waitForTimeout(300); }
await page.screenshot({ path: process.argv[4] ?? '/tmp/shot.png', fullPage: true });
await browser.close();
