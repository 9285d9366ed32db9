/**
 * Keyboard only, every flow of the section: after each step focus is inside the widget on a
 * named control, never on <body>. Keys go through the browser (sendKeys), as a person's would.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define.ts';
import type { ManageUsers } from '../../src/index.ts';
import { useMockApi } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findRow, focused, nameOf, paste } from '../helpers/dom.ts';

async function renderSection() {
  await useMockApi();
  const section = await fixture<ManageUsers>(
    html`<manage-users base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></manage-users>`,
  );
  await findByRole(section, 'button', 'Invite New Users');
  return section;
}

/** Waits until focus is on a control inside the widget whose name matches; never <body>. */
async function expectFocusOn(section: HTMLElement, name: string | RegExp) {
  const inside = () => {
    const element = focused();
    return element !== null && element !== document.body && deepAll(section, '*').includes(element as HTMLElement);
  };
  const named = () => {
    const label = nameOf(focused()!);
    return typeof name === 'string' ? label === name : name.test(label);
  };
  await waitUntil(
    () => inside() && named(),
    `focus is not on "${String(name)}" (it is on ${focused()?.tagName} "${focused() ? nameOf(focused()!) : ''}")`,
    { timeout: 3000 },
  );
}

async function press(key: string) {
  await sendKeys({ press: key });
}

/** Puts focus on a control, as Tab would, and activates it with Enter. */
async function activate(control: HTMLElement) {
  control.focus();
  await press('Enter');
}

/** Confirms the open confirmation with the keyboard: Tab from Cancel to the action, Enter. */
async function confirmWithKeyboard(section: HTMLElement, action: string) {
  await expectFocusOn(section, 'Cancel');
  await press('Tab');
  await expectFocusOn(section, action);
  await press('Enter');
}

