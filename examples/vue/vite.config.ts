import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { mockServiceWorker } from '../mock-service-worker.ts';

const TAGS = ['manage-users', 'invite-dialog', 'pending-table', 'members-panel', 'subgroups-manager'];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    // The widget's tags are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => TAGS.includes(tag) } } }),
    mockServiceWorker(),
  ],
});
