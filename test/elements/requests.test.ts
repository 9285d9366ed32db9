/**
 * Requests per admin action inside <manage-users> on the Pending tab: one request for the
 * action, and one reload (the list on screen shows the change). `npm run bench` prints the
 * same counts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import type { ManageUsers } from '../../src/index.ts';
import { useMockApi } from '../helpers/mock-worker.ts';
import { findByRole, findRow, focused, paste, queryAllByRole } from '../helpers/dom.ts';

type Mock = Awaited<ReturnType<typeof useMockApi>>;

async function pendingTab() {
  const mock = await useMockApi();
  const section = await fixture<ManageUsers>(
    html`<manage-users base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></manage-users>`,
  );
  (await findByRole(section, 'tab', /Pending/)).click();
  await findRow(section, 'ana.silva@riverside.example');
  await waitUntil(mock.idle, 'the first load never settled');
  return { mock, section };
}

/** What an action asked for, once it has shown its result and the network is quiet. */
async function countRequests(mock: Mock, act: () => Promise<unknown>, shown: () => Promise<unknown>) {
  const before = mock.requests.length;
  await act();
  await shown();
  await waitUntil(mock.idle, 'requests still on their way');
  const made = mock.requests.slice(before);
  return { POST: made.filter((r) => r.method === 'POST').length, GET: made.filter((r) => r.method === 'GET').length };
}

const visibleRows = (section: ManageUsers) => queryAllByRole(section, 'row').filter((row) => row.closest('tbody'));

const confirmIn = async (section: ManageUsers, name: string) =>
  (await findByRole(await findByRole(section, 'dialog'), 'button', name)).click();

describe('requests per action in <manage-users> on the Pending tab', () => {
  it('invite: one POST and at most one GET', async () => {
    const { mock, section } = await pendingTab();
    (await findByRole(section, 'button', 'Invite New Users')).click();
    await waitUntil(() => focused()?.getAttribute('part') === 'email-input');
    const counts = await countRequests(
      mock,
      async () => {
        paste(focused() as HTMLInputElement, 'count.me@x.org');
        (await findByRole(section, 'button', 'Invite Users')).click();
      },
      () => findRow(section.shadowRoot!.querySelector('pending-table')!, 'count.me@x.org'),
    );
    expect(counts).to.deep.equal({ POST: 1, GET: 1 });
  });

  it('resend: one POST and at most one GET', async () => {
    const { mock, section } = await pendingTab();
    const counts = await countRequests(
      mock,
      async () => (await findByRole(await findRow(section, 'ana.silva@riverside.example'), 'button', /Resend/)).click(),
      // Its row shows the new expiry once the list on screen has loaded again.
      async () =>
        waitUntil(async () =>
          (await findRow(section, 'ana.silva@riverside.example')).textContent.includes('expires in 10 days'),
        ),
    );
    expect(counts).to.deep.equal({ POST: 1, GET: 1 });
  });

  it('remove: one POST and at most one GET', async () => {
    const { mock, section } = await pendingTab();
    (await findByRole(section, 'checkbox', 'Select ana.silva@riverside.example')).click();
    (await findByRole(section, 'button', 'Remove')).click();
    const counts = await countRequests(
      mock,
      () => confirmIn(section, 'Remove'),
      () =>
        waitUntil(() => !visibleRows(section).some((row) => row.textContent.includes('ana.silva@riverside.example'))),
    );
    expect(counts).to.deep.equal({ POST: 1, GET: 1 });
  });

  it('remove all expired: one POST and at most one GET, whatever their number', async () => {
    const { mock, section } = await pendingTab();
    (await findByRole(section, 'button', 'Remove all expired')).click();
    const counts = await countRequests(
      mock,
      () => confirmIn(section, 'Remove'),
      () => waitUntil(() => visibleRows(section).length === 4),
    );
    expect(counts).to.deep.equal({ POST: 1, GET: 1 });
  });

  it('deactivate: one POST and at most one GET', async () => {
    const { mock, section } = await pendingTab();
    (await findByRole(section, 'tab', 'Users')).click();
    const row = await findRow(section, 'Marco Rossi');
    await waitUntil(mock.idle, 'the Users tab never settled');
    (await findByRole(row, 'button', /Deactivate/)).click();
    const counts = await countRequests(
      mock,
      () => confirmIn(section, 'Deactivate'),
      () => waitUntil(() => !visibleRows(section).some((row) => row.textContent.includes('Marco Rossi'))),
    );
    expect(counts).to.deep.equal({ POST: 1, GET: 1 });
  });
});
