/** The Activity tab of <manage-users>, against the msw handlers: who did what, when, in the admin's language. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import { createInvitationsClient, type ManageUsers } from '../../src/index.ts';
import { useMockApi, MOCK_BASE_URL } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findRow, findText, focused, press, queryAllByRole } from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';

const admin = createInvitationsClient({ baseUrl: MOCK_BASE_URL, getToken: () => 'demo-admin' });
const bodyRows = (root: Element) => queryAllByRole(root, 'row').filter((row) => row.closest('tbody'));

/** Two changes made through the API before the section opens: a subgroup, then a deactivation. */
async function makeChanges() {
  await admin.subgroups.create('demo', { name: 'Cardiology' });
  await admin.members.deactivate('demo', 'usr_marco');
}

/** The rows of the activity log inside the section. */
const activityRows = (section: Element) =>
  deepAll(section, 'activity-log').flatMap((log) => bodyRows(log) as HTMLTableRowElement[]);

async function openActivity(locale = '', pageSize = 50) {
  const section = await fixture<ManageUsers>(
    html`<manage-users
      base-url="/api/v1/"
      group-id="demo"
      page-size=${pageSize}
      .getToken=${() => 'demo-admin'}
      .locale=${locale}
    ></manage-users>`,
  );
  (await findByRole(section, 'tab', locale === 'es' ? 'Actividad' : 'Activity')).click();
  await waitUntil(() => activityRows(section).length > 0, 'no activity rows', { timeout: 5000 });
  return section;
}

describe('the Activity tab', () => {
  it('lists each change, newest first, with who made it and when', async () => {
    await useMockApi();
    await makeChanges();
    const section = await openActivity();
    const rows = activityRows(section);
    expect(rows.map((row) => row.cells[2]?.textContent?.trim())).to.deep.equal([
      'Deactivated marco.rossi@riverside.example',
      'Created the subgroup Cardiology',
    ]);
    expect(rows[0]?.cells[1]?.textContent).to.include('Dana Whitfield');
    expect(rows[0]?.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    await expectAccessible(section, 'activity loaded');
  });

  it('filters by type of change', async () => {
    await useMockApi();
    await makeChanges();
    const section = await openActivity();
    const select = await findByRole<HTMLSelectElement>(section, 'combobox', /^Type of change/);
    select.value = 'subgroup.created';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => activityRows(section).length === 1);
    await findRow(section, 'Created the subgroup Cardiology');
  });

  it('pages through the log', async () => {
    await useMockApi();
    await makeChanges();
    await admin.members.reactivate('demo', 'usr_marco');
    const section = await openActivity('', 2);
    await findText(section, '1–2 of 3');
    (await findByRole(section, 'button', 'Next page')).click();
    await waitUntil(() => activityRows(section).length === 1);
    await findRow(section, 'Created the subgroup Cardiology');
  });

  it('speaks the admin’s language', async () => {
    await useMockApi();
    await makeChanges();
    const section = await openActivity('es');
    await findRow(section, 'Desactivó a marco.rossi@riverside.example');
    await findRow(section, 'Creó el subgrupo Cardiology');
  });

  it('shows what the admin does next without a reload', async () => {
    await useMockApi();
    await makeChanges();
    const section = await openActivity();
    (await findByRole(section, 'tab', 'Deactivated')).click();
    (await findByRole(await findRow(section, 'Marco Rossi'), 'button', /^Reactivate/)).click();
    await findText(section, 'Marco Rossi was reactivated.');
    (await findByRole(section, 'tab', 'Activity')).click();
    await findRow(section, 'Reactivated marco.rossi@riverside.example');
  });

  it('is reached with the arrow keys like the other tabs', async () => {
    await useMockApi();
    const section = await fixture<ManageUsers>(
      html`<manage-users base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></manage-users>`,
    );
    const users = await findByRole(section, 'tab', 'Users');
    users.focus();
    press(users, 'End');
    await waitUntil(() => focused()?.id === 'tab-activity');
    expect(focused()?.getAttribute('aria-selected')).to.equal('true');
    await findText(section, 'Nothing has happened in this group yet.');
  });
});
