/** <pending-table> used alone, against the msw handlers: what an admin sees and does. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import type { PendingTable } from '../../src/index.ts';
import { useMockApi, fail, heal, hold } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findRow, findText, focused, nextEvent, queryAllByRole, type } from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';

const DAY = 86_400_000;

const rows = (table: HTMLElement) => queryAllByRole(table, 'row').filter((row) => row.closest('tbody'));

async function renderTable(pageSize = 50, locale = '') {
  const table = await fixture<PendingTable>(
    html`<pending-table
      locale=${locale}
      base-url="/api/v1/"
      group-id="demo"
      page-size=${pageSize}
      .getToken=${() => 'demo-admin'}
    ></pending-table>`,
  );
  await waitUntil(() => rows(table).length > 0, 'no rows', { timeout: 3000 });
  return table;
}

/** `n` more valid invitations in the mock's store, beside the 7 seeded ones. */
async function addInvitations(mock: Awaited<ReturnType<typeof useMockApi>>, n: number) {
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    await mock.store.insertInvitation({
      id: `inv_bulk_${i}`,
      groupId: 'demo',
      email: `bulk${String(i).padStart(4, '0')}@x.org`,
      name: null,
      role: 'learner',
      subgroupId: null,
      tokenHash: `hash${i}`,
      createdAt: new Date(now - DAY).toISOString(),
      lastSentAt: new Date(now - DAY).toISOString(),
      expiresAt: new Date(now + 9 * DAY).toISOString(),
      sendCount: 1,
      invitedById: 'usr_demo_admin',
      locale: 'en',
    });
  }
}

/** Selects every row of the page, then every invitation that matches. */
async function selectAllMatching(table: HTMLElement, name: string, pageBox = 'Select all on this page') {
  (await findByRole(table, 'checkbox', pageBox)).click();
  (await findByRole(table, 'button', name)).click();
}

const emails = (table: HTMLElement) => rows(table).map((row) => row.querySelector('th')!.textContent.trim());
const confirmButton = async (table: HTMLElement, name: string) =>
  findByRole(await findByRole(table, 'dialog'), 'button', name);