describe('focus after every action (keyboard only)', () => {
  it('invite with two boxes and a new subgroup: results, resend, invite more', async () => {
    const section = await renderSection();
    await activate(await findByRole(section, 'button', 'Invite New Users'));
    await expectFocusOn(section, 'Email addresses');
    await sendKeys({ type: 'n1@x.org kim.nguyen@riverside.example ' });
    (await findByRole(section, 'combobox', 'Subgroup (optional)')).focus();
    await sendKeys({ type: 'Night Shift' });
    await activate(await findByRole(section, 'button', 'Add Admins'));
    await expectFocusOn(section, 'Email addresses');
    await sendKeys({ type: 'boss@x.org' });
    await activate(await findByRole(section, 'button', 'Invite Users'));
    await expectFocusOn(section, 'Results');
    await activate(await findByRole(await findRow(section, 'kim.nguyen@riverside.example'), 'button', /Resend/));
    await expectFocusOn(section, 'Done');
    await activate(await findByRole(section, 'button', 'Invite more'));
    await expectFocusOn(section, 'Email addresses');
    await press('Escape');
    await expectFocusOn(section, 'Invite New Users');
  });

  it('Escape with an address still being typed closes the invite dialog at once, focus back on the opener', async () => {
    const section = await renderSection();
    await activate(await findByRole(section, 'button', 'Invite New Users'));
    await expectFocusOn(section, 'Email addresses');
    await sendKeys({ type: 'zz@x.org' });
    await press('Escape');
    await expectFocusOn(section, 'Invite New Users');
  });

  it('seat refusal, then Remove expired: focus stays on Invite Users', async () => {
    const section = await renderSection();
    await activate(await findByRole(section, 'button', 'Invite New Users'));
    await expectFocusOn(section, 'Email addresses');
    paste(focused() as HTMLInputElement, Array.from({ length: 10 }, (_, i) => `z${i}@x.org`).join(' '));
    await activate(await findByRole(section, 'button', 'Invite Users'));
    const removeExpired = await findByRole(section, 'button', 'Remove 3 expired invitations');
    await expectFocusOn(section, 'Invite Users');
    await activate(removeExpired);
    await confirmWithKeyboard(section, 'Remove');
    await expectFocusOn(section, 'Invite Users');
  });

  it('CSV: adding the file’s people moves on to Invite Users', async () => {
    const section = await renderSection();
    await activate(await findByRole(section, 'button', 'Invite New Users'));
    const input = deepAll<HTMLInputElement>(section, 'input[type="file"]')[0]!;
    const files = new DataTransfer();
    files.items.add(new File(['email,role\ncsv1@x.org,learner\n'], 'people.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await activate(await findByRole(section, 'button', 'Add to invitation'));
    await expectFocusOn(section, 'Invite Users');
  });

  it('Pending: select and remove, then resend a row', async () => {
    const section = await renderSection();
    const users = await findByRole(section, 'tab', 'Users');
    users.focus();
    await press('ArrowRight');
    await expectFocusOn(section, 'Pending 7');
    (await findByRole(section, 'checkbox', 'Select ana.silva@riverside.example')).focus();
    await press('Space');
    await activate(await findByRole(section, 'button', 'Remove'));
    await confirmWithKeyboard(section, 'Remove');
    // The row that took the removed one's place.
    await expectFocusOn(section, 'Select ben.cohen@riverside.example');
    await activate(await findByRole(await findRow(section, 'ben.cohen@riverside.example'), 'button', /Resend/));
    await findByRole(section, 'status', /1 invitation resent/);
    await expectFocusOn(section, 'Resend ben.cohen@riverside.example');
  });

  it('Pending, Expired: resending the last row, which is then pending, moves focus to the previous row', async () => {
    const section = await renderSection();
    (await findByRole(section, 'tab', /^Pending/)).click();
    const status = await findByRole<HTMLSelectElement>(section, 'combobox', /^Status/);
    status.value = 'expired';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => !deepAll(section, 'tr').some((row) => row.textContent.includes('kim.nguyen')));
    await activate(await findByRole(await findRow(section, 'chloe.dubois@riverside.example'), 'button', /Resend/));
    await waitUntil(() => !deepAll(section, 'tr').some((row) => row.textContent.includes('chloe.dubois')));
    await expectFocusOn(section, 'Resend ben.cohen@riverside.example');
  });

  it('Deactivated: reactivating the only one leaves focus on the table, named by its caption', async () => {
    const section = await renderSection();
    (await findByRole(section, 'tab', /^Deactivated/)).click();
    await activate(await findByRole(await findRow(section, 'Ruth Mensah'), 'button', /Reactivate/));
    await findByRole(section, 'status', /Ruth Mensah was reactivated/);
    await expectFocusOn(section, /^Deactivated users \(0\)/);
    expect(focused()!.tagName).to.equal('TABLE');
  });

  it('at 320 px, the emptied table is shown from its start, though its last Reactivate had scrolled it sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const section = await renderSection();
      (await findByRole(section, 'tab', /^Deactivated/)).click();
      const reactivate = await findByRole(await findRow(section, 'Ruth Mensah'), 'button', /Reactivate/);
      const box = reactivate.closest('.scroll')!;
      await activate(reactivate);
      expect(box.scrollLeft).to.be.above(0);
      await expectFocusOn(section, /^Deactivated users \(0\)/);
      expect(box.scrollLeft).to.equal(0);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('Users: deactivate; Deactivated: reactivate', async () => {
    const section = await renderSection();
    await activate(await findByRole(await findRow(section, 'Marco Rossi'), 'button', /Deactivate/));
    await confirmWithKeyboard(section, 'Deactivate');
    await findByRole(section, 'status', /Marco Rossi was deactivated/);
    await expectFocusOn(section, /Deactivate/);
    const users = await findByRole(section, 'tab', 'Users');
    users.focus();
    await press('End');
    await press('ArrowLeft');
    await expectFocusOn(section, 'Deactivated');
    await activate(await findByRole(await findRow(section, 'Marco Rossi'), 'button', /Reactivate/));
    await findByRole(section, 'status', /Marco Rossi was reactivated/);
    // Marco was the first of two: Ruth's row took his place.
    await expectFocusOn(section, 'Reactivate Ruth Mensah');
  });

  it('Subgroups: add, rename, remove', async () => {
    const section = await renderSection();
    await activate(await findByRole(section, 'button', 'Subgroups'));
    await expectFocusOn(section, 'Subgroup name');
    await sendKeys({ type: 'Pharmacy' });
    await press('Enter');
    await findRow(section, 'Pharmacy');
    await expectFocusOn(section, 'Subgroup name');
    await activate(await findByRole(await findRow(section, 'Pharmacy'), 'button', 'Rename Pharmacy'));
    await expectFocusOn(section, 'New name for Pharmacy');
    await sendKeys({ type: 'Pharmacy Team' });
    await press('Enter');
    await findRow(section, 'Pharmacy Team');
    await expectFocusOn(section, 'Rename Pharmacy Team');
    await activate(await findByRole(await findRow(section, 'Pharmacy Team'), 'button', 'Remove Pharmacy Team'));
    await confirmWithKeyboard(section, 'Remove');
    await waitUntil(() => !deepAll(section, 'li').some((li) => li.textContent.includes('Pharmacy Team')));
    // The row that took its place: Radiology's Remove.
    await expectFocusOn(section, 'Remove Radiology');
  });

  it('Subgroups: removing the last one in the list moves focus to the previous row, and it stays there', async () => {
    const section = await renderSection();
    await activate(await findByRole(section, 'button', 'Subgroups'));
    await activate(await findByRole(section, 'button', 'Remove Radiology'));
    await confirmWithKeyboard(section, 'Remove');
    await waitUntil(() => !deepAll(section, 'li').some((li) => li.textContent.includes('Radiology')));
    await expectFocusOn(section, 'Remove Nursing');
    // Still there once the remove has settled (the confirmation's close, the list's refresh).
    await findByRole(section, 'status', /Subgroup "Radiology" removed/);
    await section.updateComplete;
    await expectFocusOn(section, 'Remove Nursing');
  });
});
