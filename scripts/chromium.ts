/**
 * The one place every browser run (web-test-runner, the end-to-end test, screenshots, bench)
 * finds Chromium and the flags it is launched with. The browser is looked for in this order:
 * 1. `CHROME_PATH`, when set;
 * 2. a `chromium` on `PATH` (Debian's `apt-get install chromium`, as `.ci/run` installs);
 * 3. the headless Chromium inside the `@sparticuz/chromium` devDependency, unpacked to the
 *    temp folder on first use (about 2 s), so `npm install && npm test` works with no browser.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** Headless flags for a container or CI box: no sandbox (root), no GPU, no background traffic. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** What a launcher needs: the browser's path and its command-line flags. */
export interface Chromium {
  executablePath: string;
  args: string[];
}

/** Finds Chromium (see the module comment for the order); the packaged one is unpacked if needed. */
export async function findChromium(): Promise<Chromium> {
  const configured = process.env.CHROME_PATH;
  if (configured) return { executablePath: configured, args: FLAGS };
  const system = await onPath('chromium');
  if (system) return { executablePath: system, args: FLAGS };
  return { executablePath: await unpackPackaged(), args: [...FLAGS, '--no-zygote'] };
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function unpackPackaged(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its own `packaged.args` are for AWS Lambda (`--single-process`, `--disable-web-security`):
  // not used. WebGL is not needed, so its SwiftShader is left packed.
  packaged.setGraphicsMode = false;
  return packaged.executablePath();
}
