/**
 * What the end-to-end tests share: headless Chromium (found by scripts/chromium.ts) driven by
 * playwright-core, and loopback HTTP servers whose origin is known before the app is built.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ServerOptions } from '../../demo/server/app.ts';
import { findChromium } from '../../scripts/chromium.ts';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(await findChromium());
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/** Listens on a free loopback port, then builds the app from its origin (links in emails need it). */
export async function listen(build: (origin: string) => Fetch | Promise<Fetch>) {
  let fetch: Fetch | undefined;
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: (request, env) => fetch!(request, env), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(listening),
    );
  });
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  fetch = await build(origin);
  return { origin, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}

/** The reference server on an in-memory database, seeded, in demo mode. */
export async function listenReferenceServer(options: Partial<ServerOptions> = {}) {
  let close = (): Promise<void> | void => {};
  const listening = await listen(async (origin) => {
    const server = await createServer({ database: ':memory:', publicUrl: origin, demo: true, ...options });
    close = server.close;
    return server.app.fetch;
  });
  return { origin: listening.origin, close: () => listening.close().then(close) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Serves the files of a folder as they are, like any static file server (`/` is `index.html`). */
export function serveFolder(folder: string): Fetch {
  return async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const file = resolve(folder, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(resolve(folder))) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}

/** A page that fails the test on any uncaught page error. */
export async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  return page;
}

/** Invites one address as a Learner through the widget's dialog, as an admin would, and closes it. */
export async function inviteOne(page: Page, email: string) {
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite New Users' });
  await dialog.getByRole('textbox', { name: 'Email addresses' }).first().pressSequentially(`${email} `);
  await dialog.getByRole('button', { name: 'Invite Users' }).click();
  await dialog.getByRole('region', { name: 'Results' }).getByText('1 invitation queued to send.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}
