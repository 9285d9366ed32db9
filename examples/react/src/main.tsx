import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

// No API given: the mock API answers in the page (group `demo`, token `demo-admin`).
const apiBaseUrl = import.meta.env.VITE_API_BASE_URL;
if (!apiBaseUrl) await (await import('manage-users/mock-api.js')).startMockApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App baseUrl={apiBaseUrl || '/api/v1/'} groupId={import.meta.env.VITE_GROUP_ID || 'demo'} />
  </StrictMode>,
);
