/** <invite-dialog> used alone, against the msw handlers: steps 2–4 of the help article. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.ts';
import type { InviteDialog } from '../../src/index.ts';
import { useMockApi, fail, heal } from '../helpers/mock-worker.ts';
import {
  deepAll,
  findByRole,
  findRow,
  findText,
  focused,
  nextEvent,
  paste,
  press,
  queryAllByRole,
  type,
} from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';
import { chips, emailInputs, openDialog } from '../helpers/invite-dialog.ts';

const now = () => new Date().toISOString();

describe('<invite-dialog>', () => {
  afterEach(() => heal());

  it('opens as a modal with focus in the first email field; Escape closes it and focus goes back', async () => {
    await useMockApi();
    const { dialog, opener } = await openDialog();
    const native = await findByRole<HTMLDialogElement>(dialog, 'dialog');
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(focused()).to.equal(emailInputs(dialog)[0]);
    await expectAccessible(dialog, 'dialog open');
    native.dispatchEvent(new Event('cancel', { cancelable: true }));
    native.close();
    await waitUntil(() => !dialog.open);
    expect(focused()).to.equal(opener);
  });

  it('turns typed and pasted addresses into chips: valid, invalid, duplicate', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    const [input] = emailInputs(dialog);
    await type(input!, 'ana@x.org, ');
    paste(input!, 'Bo Li <bo@x.org>; not-an-email\nANA@x.org carl@x.org');
    await waitUntil(() => chips(dialog).length === 5);
    expect(chips(dialog)).to.deep.equal([
      'ana@x.org',
      'bo@x.org',
      'not-an-email not a valid address',
      'ANA@x.org already in this invitation',
      'carl@x.org',
    ]);
    expect(deepAll(dialog, '[part~="chip-invalid"]')).to.have.length(1);
    await findText(dialog, 'This sends 3 invitations; 8 seats are free.');
    // Backspace in the empty field takes the last address back for editing.
    press(input!, 'Backspace');
    await waitUntil(() => chips(dialog).length === 4);
    expect(input!.value).to.equal('carl@x.org');
    (await findByRole(dialog, 'button', 'Remove not-an-email')).click();
    await waitUntil(() => chips(dialog).length === 3);
  });

  it('sends nothing while an invalid address is left, and says so', async () => {
    const mock = await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'ok@x.org, nope@');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await findText(dialog, 'Fix or remove 1 address that is not valid before sending.');
    await expectAccessible(dialog, 'validation errors');
    expect(mock.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/invitations'))).to.have.length(0);
  });

  it('invites learners into a new subgroup and admins in one send, then shows per-address results', async () => {
    const mock = await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'n1@x.org n2@x.org kim.nguyen@riverside.example marco.rossi@riverside.example');
    const subgroup = await findByRole<HTMLInputElement>(dialog, 'combobox', 'Subgroup (optional)');
    await type(subgroup, 'Night Shift');
    await findText(dialog, 'New subgroup "Night Shift" will be created.');
    (await findByRole(dialog, 'button', 'Add Admins')).click();
    await waitUntil(() => emailInputs(dialog).length === 2);
    await waitUntil(() => focused() === emailInputs(dialog)[1]);
    expect(
      queryAllByRole<HTMLInputElement>(dialog, 'radio')
        .filter((r) => r.checked)
        .map((r) => r.closest('label')!.textContent.trim().split(/\s+/)[0]),
    ).to.deep.equal(['Learners', 'Admins']);
    paste(emailInputs(dialog)[1]!, 'boss@x.org');
    // An address already invited and a member's take no seat, as the server counts.
    await findText(dialog, 'This sends 3 invitations; 8 seats are free.');

    const sent = nextEvent<{ results: Array<{ email: string; status: string }> }>(dialog, 'invitations-sent');
    const submit = await findByRole(dialog, 'button', 'Invite Users');
    submit.click();
    submit.click();
    const { results } = (await sent).detail;
    expect(results.map((r) => `${r.email} ${r.status}`)).to.deep.equal([
      'n1@x.org invited',
      'n2@x.org invited',
      'kim.nguyen@riverside.example already_invited',
      'marco.rossi@riverside.example already_member',
      'boss@x.org invited',
    ]);
    expect(mock.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/invitations'))).to.have.length(1);
    await findText(dialog, '3 invitations queued to send.');
    await findText(dialog, 'Already a member');
    const night = await mock.store.subgroupByName('demo', 'night shift');
    expect(night).to.exist;
    expect((await mock.store.invitationByEmail('demo', 'n1@x.org'))?.subgroupId).to.equal(night!.id);
    expect((await mock.store.invitationByEmail('demo', 'boss@x.org'))?.role).to.equal('admin');

    // An address that was already invited can be sent its invitation again from the results.
    const resent = nextEvent<{ results: Array<{ status: string }> }>(dialog, 'invitations-resent');
    (await findByRole(await findRow(dialog, 'kim.nguyen@riverside.example'), 'button', 'Resend')).click();
    expect((await resent).detail.results[0]!.status).to.equal('resent');
    await findText(dialog, 'Resent');
    await expectAccessible(dialog, 'results');

    (await findByRole(dialog, 'button', 'Invite more')).click();
    await waitUntil(() => emailInputs(dialog).length === 1 && chips(dialog).length === 0);
  });

  it('when seats are short, explains who holds them, keeps everything typed, and frees expired seats on the spot', async () => {
    const mock = await useMockApi();
    const { dialog } = await openDialog();
    const many = Array.from({ length: 10 }, (_, i) => `p${i}@x.org`).join(', ');
    paste(emailInputs(dialog)[0]!, many);
    await findText(dialog, 'This sends 10 invitations; 8 seats are free.');
    await findText(dialog, 'Pending invitations hold 4 seats and expired invitations hold 3');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await findText(dialog, 'This needs 10 seats but only 8 are free.');
    await findByRole(dialog, 'alert');
    await expectAccessible(dialog, 'seat refusal');
    expect(chips(dialog)).to.have.length(10);
    expect(await mock.store.invitationByEmail('demo', 'p0@x.org')).to.equal(undefined);

    // Two fewer addresses would still not fit; removing the 3 expired invitations frees enough.
    (await findByRole(dialog, 'button', 'Remove p9@x.org')).click();
    (await findByRole(dialog, 'button', 'Remove p8@x.org')).click();
    await findText(dialog, 'This sends 8 invitations; 8 seats are free.');
    paste(emailInputs(dialog)[0]!, 'p8@x.org p9@x.org');
    (await findByRole(dialog, 'button', 'Remove 3 expired invitations')).click();
    const confirm = await findByRole(dialog, 'dialog', /Remove 3 expired invitations\? This frees 3 seats\./);
    const removed = nextEvent<{ count: number }>(dialog, 'invitations-removed');
    (await findByRole(confirm, 'button', 'Remove')).click();
    expect((await removed).detail.count).to.equal(3);
    await findText(dialog, 'This sends 10 invitations; 11 seats are free.');
    const sent = nextEvent(dialog, 'invitations-sent');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await sent;
    expect(await mock.store.seatCounts('demo', now())).to.deep.equal({ active: 10, pending: 14, expired: 0 });
  });

  it('when seats are short and no invitation has expired, offers no expired invitations to show or remove', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, Array.from({ length: 10 }, (_, i) => `e${i}@x.org`).join(' '));
    (await findByRole(dialog, 'button', 'Remove 3 expired invitations')).click();
    const confirm = await findByRole(dialog, 'dialog', /Remove 3 expired invitations\?/);
    (await findByRole(confirm, 'button', 'Remove')).click();
    await findText(dialog, 'This sends 10 invitations; 11 seats are free.');
    paste(emailInputs(dialog)[0]!, 'e10@x.org e11@x.org');
    await findText(dialog, /This needs 12 seats but only 11 are free\./);
    expect(queryAllByRole(dialog, 'button', /expired/)).to.have.length(0);
  });

  it("a box's chips are one tab stop: arrow keys move between their ✕ buttons, Delete removes one", async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'k1@x.org k2@x.org k3@x.org');
    await waitUntil(() => chips(dialog).length === 3, 'chips not added');
    const buttons = () => queryAllByRole<HTMLButtonElement>(dialog, 'button', /^Remove k\d@x\.org$/);
    expect(buttons().map((button) => button.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(buttons()[0]!.getAttribute('aria-describedby')).to.match(/chip-keys/);
    await findText(dialog, 'Arrow keys move between addresses; Delete removes one.');
    buttons()[0]!.focus();
    press(focused()!, 'ArrowRight');
    await waitUntil(() => focused()?.getAttribute('aria-label') === 'Remove k2@x.org', 'focus not on the next chip');
    expect(buttons().map((button) => button.tabIndex)).to.deep.equal([-1, 0, -1]);
    press(focused()!, 'End');
    await waitUntil(() => focused()?.getAttribute('aria-label') === 'Remove k3@x.org', 'focus not on the last chip');
    press(focused()!, 'Delete');
    await waitUntil(() => chips(dialog).length === 2, 'chip not removed');
    expect(chips(dialog)).to.deep.equal(['k1@x.org', 'k2@x.org']);
    await waitUntil(() => focused()?.getAttribute('aria-label') === 'Remove k2@x.org', 'focus not on a chip');
    expect(buttons().map((button) => button.tabIndex)).to.deep.equal([-1, 0]);
    await expectAccessible(dialog, 'chip focused');
  });

  it('offers the Pending tab filtered to expired invitations', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, Array.from({ length: 9 }, (_, i) => `q${i}@x.org`).join(' '));
    const show = nextEvent<{ status: string }>(dialog, 'show-pending');
    (await findByRole(dialog, 'button', 'Show expired invitations')).click();
    expect((await show).detail.status).to.equal('expired');
    await waitUntil(() => !dialog.open);
    await dialog.show();
    expect(chips(dialog)).to.have.length(9);
  });

  it('on a network failure says what happened, keeps the boxes, and sends on retry without retyping', async () => {
    const mock = await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'r1@x.org r2@x.org');
    fail('post', 'groups/demo/invitations', 'network');
    const error = nextEvent<{ message: string }>(dialog, 'manage-users-error');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    expect((await error).detail.message).to.match(/Couldn't reach the server/);
    await findText(
      dialog,
      "Couldn't reach the server. Check that you are online and try again. If it keeps failing, the server may be down or may not accept requests from this page: tell whoever runs your learning platform. Nothing you typed was lost.",
    );
    await expectAccessible(dialog, 'server error');
    expect(chips(dialog)).to.deep.equal(['r1@x.org', 'r2@x.org']);
    heal();
    const sent = nextEvent(dialog, 'invitations-sent');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await sent;
    expect(await mock.store.invitationByEmail('demo', 'r2@x.org')).to.exist;
  });

  it('reads a CSV file (email, role and subgroup columns), previews it, then fills the boxes', async () => {
    const mock = await useMockApi();
    const { dialog } = await openDialog();
    const csv =
      'Email,Role,Subgroup\ncsv1@x.org,Learner,Radiology\ncsv2@x.org,learner,Radiology\ncsv3@x.org,Admin,\n"csv4@x.org",learner,ICU\n';
    const input = deepAll<HTMLInputElement>(dialog, 'input[type="file"]')[0]!;
    const files = new DataTransfer();
    files.items.add(new File([csv], 'people.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await findText(dialog, '4 addresses in 3 boxes');
    (await findByRole(dialog, 'button', 'Add to invitation')).click();
    await waitUntil(() => emailInputs(dialog).length === 3);
    const subgroups = queryAllByRole<HTMLInputElement>(dialog, 'combobox', 'Subgroup (optional)').map((i) => i.value);
    expect(subgroups).to.deep.equal(['Radiology', '', 'ICU']);
    const sent = nextEvent(dialog, 'invitations-sent');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await sent;
    expect((await mock.store.invitationByEmail('demo', 'csv1@x.org'))?.subgroupId).to.equal('sub_radiology');
    expect((await mock.store.invitationByEmail('demo', 'csv3@x.org'))?.role).to.equal('admin');
    expect(await mock.store.subgroupByName('demo', 'icu')).to.exist;
  });

  it('removes a box and keeps the others', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    (await findByRole(dialog, 'button', 'Add Learners')).click();
    await waitUntil(() => emailInputs(dialog).length === 2);
    paste(emailInputs(dialog)[1]!, 'keep@x.org');
    (await findByRole(dialog, 'button', 'Remove Learners 1')).click();
    await waitUntil(() => emailInputs(dialog).length === 1);
    expect(chips(dialog)).to.deep.equal(['keep@x.org']);
  });

  it('keeps the name of "Ana Ruiz <ana@…>", and offers Reactivate for a deactivated member', async () => {
    const mock = await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'Ana Ruiz <ana.ruiz@x.org>, ruth.mensah@riverside.example');
    await findText(dialog, /This sends 1 invitation;/);
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await findText(dialog, '1 invitation queued to send.');
    await findText(dialog, 'Deactivated member');
    expect((await mock.store.invitationByEmail('demo', 'ana.ruiz@x.org'))?.name).to.equal('Ana Ruiz');
    const changed = nextEvent(dialog, 'members-changed');
    (await findByRole(await findRow(dialog, 'ruth.mensah@riverside.example'), 'button', 'Reactivate')).click();
    await changed;
    await findText(dialog, 'Reactivated');
    expect((await mock.store.member('usr_ruth'))?.status).to.equal('active');
  });

  it('in Spanish, says "Miembro desactivado" and offers Reactivar', async () => {
    await useMockApi();
    const dialog = await fixture<InviteDialog>(
      html`<invite-dialog
        locale="es"
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></invite-dialog>`,
    );
    await dialog.show();
    await findText(dialog, 'hay 8 plazas libres');
    paste(
      queryAllByRole<HTMLInputElement>(dialog, 'textbox', 'Direcciones de correo')[0]!,
      'ruth.mensah@riverside.example',
    );
    (await findByRole(dialog, 'button', 'Invitar usuarios')).click();
    await findText(dialog, 'Miembro desactivado');
    await findByRole(await findRow(dialog, 'ruth.mensah@riverside.example'), 'button', 'Reactivar');
  });

  it('speaks Spanish with locale="es"', async () => {
    await useMockApi();
    const dialog = await fixture<InviteDialog>(
      html`<invite-dialog
        locale="es"
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></invite-dialog>`,
    );
    await dialog.show();
    await findByRole(dialog, 'button', 'Invitar usuarios');
    await findByRole(dialog, 'button', 'Añadir alumnos');
    await findText(dialog, 'hay 8 plazas libres');
  });
});
