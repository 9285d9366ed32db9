// Element and browser-SDK tests in real headless Chromium (Debian's, at CHROME_PATH).
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
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
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
};
