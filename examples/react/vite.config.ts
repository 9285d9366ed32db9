import { defineConfig } from 'vite';
import { mockServiceWorker } from '../mock-service-worker.ts';

// JSX needs no plugin in Vite 8; @vitejs/plugin-react only adds fast refresh.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [mockServiceWorker()],
});
