/**
 * Runs in headless Chromium (scripts/bench.ts builds and serves it): counts the requests
 * each admin action costs inside <manage-users> on the Pending tab, against the in-memory
 * API (the same count test/elements/requests.test.ts asserts).
 */
import '../src/define.ts';
import { deep, inPageApi, signIn, until } from './in-page.ts';

export interface Counts {
  action: string;
  POST: number;
  GET: number;
}

declare global {
  interface Window {
    /** Counts requests per action; scripts/bench.ts calls it through playwright. */
    runRequestCounts(): Promise<Counts[]>;
  }
}

function button(root: ParentNode, text: string): HTMLButtonElement {
  // Counts beside a label (the Pending tab's) are not part of its name.
  const label = (b: HTMLButtonElement) => b.textContent.replace(/\d+/g, '').trim();
  const match = deep<HTMLButtonElement>(root, 'button').find((b) => b.checkVisibility() && label(b) === text);
  if (!match) throw new Error(`bench: no button ${text}`);
  return match;
}

async function section() {
  const api = await inPageApi();
  const made: string[] = [];
  let inFlight = 0;
  const element = document.createElement('manage-users');
  signIn(element, async (url, init) => {
    made.push(init?.method ?? 'GET');
    inFlight++;
    try {
      return await api.fetch(url, init);
    } finally {
      inFlight--;
    }
  });
  document.body.append(element);
  const rows = () => deep(element, 'tbody tr').length;
  await until(() => rows() > 0 && inFlight === 0, 'the first load');
  button(element, 'Pending').click();
  await until(
    () => deep(element, 'pending-table').some((t) => (t.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0),
    'the Pending tab',
  );
  await until(() => inFlight === 0, 'the Pending tab to settle');
  /** Requests made by `act`, once `done` holds and nothing is on its way. */
  const count = async (action: string, act: () => void | Promise<void>, done: () => boolean): Promise<Counts> => {
    const before = made.length;
    await act();
    await until(() => done() && inFlight === 0, action);
    const mine = made.slice(before);
    return { action, POST: mine.filter((m) => m === 'POST').length, GET: mine.filter((m) => m === 'GET').length };
  };
  return { element, count };
}

function confirm(root: ParentNode, text: string) {
  const dialog = deep<HTMLDialogElement>(root, 'dialog.confirm').find((d) => d.open);
  if (!dialog) throw new Error('bench: no confirmation');
  button(dialog, text).click();
}

window.runRequestCounts = async () => {
  const { element, count } = await section();
  const visibleRow = (text: string) =>
    deep<HTMLTableRowElement>(element, 'tbody tr').find((r) => r.checkVisibility() && r.textContent.includes(text));
  const pendingRow = visibleRow;
  const results: Counts[] = [];
  results.push(
    await count(
      'invite',
      async () => {
        await element.openInviteDialog();
        const field = deep<HTMLInputElement>(element, 'input[part~="email-input"]')[0];
        if (!field) throw new Error('bench: no email field');
        const data = new DataTransfer();
        data.setData('text', 'bench.invite@x.org');
        field.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }),
        );
        await new Promise((resolve) => setTimeout(resolve));
        button(element, 'Invite Users').click();
      },
      () => pendingRow('bench.invite@x.org') !== undefined,
    ),
  );
  button(element, 'Done').click();
  results.push(
    await count(
      'resend',
      () =>
        deep<HTMLButtonElement>(
          pendingRow('ana.silva@riverside.example') ?? element,
          'button[part~="resend-button"]',
        )[0]?.click(),
      () => pendingRow('ana.silva@riverside.example')?.textContent.includes('expires in 10 days') === true,
    ),
  );
  results.push(
    await count(
      'remove',
      async () => {
        deep<HTMLInputElement>(
          pendingRow('ben.cohen@riverside.example') ?? element,
          'input[type="checkbox"]',
        )[0]?.click();
        await new Promise((resolve) => setTimeout(resolve));
        button(element, 'Remove').click();
        await until(() => deep(element, 'dialog.confirm').length > 0, 'the confirmation');
        confirm(element, 'Remove');
      },
      () => !pendingRow('ben.cohen@riverside.example'),
    ),
  );
  button(element, 'Users').click();
  await until(
    () => deep(element, 'button[part~="deactivate-button"]').some((b) => b.checkVisibility()),
    'the Users tab',
  );
  results.push(
    await count(
      'deactivate',
      async () => {
        deep<HTMLButtonElement>(visibleRow('Marco Rossi') ?? element, 'button[part~="deactivate-button"]')[0]?.click();
        await until(() => deep(element, 'dialog.confirm').length > 0, 'the confirmation');
        confirm(element, 'Deactivate');
      },
      () => !visibleRow('Marco Rossi'),
    ),
  );
  element.remove();
  return results;
};
