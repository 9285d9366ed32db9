/** <members-panel> used alone, against the msw handlers: the Users and Deactivated tabs. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import type { MembersPanel } from '../../src/index.ts';
import { useMockApi, fail, heal } from '../helpers/mock-worker.ts';
import { findByRole, findRow, findText, nextEvent, queryAllByRole, type } from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';

const rows = (panel: HTMLElement) => queryAllByRole(panel, 'row').filter((row) => row.closest('tbody'));

async function renderPanel(status: 'active' | 'deactivated' = 'active') {
  const panel = await fixture<MembersPanel>(
    html`<members-panel
      base-url="/api/v1/"
      group-id="demo"
      status=${status}
      current-member-id="usr_demo_admin"
      .getToken=${() => 'demo-admin'}
    ></members-panel>`,
  );
  await waitUntil(() => rows(panel).length > 0, 'no rows', { timeout: 3000 });
  return panel;
}

describe('<members-panel>', () => {
  afterEach(() => heal());

  it('lists active members with type, subgroup and join date; the admin cannot deactivate themselves', async () => {
    await useMockApi();
    const panel = await renderPanel();
    expect(rows(panel)).to.have.length(10);
    const marco = await findRow(panel, 'Marco Rossi');
    expect(marco.textContent).to.include('Learner').and.include('Emergency Medicine');
    const me = await findRow(panel, 'Dana Whitfield');
    expect(me.textContent).to.include('(you)');
    expect(queryAllByRole(me, 'button')).to.have.length(0);
    await expectAccessible(panel, 'users loaded');
  });

  it('searches by name and announces how many match', async () => {
    await useMockApi();
    const panel = await renderPanel();
    await type(await findByRole<HTMLInputElement>(panel, 'textbox', 'Search by name or email'), 'rossi');
    await waitUntil(() => rows(panel).length === 1);
    await waitUntil(() => queryAllByRole(panel, 'status').some((region) => region.textContent === '1 result'));
  });

  it('deactivates after a confirmation and says so beside the list', async () => {
    const mock = await useMockApi();
    const panel = await renderPanel();
    (await findByRole(await findRow(panel, 'Marco Rossi'), 'button', 'Deactivate Marco Rossi')).click();
    const changed = nextEvent<{ member: { id: string }; seats: { available: number } }>(panel, 'members-changed');
    (await findByRole(await findByRole(panel, 'dialog'), 'button', 'Deactivate')).click();
    expect((await changed).detail.member.id).to.equal('usr_marco');
    await findText(panel, 'Marco Rossi was deactivated; a seat was freed.');
    await waitUntil(() => !rows(panel).some((row) => row.textContent.includes('Marco Rossi')));
    expect((await mock.store.member('usr_marco'))?.status).to.equal('deactivated');
  });

  it('reactivates a deactivated member and fires seats-changed with the answer', async () => {
    await useMockApi();
    const panel = await renderPanel('deactivated');
    const seats = nextEvent<{ seats: { active: number } }>(panel, 'seats-changed');
    (await findByRole(await findRow(panel, 'Ruth Mensah'), 'button', 'Reactivate Ruth Mensah')).click();
    expect((await seats).detail.seats.active).to.equal(11);
    await findText(panel, 'Ruth Mensah was reactivated.');
    await findText(panel, 'No users here.');
  });

  it('shows a failure beside the list and tells the host', async () => {
    await useMockApi();
    const panel = await renderPanel();
    fail('post', 'groups/demo/members/usr_marco/deactivate', 503);
    (await findByRole(await findRow(panel, 'Marco Rossi'), 'button', 'Deactivate Marco Rossi')).click();
    const error = nextEvent<{ message: string }>(panel, 'manage-users-error');
    (await findByRole(await findByRole(panel, 'dialog'), 'button', 'Deactivate')).click();
    expect((await error).detail.message).to.match(/^Something went wrong on the server/);
    await findByRole(panel, 'alert', /Something went wrong on the server/);
  });
});
