/**
 * Prints the figures the project is measured by:
 * - bundle sizes (min, gzip, brotli) of the self-contained widget and of the SDK alone,
 *   with everything they import inside, built exactly as `npm run build` builds them;
 * - the requests each admin action costs inside <manage-users> (in-memory API, headless Chromium);
 * - an admin's list request (p50) while 64 concurrent bogus accepts hit the reference server;
 * - the reference server at 1,000 and 200,000 invitations (`scripts/bench-scale.ts`);
 * - the widget on that server beside a plain page doing the same work, and apart a plain table of
 *   every invitation (`scripts/bench-widget.ts`);
 * - the server under load on SQLite and PostgreSQL, c=1/10/50 (`scripts/bench-server.ts`);
 * - the invite dialog's preview of a 20,000-row CSV, in Node and in headless Chromium (preview, look-ups,
 *   adding to the boxes, a keystroke, sending in 40 requests, the results: `scripts/bench-invite-dialog.ts`);
 * - delivery throughput of the outbox worker to an SMTP server on loopback, and its crash window
 *   (`scripts/bench-delivery.ts`).
 */
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { rollup, type OutputOptions } from 'rollup';
import { chromium } from 'playwright-core';
import configs from '../rollup.config.mjs';
import { findChromium } from './chromium.ts';
import { scaleBench } from './bench-scale.ts';
import { widgetBench } from './bench-widget.ts';
import { serverBench } from './bench-server.ts';
import { acceptFlood } from './bench-accept-flood.ts';
import { csvPreview } from '../bench/csv-preview.ts';
import { inviteDialogBench } from './bench-invite-dialog.ts';
import { servePages } from './bench-pages.ts';
import { deliveryThroughput } from './bench-delivery.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function bundleSizes() {
  console.log('Bundle sizes (min / gzip -9 / brotli -11; 1 KiB = 1,024 bytes)');
  for (const config of configs) {
    const bundle = await rollup({ ...config, onwarn: () => {} });
    const output = config.output as OutputOptions;
    const { output: files } = await bundle.generate({ ...output, sourcemap: false });
    for (const file of files) {
      if (file.type !== 'chunk') continue;
      const code = Buffer.from(file.code);
      const gzip = gzipSync(code, { level: 9 }).length;
      const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      console.log(
        `  ${file.fileName.padEnd(28)} ${kb(code.length).padStart(9)} / ${kb(gzip).padStart(8)} / ${kb(brotli).padStart(8)}`,
      );
    }
  }
}

async function requestCounts() {
  const pages = await servePages(['bench/requests.page.ts']);
  const browser = await chromium.launch(await findChromium());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => message.type() === 'error' && console.error(`page: ${message.text()}`));
    page.on('pageerror', (error) => console.error(`page: ${error.message}`));
    await page.goto(pages.url);
    await page.waitForFunction(() => 'runRequestCounts' in window);
    const counts = await page.evaluate(() => window.runRequestCounts());
    console.log('\nRequests per action in <manage-users> on the Pending tab (in-memory API; the action, then reloads)');
    for (const { action, POST, GET } of counts) console.log(`  ${action.padEnd(11)} ${POST} POST + ${GET} GET`);
  } finally {
    await browser.close();
    pages.close();
  }
}

await bundleSizes();
csvPreview();
await requestCounts();
await inviteDialogBench();
await acceptFlood();
await scaleBench();
await widgetBench();
await serverBench();
await deliveryThroughput();
