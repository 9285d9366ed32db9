import { createApp } from 'vue';
import 'manage-users/define';
import type {} from 'manage-users/vue';
import App from './app.vue';

// No API given: the mock API answers in the page (group `demo`, token `demo-admin`).
const apiBaseUrl = import.meta.env.VITE_API_BASE_URL;
if (!apiBaseUrl) await (await import('manage-users/mock-api.js')).startMockApi();

createApp(App, { baseUrl: apiBaseUrl || '/api/v1/', groupId: import.meta.env.VITE_GROUP_ID || 'demo' }).mount('#app');
