/**
 * Serves msw's worker script (shipped by manage-users beside its mock API) at the site's
 * root, in development and in the build, so the examples run with no API server. A host
 * with its own API does not need this.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const WORKER = 'mockServiceWorker.js';

export function mockServiceWorker(): Plugin {
  const source = () => readFile(new URL(import.meta.resolve(`manage-users/${WORKER}`)), 'utf8');
  return {
    name: 'manage-users-mock-service-worker',
    configureServer(server) {
      server.middlewares.use(`/${WORKER}`, (_request, response, next) => {
        source().then((text) => response.setHeader('Content-Type', 'text/javascript').end(text), next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER, source: await source() });
    },
  };
}
