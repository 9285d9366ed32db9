/**
 * The invite dialog with a 20,000-row CSV in headless Chromium (`bench/invite-dialog.page.ts`):
 * each step's time and the longest task while it ran, with answers as fast as the in-memory
 * API gives them and again 50 ms later (as a network would).
 */
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.ts';
import { servePages } from './bench-pages.ts';
import type { Step } from '../bench/invite-dialog.page.ts';

const ROWS = 20_000;
const LATENCIES = [0, 50];

export async function inviteDialogBench() {
  const pages = await servePages(['bench/invite-dialog.page.ts']);
  const browser = await chromium.launch(await findChromium());
  try {
    console.log(`\n<invite-dialog> with a ${ROWS.toLocaleString('en')}-row CSV (headless Chromium, in-memory API), ms`);
    for (const latency of LATENCIES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => console.error(`page: ${error.message}`));
      await page.goto(pages.url);
      await page.waitForFunction(() => 'runInviteBench' in window);
      // The API runs in the page and takes minutes for 20,000 invitations: the send is measured once.
      const steps: Step[] = await page.evaluate(
        ([rows, ms]) => window.runInviteBench(rows!, ms!, ms === 0),
        [ROWS, latency],
      );
      console.log(`  answers ${latency} ms later${' '.repeat(28)}time   longest task`);
      for (const { step, ms, longestTask } of steps) {
        console.log(`    ${step.padEnd(50)} ${ms.toFixed(0).padStart(6)}   ${longestTask.toFixed(0).padStart(6)}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    pages.close();
  }
}
