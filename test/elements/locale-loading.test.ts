/**
 * A Spanish table on a page whose Spanish catalog has not arrived yet: nothing worded is
 * drawn until it is in, so no English ("expires dentro de 7 días") shows first. Its own
 * file: the catalog, once loaded, stays for the page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import { useMockApi } from '../helpers/mock-worker.ts';

describe('a Spanish table while its catalog loads', () => {
  it('never shows English words, then shows the Spanish table', async () => {
    await useMockApi();
    const table = document.createElement('pending-table');
    Object.assign(table, { locale: 'es', baseUrl: '/api/v1/', groupId: 'demo', getToken: () => 'demo-admin' });
    document.body.append(table);
    const root = table.shadowRoot!;
    const seen: string[] = [];
    const record = () => seen.push(root.textContent ?? '');
    new MutationObserver(record).observe(root, { childList: true, subtree: true, characterData: true });
    try {
      await waitUntil(() => root.textContent?.includes('caduca dentro de'), 'no Spanish rows', { timeout: 10_000 });
      const english = seen.filter((text) => /Pending invitations|Remove all expired|expires|Loading/.test(text));
      expect(english).to.deep.equal([]);
    } finally {
      table.remove();
    }
  });
});
