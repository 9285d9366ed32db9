/** <manage-users>: the whole section, against the msw handlers. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import { ManageUsers, createInvitationsClient } from '../../src/index.ts';
import { useMockApi, fail, heal, MOCK_BASE_URL } from '../helpers/mock-worker.ts';
import {
  deepAll,
  findByRole,
  findRow,
  findText,
  focused,
  nameOf,
  nextEvent,
  paste,
  press,
  queryAllByRole,
} from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';
import { emulateMedia } from '@web/test-runner-commands';

async function renderSection(token = 'demo-admin', extra: Partial<ManageUsers> = {}) {
  const section = await fixture<ManageUsers>(
    html`<manage-users
      base-url="/api/v1/"
      group-id="demo"
      .getToken=${() => token}
      .locale=${extra.locale ?? ''}
    ></manage-users>`,
  );
  return section;
}

const meterText = (section: ManageUsers) =>
  deepAll(section, '[part~="meter-legend"] .figure')
    .map(
      (figure) => `${figure.querySelector('dt')!.textContent.trim()} ${figure.querySelector('dd')!.textContent.trim()}`,
    )
    .join(' ');
const pendingCount = (section: ManageUsers) => deepAll(section, '#tab-pending .count')[0]?.textContent?.trim();
const bodyRows = (root: Element) => queryAllByRole(root, 'row').filter((row) => row.closest('tbody'));

describe('<manage-users>', () => {
  afterEach(() => heal());

  it('shows a loading state, then the seat meter, the Invite New Users button and the tabs', async () => {
    await useMockApi({ latency: 300 });
    const section = await renderSection();
    await findText(section, 'Loading…');
    await expectAccessible(section, 'loading');
    await findByRole(section, 'button', 'Invite New Users');
    expect(meterText(section)).to.equal(
      'Total 25 Active 10 Pending, valid or expired 7 Still valid 4 Expired 3 Available 8',
    );
    const meter = await findByRole(section, 'meter');
    expect(meter.getAttribute('aria-valuetext')).to.equal('17 of 25 seats occupied');
    expect(queryAllByRole(section, 'tab').map((tab) => nameOf(tab))).to.deep.equal([
      'Users',
      'Pending 7',
      'Deactivated',
      'Activity',
    ]);
    expect(pendingCount(section)).to.equal('7');
    await waitUntil(() => bodyRows(section).length === 10);
    await expectAccessible(section, 'loaded');
  });

  it('shows page-size rows a page in its Users and Pending tables', async () => {
    await useMockApi();
    const section = await fixture<ManageUsers>(
      html`<manage-users
        page-size="3"
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></manage-users>`,
    );
    await waitUntil(() => bodyRows(section).length === 3, 'Users shows 3 rows');
    (await findByRole(section, 'tab', /Pending/)).click();
    await findText(section, 'kim.nguyen@riverside.example');
    const pending = deepAll(section, 'pending-table')[0]!;
    await waitUntil(() => bodyRows(pending).length === 3, 'Pending shows 3 rows');
  });

  for (const [locale, users, pending] of [
    ['en', 'Active users (10)', 'Pending invitations (7)'],
    ['es', 'Usuarios activos (10)', 'Invitaciones pendientes (7)'],
  ] as const) {
    it(`reads its table captions with a space before the count: "${pending}" (${locale})`, async () => {
      await useMockApi();
      const section = await renderSection('demo-admin', { locale });
      const caption = (text: string) =>
        deepAll(section, 'caption').some((c) => c.textContent.replace(/\s+/g, ' ').trim() === text);
      await waitUntil(() => caption(users), `no caption ${users}`);
      (await findByRole(section, 'tab', /^(Pending|Pendientes)/)).click();
      await waitUntil(() => caption(pending), `no caption ${pending}`);
    });
  }

  it('moves between tabs with the arrow keys', async () => {
    await useMockApi();
    const section = await renderSection();
    const users = await findByRole(section, 'tab', 'Users');
    users.focus();
    press(users, 'ArrowRight');
    await waitUntil(() => focused()?.id === 'tab-pending');
    expect(focused()!.getAttribute('aria-selected')).to.equal('true');
    press(focused()!, 'End');
    await waitUntil(() => focused()?.id === 'tab-activity');
    press(focused()!, 'ArrowLeft');
    await waitUntil(() => focused()?.id === 'tab-deactivated');
    await findText(section, 'Deactivated users');
    press(focused()!, 'End');
    await waitUntil(() => focused()?.id === 'tab-activity');
    press(focused()!, 'ArrowRight');
    await waitUntil(() => focused()?.id === 'tab-users');
  });

  it('updates the seat meter after removing invitations in the Pending tab, without a reload', async () => {
    await useMockApi();
    const section = await renderSection();
    (await findByRole(section, 'tab', /Pending/)).click();
    (await findByRole(section, 'checkbox', 'Select chloe.dubois@riverside.example')).click();
    (await findByRole(section, 'button', 'Remove')).click();
    (await findByRole(await findByRole(section, 'dialog'), 'button', 'Remove')).click();
    await waitUntil(
      () => meterText(section) === 'Total 25 Active 10 Pending, valid or expired 6 Still valid 4 Expired 2 Available 9',
    );
    await waitUntil(() => pendingCount(section) === '6');
  });

  it('invites from the dialog; the meter and the Pending tab follow', async () => {
    const mock = await useMockApi();
    const section = await renderSection();
    const opener = await findByRole(section, 'button', 'Invite New Users');
    opener.focus();
    opener.click();
    const dialog = await findByRole(section, 'dialog');
    await waitUntil(() => focused()?.getAttribute('part') === 'email-input');
    paste(focused() as HTMLInputElement, 'new1@x.org, new2@x.org');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await waitUntil(
      () => meterText(section) === 'Total 25 Active 10 Pending, valid or expired 9 Still valid 6 Expired 3 Available 6',
    );
    (await findByRole(dialog, 'button', 'Done')).click();
    await waitUntil(() => focused() === opener);
    await waitUntil(() => pendingCount(section) === '9');
    (await findByRole(section, 'tab', 'Pending 9')).click();
    await findByRole(section, 'checkbox', 'Select new1@x.org');
    expect(await mock.store.mails('new2@x.org')).to.have.length(1);
  });

  it('sends the admin from a seat refusal to the expired invitations in the Pending tab', async () => {
    await useMockApi();
    const section = await renderSection();
    (await findByRole(section, 'button', 'Invite New Users')).click();
    await waitUntil(() => focused()?.getAttribute('part') === 'email-input');
    paste(focused() as HTMLInputElement, Array.from({ length: 9 }, (_, i) => `z${i}@x.org`).join(' '));
    (await findByRole(section, 'button', 'Show expired invitations')).click();
    await waitUntil(() => focused()?.id === 'tab-pending');
    await waitUntil(() => bodyRows(section.shadowRoot!.querySelector('#panel-pending')!).length === 3);
    const status = await findByRole<HTMLSelectElement>(section, 'combobox', /Status/);
    expect(status.value).to.equal('expired');
  });

  it('lets a host veto a deactivation before any confirmation appears', async () => {
    await useMockApi();
    const section = await renderSection();
    const request = nextEvent(section, 'member-deactivate-request');
    section.addEventListener('member-deactivate-request', (event) => event.preventDefault(), { once: true });
    (await findByRole(await findRow(section, 'Marco Rossi'), 'button', 'Deactivate Marco Rossi')).click();
    expect((await request).defaultPrevented).to.equal(true);
    const panel = section.shadowRoot!.querySelector('members-panel')!;
    await panel.updateComplete;
    expect(queryAllByRole(section, 'dialog').length).to.equal(0);
  });

  it('deactivates after a confirmation; the meter follows, and the result is shown', async () => {
    await useMockApi();
    const section = await renderSection();
    (await findByRole(await findRow(section, 'Marco Rossi'), 'button', 'Deactivate Marco Rossi')).click();
    await findText(section, 'Deactivate Marco Rossi? They lose access and their seat is freed.');
    const changed = nextEvent<{ member: { status: string } }>(section, 'members-changed');
    (await findByRole(await findByRole(section, 'dialog'), 'button', 'Deactivate')).click();
    expect((await changed).detail.member.status).to.equal('deactivated');
    await waitUntil(
      () => meterText(section) === 'Total 25 Active 9 Pending, valid or expired 7 Still valid 4 Expired 3 Available 9',
    );
    await findText(section, 'Marco Rossi was deactivated; a seat was freed.');
  });

  for (const [locale, action] of [
    ['en', 'Deactivate'],
    ['es', 'Desactivar'],
  ] as const) {
    it(`confirms a deactivation with a ${action} button in the danger style, not the primary one (${locale})`, async () => {
      await useMockApi();
      const section = await renderSection('demo-admin', { locale });
      (await findByRole(await findRow(section, 'Marco Rossi'), 'button', new RegExp(`^${action} `))).click();
      const confirm = await findByRole(await findByRole(section, 'dialog'), 'button', action);
      const danger = getComputedStyle(section).getPropertyValue('--mu-color-danger').trim() || 'rgb(179, 38, 30)';
      expect(getComputedStyle(confirm).color).to.equal(danger);
      expect(getComputedStyle(confirm).backgroundColor).not.to.equal(getComputedStyle(confirm).color);
    });
  }

  it('refuses to reactivate without a free seat, and says why where the admin acted', async () => {
    const mock = await useMockApi();
    const section = await renderSection();
    const client = createInvitationsClient({ baseUrl: MOCK_BASE_URL, getToken: () => 'demo-admin' });
    await client.members.deactivate('demo', 'usr_marco');
    await client.invitations.create('demo', {
      batches: [{ role: 'learner', emails: Array.from({ length: 9 }, (_, i) => `fill${i}@x.org`) }],
    });
    await section.refresh();
    (await findByRole(section, 'tab', 'Deactivated')).click();
    const error = nextEvent<{ message: string }>(section, 'manage-users-error');
    (await findByRole(await findRow(section, 'Marco Rossi'), 'button', 'Reactivate Marco Rossi')).click();
    await findText(section, 'No seat is free, so this user cannot be reactivated.');
    expect((await error).detail.message).to.match(/seat/);
    await expectAccessible(section, 'reactivation refused');
    expect((await mock.store.member('usr_marco'))?.status).to.equal('deactivated');
  });

  it('manages subgroups: add, rename, remove', async () => {
    const mock = await useMockApi();
    const section = await renderSection();
    (await findByRole(section, 'button', 'Subgroups')).click();
    const manager = await findByRole(section, 'dialog');
    await findText(manager, 'Radiology');
    const name = await findByRole<HTMLInputElement>(manager, 'textbox', 'Subgroup name');
    name.value = 'Pharmacy';
    (await findByRole(manager, 'button', 'Add subgroup')).click();
    (await findByRole(await findRow(manager, 'Pharmacy'), 'button', 'Rename Pharmacy')).click();
    const rename = await findByRole<HTMLInputElement>(manager, 'textbox', 'New name for Pharmacy');
    expect(rename.value).to.equal('Pharmacy');
    rename.value = 'radiology';
    (await findByRole(manager, 'button', 'Save')).click();
    await findText(manager, 'A subgroup with that name already exists.');
    await expectAccessible(section, 'subgroup error');
    rename.value = 'Pharmacy Team';
    (await findByRole(manager, 'button', 'Save')).click();
    (await findByRole(await findRow(manager, 'Pharmacy Team'), 'button', 'Remove Pharmacy Team')).click();
    await waitUntil(() => deepAll<HTMLDialogElement>(section, 'dialog.confirm')[0]?.open);
    const confirm = deepAll<HTMLDialogElement>(section, 'dialog.confirm')[0]!;
    (await findByRole(confirm, 'button', 'Remove')).click();
    await waitUntil(async () => !(await mock.store.subgroupByName('demo', 'pharmacy team')));
    expect(await mock.store.subgroupByName('demo', 'pharmacy')).to.equal(undefined);
  });

  it('shows a Learner their own status only, with no invite or management controls', async () => {
    await useMockApi();
    const section = await renderSection('demo-learner');
    await findText(
      section,
      'You are signed in as Lee Okafor (lee.learner@riverside.example), a Learner in this group.',
    );
    expect(queryAllByRole(section, 'button')).to.have.length(0);
    expect(queryAllByRole(section, 'tab')).to.have.length(0);
    await expectAccessible(section, 'learner');
  });

  it('explains a server error on the first load, tells the host, and loads on Try again', async () => {
    await useMockApi();
    fail('get', 'groups/demo/me', 503);
    const errors: string[] = [];
    const section = await fixture<ManageUsers>(
      html`<manage-users
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
        @manage-users-error=${(e: CustomEvent<{ message: string }>) => errors.push(e.detail.message)}
      ></manage-users>`,
    );
    await findText(section, 'Something went wrong on the server.');
    expect(errors).to.deep.equal(['Something went wrong on the server. Try again in a moment.']);
    await expectAccessible(section, 'server error');
    heal();
    (await findByRole(section, 'button', 'Try again')).click();
    await findByRole(section, 'button', 'Invite New Users');
  });

  it('says a first load got no answer without claiming that anything typed was kept', async () => {
    await useMockApi();
    fail('get', 'groups/demo/me', 'network');
    const section = await fixture<ManageUsers>(
      html`<manage-users base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></manage-users>`,
    );
    const message = await findText(section, "Couldn't reach the server.");
    expect(message.textContent).to.not.match(/typed/);
  });

  it('never reloads or re-fires seats-changed when callbacks are set again', async () => {
    const mock = await useMockApi();
    const section = await renderSection();
    await waitUntil(() => bodyRows(section).length === 10);
    await waitUntil(mock.idle);
    const before = mock.requests.length;
    let seatEvents = 0;
    section.addEventListener('seats-changed', () => seatEvents++);
    for (let i = 0; i < 50; i++) {
      section.getToken = () => 'demo-admin';
      section.fetch = (input, init) => fetch(input, init);
      section.now = () => Date.now();
      await section.updateComplete;
    }
    await waitUntil(mock.idle);
    expect(mock.requests.length).to.equal(before);
    expect(seatEvents).to.equal(0);
  });

  it('uses a token provider set after the first render for the next request', async () => {
    const mock = await useMockApi();
    const section = await fixture<ManageUsers>(html`<manage-users base-url="/api/v1/" group-id="demo"></manage-users>`);
    await findText(section, 'Your session has ended. Sign in again, then try again.');
    section.getToken = () => 'demo-admin';
    await findByRole(section, 'button', 'Invite New Users');
    expect(mock.requests.filter((r) => r.url.endsWith('/me'))).to.have.length(2);
  });

  it('tells the host when an invite creates a subgroup', async () => {
    await useMockApi();
    const section = await renderSection();
    (await findByRole(section, 'button', 'Invite New Users')).click();
    await waitUntil(() => focused()?.getAttribute('part') === 'email-input');
    paste(focused() as HTMLInputElement, 'night@x.org');
    const subgroup = await findByRole<HTMLInputElement>(section, 'combobox', 'Subgroup (optional)');
    subgroup.value = 'Night Shift';
    subgroup.dispatchEvent(new InputEvent('input'));
    const changed = nextEvent<{ subgroups: Array<{ name: string }> }>(section, 'subgroups-changed');
    (await findByRole(section, 'button', 'Invite Users')).click();
    expect((await changed).detail.subgroups.map((s) => s.name)).to.include('Night Shift');
  });

  it('works with a ready .client instead of base-url', async () => {
    await useMockApi();
    const section = await fixture<ManageUsers>(
      html`<manage-users
        group-id="demo"
        .client=${createInvitationsClient({ baseUrl: MOCK_BASE_URL, getToken: () => 'demo-admin' })}
      ></manage-users>`,
    );
    await findByRole(section, 'button', 'Invite New Users');
  });

  it('speaks Spanish, with dates and counts through Intl', async () => {
    await useMockApi();
    const section = await renderSection('demo-admin', { locale: 'es' });
    await findByRole(section, 'button', 'Invitar nuevos usuarios');
    await findByRole(section, 'tab', 'Pendientes 7');
    await findText(section, '17 de 25 plazas ocupadas');
    (await findByRole(section, 'tab', 'Pendientes 7')).click();
    await findText(section, 'caducó hace 5 días');
  });

  it('lets the host theme it through custom properties and forwarded parts', async () => {
    await useMockApi();
    const style = document.createElement('style');
    style.textContent = `manage-users.themed { --mu-color-accent: rgb(1, 2, 3); }
      manage-users.themed::part(row) { background-color: rgb(4, 5, 6); }
      manage-users.themed::part(invite-button) { border-radius: 13px; }`;
    document.head.append(style);
    const section = await fixture<ManageUsers>(
      html`<manage-users
        class="themed"
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></manage-users>`,
    );
    const invite = await findByRole(section, 'button', 'Invite New Users');
    expect(getComputedStyle(invite).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(invite).borderTopLeftRadius).to.equal('13px');
    await waitUntil(() => bodyRows(section).length > 0);
    expect(getComputedStyle(bodyRows(section)[0]!).backgroundColor).to.equal('rgb(4, 5, 6)');
    style.remove();
  });

  it('follows the dark colour scheme by default, and stays accessible in it', async () => {
    await useMockApi();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const section = await renderSection();
      const invite = await findByRole(section, 'button', 'Invite New Users');
      expect(getComputedStyle(invite).backgroundColor).to.equal('rgb(126, 176, 255)');
      expect(getComputedStyle(section).backgroundColor).to.equal('rgb(22, 27, 36)');
      await waitUntil(() => bodyRows(section).length > 0);
      await expectAccessible(section, 'dark scheme');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('registers its tags once, even when define runs again', async () => {
    // A second copy of define (another script on the page) must not throw.
    const again: string = '../../src/define.ts?again';
    await import(again);
    expect(customElements.get('manage-users')).to.equal(ManageUsers);
    for (const tag of ['invite-dialog', 'pending-table', 'members-panel', 'subgroups-manager'])
      expect(customElements.get(tag)).to.exist;
  });
});
