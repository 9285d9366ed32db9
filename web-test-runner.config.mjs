// Element and browser-SDK tests in real headless Chromium, found by scripts/chromium.ts.
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/chromium.ts';

const { executablePath, args } = await findChromium();
const worker = new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url);

export default {
  files: ['test/elements/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [
    // The msw worker straight from node_modules, so it never goes stale after an upgrade.
    async (context, next) => {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'text/javascript';
      context.set('Service-Worker-Allowed', '/');
      context.body = await readFile(worker, 'utf8');
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args,
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
};
