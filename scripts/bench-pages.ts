/**
 * Serves bench pages (`bench/*.page.ts`) on 127.0.0.1: each bundled as the widget ships
 * (esbuild, production conditions, minified), all loaded by one HTML page at `url`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';

export async function servePages(entryPoints: string[]): Promise<{ url: string; close: () => void }> {
  const built = await esbuild.build({
    entryPoints,
    outdir: 'bench-out',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    conditions: ['browser', 'production'],
    logLevel: 'silent',
  });
  const scripts = new Map(built.outputFiles.map((file) => [`/${file.path.split('/').at(-1)}`, file.text]));
  const tags = [...scripts.keys()].map((path) => `<script type="module" src="${path}"></script>`).join('');
  const server = createServer((req, res) => {
    const script = scripts.get(req.url ?? '');
    if (script) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(`<!doctype html><html lang="en"><title>bench</title>${tags}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}