describe('<pending-table>', () => {
  afterEach(() => heal());

  it('says "Sent 2 times" next to Last sent for an invitation sent more than once, and nothing for one sent once', async () => {
    await useMockApi();
    const table = await renderTable();
    expect((await findRow(table, 'felix.wagner@riverside.example')).textContent).to.include('Sent 2 times');
    expect((await findRow(table, 'kim.nguyen@riverside.example')).textContent).not.to.include('Sent');
  });

  it('says "Enviada 2 veces" in Spanish', async () => {
    await useMockApi();
    const table = await fixture<PendingTable>(
      html`<pending-table
        locale="es"
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></pending-table>`,
    );
    await waitUntil(() => rows(table).length > 0, 'no rows');
    await findText(await findRow(table, 'felix.wagner@riverside.example'), 'Enviada 2 veces');
  });

  it('shows every outstanding invitation, valid or expired, with status, relative expiry, invited by and last sent', async () => {
    await useMockApi();
    const table = await renderTable();
    expect(rows(table)).to.have.length(7);
    const kim = rows(table).find((row) => row.textContent.includes('kim.nguyen'))!;
    expect(kim.textContent)
      .to.include('Pending')
      .and.include('expires in 9 days')
      .and.include('dana.admin@riverside.example');
    const ana = rows(table).find((row) => row.textContent.includes('ana.silva'))!;
    expect(ana.textContent).to.include('Expired').and.include('expired 2 days ago').and.include('Emergency Medicine');
    expect(ana.querySelector('[part~="status-expired"]')).to.exist;
    await findText(table, 'Pending invitations');
    await expectAccessible(table, 'pending table loaded');
  });

  it('names each checkbox after its row, and select-all goes indeterminate with a partial selection', async () => {
    await useMockApi();
    const table = await renderTable();
    const all = await findByRole<HTMLInputElement>(table, 'checkbox', 'Select all on this page');
    (await findByRole<HTMLInputElement>(table, 'checkbox', 'Select grace.obi@riverside.example')).click();
    await waitUntil(() => all.indeterminate);
    expect(all.checked).to.equal(false);
    all.click();
    await waitUntil(() => all.checked && !all.indeterminate);
    expect(queryAllByRole<HTMLInputElement>(table, 'checkbox').every((box) => box.checked)).to.equal(true);
    await findText(table, '7 selected');
    all.click();
    await waitUntil(() => queryAllByRole<HTMLInputElement>(table, 'checkbox').every((box) => !box.checked));
  });

  it('removes the selection after a confirmation that says how many seats it frees', async () => {
    const mock = await useMockApi();
    const table = await renderTable();
    (await findByRole(table, 'checkbox', 'Select ana.silva@riverside.example')).click();
    (await findByRole(table, 'checkbox', 'Select ben.cohen@riverside.example')).click();
    (await findByRole(table, 'button', 'Remove')).click();
    await findText(table, 'Remove 2 invitations? This frees 2 seats.');
    await expectAccessible(table, 'confirmation open');
    const removed = nextEvent<{ removed: string[]; seats: { available: number } }>(table, 'invitations-removed');
    const seatsChanged = nextEvent<{ seats: { available: number } }>(table, 'seats-changed');
    (await confirmButton(table, 'Remove')).click();
    expect((await removed).detail.removed).to.have.length(2);
    expect((await seatsChanged).detail.seats.available).to.equal(10);
    await waitUntil(() => rows(table).length === 5);
    expect(emails(table)).not.to.include('ana.silva@riverside.example');
    expect((await mock.store.seatCounts('demo', new Date().toISOString())).expired).to.equal(1);
  });

  it('does nothing when the confirmation is cancelled, or a host cancels the request event', async () => {
    const mock = await useMockApi();
    const table = await renderTable();
    (await findByRole(table, 'checkbox', 'Select kim.nguyen@riverside.example')).click();
    (await findByRole(table, 'button', 'Remove')).click();
    (await confirmButton(table, 'Cancel')).click();
    const confirmOpen = () => table.shadowRoot!.querySelector('dialog.confirm') !== null;
    await waitUntil(() => !confirmOpen(), 'the confirmation stayed open');
    table.addEventListener('invitations-remove-request', (event) => event.preventDefault(), { once: true });
    const request = nextEvent(table, 'invitations-remove-request');
    (await findByRole(table, 'button', 'Remove')).click();
    expect((await request).defaultPrevented).to.equal(true);
    await table.updateComplete;
    expect(confirmOpen()).to.equal(false);
    expect(
      (await mock.store.invitations('demo', { status: 'all', sort: 'email', limit: 50, now: new Date().toISOString() }))
        .total,
    ).to.equal(7);
  });

  it('removes every expired invitation with one click and a confirmation', async () => {
    await useMockApi();
    const table = await renderTable();
    (await findByRole(table, 'button', 'Remove all expired')).click();
    await findText(table, 'Remove 3 expired invitations? This frees 3 seats.');
    (await confirmButton(table, 'Remove')).click();
    await waitUntil(() => rows(table).length === 4);
    expect(rows(table).every((row) => row.textContent.includes('Pending'))).to.equal(true);
  });

  it('resends one row, and a selection, announcing the result', async () => {
    const mock = await useMockApi();
    const table = await renderTable();
    const resent = nextEvent<{ results: Array<{ status: string }> }>(table, 'invitations-resent');
    (await findByRole(table, 'button', 'Resend ana.silva@riverside.example')).click();
    expect((await resent).detail.results[0]!.status).to.equal('resent');
    await waitUntil(() =>
      rows(table)
        .find((r) => r.textContent.includes('ana.silva'))!
        .textContent.includes('expires in 10 days'),
    );
    await findText(table, '1 invitation resent: ana.silva@riverside.example.');
    expect(await mock.store.mails('ana.silva@riverside.example')).to.have.length(2);
    // Sent again within the minute: the server refuses, and the admin is told why.
    (await findByRole(table, 'checkbox', 'Select ana.silva@riverside.example')).click();
    (await findByRole(table, 'checkbox', 'Select ben.cohen@riverside.example')).click();
    const both = nextEvent<{ results: Array<{ status: string }> }>(table, 'invitations-resent');
    (await findByRole(table, 'button', 'Resend')).click();
    expect((await both).detail.results.map((r) => r.status).sort()).to.deep.equal(['rate_limited', 'resent']);
    // Shown beside the table, naming who was resent, and who was not and until when.
    await findText(table, '1 invitation resent: ben.cohen@riverside.example.');
    await findText(
      table,
      /Not sent again: ana\.silva@riverside\.example\. It was sent less than a minute ago; try again after \d{1,2}:\d{2}\s[AP]M\./,
    );
  });

  it('announces the new count when an action changes how many match: a resent expired row leaves the filter', async () => {
    await useMockApi();
    const table = await renderTable();
    const status = await findByRole<HTMLSelectElement>(table, 'combobox', /Status/);
    status.value = 'expired';
    status.dispatchEvent(new Event('change'));
    await findByRole(table, 'status', '3 results');
    (await findByRole(table, 'button', 'Resend chloe.dubois@riverside.example')).click();
    await waitUntil(() => rows(table).length === 2);
    await findByRole(table, 'status', '2 results');
  });

  it('names each row\'s Resend button with its person, while it reads "Resend"', async () => {
    await useMockApi();
    const table = await renderTable();
    const button = await findByRole(table, 'button', 'Resend kim.nguyen@riverside.example');
    expect(button.textContent.trim()).to.equal('Resend');
  });

  it('names who could not be resent because the invitation is gone', async () => {
    const mock = await useMockApi();
    const table = await renderTable();
    (await findByRole(table, 'checkbox', 'Select kim.nguyen@riverside.example')).click();
    (await findByRole(table, 'checkbox', 'Select ben.cohen@riverside.example')).click();
    await mock.store.deleteInvitation('inv_seed_1'); // kim.nguyen, accepted or removed elsewhere
    (await findByRole(table, 'button', 'Resend')).click();
    await findText(table, 'Not found: kim.nguyen@riverside.example. It was accepted or removed meanwhile.');
  });

  it('says in Spanish until when a resend has to wait', async () => {
    await useMockApi();
    const table = await renderTable(50, 'es');
    (await findByRole(table, 'button', 'Reenviar ben.cohen@riverside.example')).click();
    await findText(table, '1 invitación reenviada: ben.cohen@riverside.example.');
    (await findByRole(table, 'button', 'Reenviar ben.cohen@riverside.example')).click();
    await findText(
      table,
      /No se reenvió: ben\.cohen@riverside\.example\. Se envió hace menos de un minuto; inténtelo de nuevo después de las? \d{1,2}:\d{2}\./,
    );
  });

  it('shows "Not delivered" with the mail server\'s reason and Resend, and filters to those invitations', async () => {
    await useMockApi();
    const headers = { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' };
    const batches = [{ role: 'learner', emails: ['bounce@undeliverable.example'] }];
    await fetch('/api/v1/groups/demo/invitations', { method: 'POST', headers, body: JSON.stringify({ batches }) });
    await fetch('/api/v1/dev/outbox', { headers }); // answers once the due emails were tried
    const table = await renderTable();
    const row = await findRow(table, 'bounce@undeliverable.example');
    await findText(row, 'Not delivered');
    await findText(row, 'The mail server refused it: 550 5.1.1 Mailbox unavailable (simulated)');
    await findByRole(row, 'button', /^Resend/);
    expect((await findRow(table, 'kim.nguyen@riverside.example')).textContent).not.to.include('Not delivered');
    await expectAccessible(table, 'an undelivered invitation');

    const status = await findByRole<HTMLSelectElement>(table, 'combobox', /Status/);
    status.value = 'undelivered';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(table).length === 1);
    expect(emails(table)).to.deep.equal(['bounce@undeliverable.example']);
    await expectAccessible(table, 'filtered to not delivered');
  });

  it('searches, filters by status, role and subgroup, and sorts', async () => {
    await useMockApi();
    const table = await renderTable();
    await type(await findByRole<HTMLInputElement>(table, 'textbox', 'Search by email'), 'cohen');
    await waitUntil(() => rows(table).length === 1);
    expect(emails(table)).to.deep.equal(['ben.cohen@riverside.example']);
    const search = await findByRole<HTMLInputElement>(table, 'textbox', 'Search by email');
    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => rows(table).length === 7);

    const status = await findByRole<HTMLSelectElement>(table, 'combobox', /Status/);
    status.value = 'expired';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(table).length === 3);
    const role = await findByRole<HTMLSelectElement>(table, 'combobox', /Type/);
    role.value = 'admin';
    role.dispatchEvent(new Event('change'));
    await findText(table, 'Nothing matches these filters.');
    await expectAccessible(table, 'no matches');
    status.value = 'all';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(table).length === 1);
    role.value = '';
    role.dispatchEvent(new Event('change'));
    const subgroup = await findByRole<HTMLSelectElement>(table, 'combobox', /Subgroup/);
    await waitUntil(() => subgroup.options.length === 4);
    subgroup.value = [...subgroup.options].find((o) => o.text === 'Nursing')!.value;
    subgroup.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(table).length === 2);

    subgroup.value = '';
    subgroup.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(table).length === 7);
    const sortEmail = await findByRole(table, 'button', 'Email');
    sortEmail.click();
    await waitUntil(() => emails(table)[0] === 'ana.silva@riverside.example');
    expect(sortEmail.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    sortEmail.click();
    await waitUntil(() => emails(table)[0] === 'kim.nguyen@riverside.example');
    expect(sortEmail.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
  });

  it('pages through large lists with the cursors, rendering one page at a time', async () => {
    await addInvitations(await useMockApi(), 120);
    const table = await renderTable(50);
    expect(rows(table)).to.have.length(50);
    await findText(table, '1–50 of 127');
    (await findByRole(table, 'button', 'Next page')).click();
    await findText(table, '51–100 of 127');
    (await findByRole(table, 'button', 'Next page')).click();
    await findText(table, '101–127 of 127');
    expect(rows(table)).to.have.length(27);
    expect((await findByRole(table, 'button', 'Next page')).getAttribute('aria-disabled')).to.equal('true');
    (await findByRole(table, 'button', 'Previous page')).click();
    await findText(table, '51–100 of 127');
  });

  it("follows the page's lang when it has no locale of its own, also when it changes", async () => {
    await useMockApi();
    const table = await renderTable();
    await findText(table, 'Pending invitations');
    document.documentElement.lang = 'es';
    try {
      await findText(table, 'Invitaciones pendientes');
      await findByRole(table, 'button', 'Eliminar todas las caducadas');
    } finally {
      document.documentElement.lang = 'en';
    }
    await findText(table, 'Pending invitations');
  });

  it('says so when there is nothing pending', async () => {
    const mock = await useMockApi();
    for (const id of [1, 2, 3, 4, 5, 6, 7]) await mock.store.deleteInvitation(`inv_seed_${id}`);
    const table = await fixture<PendingTable>(
      html`<pending-table base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></pending-table>`,
    );
    await findText(table, 'No pending invitations.');
    await expectAccessible(table, 'empty');
  });

  it('explains a failure in plain words and loads again on Try again', async () => {
    await useMockApi();
    fail('get', 'groups/demo/invitations', 500);
    const table = await fixture<PendingTable>(
      html`<pending-table base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></pending-table>`,
    );
    const error = nextEvent(table, 'manage-users-error');
    await findText(table, 'Something went wrong on the server.');
    await error;
    await expectAccessible(table, 'server error');
    heal();
    (await findByRole(table, 'button', 'Try again')).click();
    await waitUntil(() => rows(table).length === 7);
    expect(deepAll(table, '[role="alert"]')).to.have.length(0);
  });

  it('offers "Select all 1,207 matching" once the whole page is selected, and says what is selected', async () => {
    await addInvitations(await useMockApi(), 1200);
    const table = await renderTable();
    await selectAllMatching(table, 'Select all 1,207 matching');
    await findText(table, 'All 1,207 matching selected');
    expect(focused()?.textContent?.trim()).to.equal('Clear selection');
    await expectAccessible(table, 'all matching selected');
  });

  it('removes every matching invitation in one request and says how many were removed', async () => {
    const mock = await useMockApi();
    await addInvitations(mock, 1200);
    const table = await renderTable();
    await selectAllMatching(table, 'Select all 1,207 matching');
    (await findByRole(table, 'button', 'Remove')).click();
    await findText(table, 'Remove 1,207 invitations? This frees 1,207 seats.');
    const posts = () => mock.requests.filter((r) => r.method === 'POST').length;
    (await confirmButton(table, 'Remove')).click();
    await findText(table, '1,207 invitations removed; 1,207 seats freed.');
    await findText(table, 'No pending invitations.');
    expect(posts()).to.equal(1);
  });

  it('says "Removing 1,207 invitations…" while a long removal runs', async () => {
    await addInvitations(await useMockApi(), 1200);
    const table = await renderTable();
    const release = hold('post', 'groups/demo/invitations/remove');
    await selectAllMatching(table, 'Select all 1,207 matching');
    (await findByRole(table, 'button', 'Remove')).click();
    (await confirmButton(table, 'Remove')).click();
    await findByRole(table, 'status', 'Removing 1,207 invitations…');
    release();
    await findByRole(table, 'status', '1,207 invitations removed; 1,207 seats freed.');
  });

  it('resends every matching invitation in one request and says how many were resent', async () => {
    const mock = await useMockApi();
    await addInvitations(mock, 1200);
    const table = await renderTable();
    await selectAllMatching(table, 'Select all 1,207 matching');
    (await findByRole(table, 'button', 'Resend')).click();
    await findText(table, '1,207 invitations resent.');
    expect(mock.requests.filter((r) => r.method === 'POST')).to.have.length(1);
  });

  it('writes the matching count the Spanish way: "Seleccionar las 10.007 que coinciden"', async () => {
    await addInvitations(await useMockApi(), 10_000);
    const table = await renderTable(50, 'es');
    await selectAllMatching(table, 'Seleccionar las 10.007 que coinciden', 'Seleccionar todo en esta página');
    await findText(table, 'Seleccionadas las 10.007 que coinciden');
  });
});
