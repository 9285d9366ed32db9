/** <subgroups-manager> used alone, against the msw handlers: add, rename, remove subgroups. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.ts';
import type { SubgroupsManager } from '../../src/index.ts';
import { useMockApi, heal } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findRow, findText, nameOf, nextEvent, queryAllByRole } from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';

async function openManager() {
  const manager = await fixture<SubgroupsManager>(
    html`<subgroups-manager base-url="/api/v1/" group-id="demo" .getToken=${() => 'demo-admin'}></subgroups-manager>`,
  );
  await manager.show();
  await findText(manager, 'Radiology');
  return manager;
}

const names = (manager: HTMLElement) => deepAll(manager, 'li strong').map((strong) => strong.textContent);

describe('<subgroups-manager>', () => {
  afterEach(() => heal());

  it('opens from its open attribute as a modal, listing subgroups with their counts', async () => {
    await useMockApi();
    const manager = await fixture<SubgroupsManager>(
      html`<subgroups-manager
        open
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></subgroups-manager>`,
    );
    const dialog = await findByRole<HTMLDialogElement>(manager, 'dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    await findText(manager, 'Radiology');
    expect(names(manager)).to.deep.equal(['Emergency Medicine', 'Nursing', 'Radiology']);
    await expectAccessible(manager, 'open');
  });

  for (const [locale, counts] of [
    ['en', '2 members, 2 pending invitations'],
    ['es', '2 miembros, 2 invitaciones pendientes'],
  ] as const) {
    it(`counts Nursing's active members only, leaving its deactivated member out (${locale})`, async () => {
      await useMockApi();
      const manager = await fixture<SubgroupsManager>(
        html`<subgroups-manager
          locale=${locale}
          base-url="/api/v1/"
          group-id="demo"
          .getToken=${() => 'demo-admin'}
        ></subgroups-manager>`,
      );
      await manager.show();
      const nursing = (await findText(manager, 'Nursing')).closest('li')!;
      await findText(nursing, counts);
    });
  }

  it('adds a subgroup, says so, and fires subgroups-changed with the new list', async () => {
    await useMockApi();
    const manager = await openManager();
    (await findByRole<HTMLInputElement>(manager, 'textbox', 'Subgroup name')).value = 'Pharmacy';
    const changed = nextEvent<{ subgroups: Array<{ name: string }> }>(manager, 'subgroups-changed');
    (await findByRole(manager, 'button', 'Add subgroup')).click();
    expect((await changed).detail.subgroups.map((s) => s.name)).to.deep.equal([
      'Emergency Medicine',
      'Nursing',
      'Pharmacy',
      'Radiology',
    ]);
    await findText(manager, 'Subgroup "Pharmacy" added.');
  });

  for (const [locale, rename, remove] of [
    ['en', 'Rename Nursing', 'Remove Nursing'],
    ['es', 'Cambiar nombre de Nursing', 'Eliminar Nursing'],
  ] as const) {
    it(`names each row's buttons with its subgroup, the visible word first (${locale})`, async () => {
      await useMockApi();
      const manager = await fixture<SubgroupsManager>(
        html`<subgroups-manager
          open
          locale=${locale}
          base-url="/api/v1/"
          group-id="demo"
          .getToken=${() => 'demo-admin'}
        ></subgroups-manager>`,
      );
      const row = await findRow(manager, 'Nursing');
      const buttons = [await findByRole(row, 'button', rename), await findByRole(row, 'button', remove)];
      for (const button of buttons) expect(nameOf(button).startsWith(button.textContent.trim())).to.equal(true);
    });
  }

  it('renames a subgroup; a name already taken is refused in words', async () => {
    const mock = await useMockApi();
    const manager = await openManager();
    (await findByRole(await findRow(manager, 'Nursing'), 'button', 'Rename Nursing')).click();
    const field = await findByRole<HTMLInputElement>(manager, 'textbox', 'New name for Nursing');
    expect(queryAllByRole(manager, 'textbox', 'Subgroup name')).to.have.length(1);
    field.value = 'radiology';
    (await findByRole(manager, 'button', 'Save')).click();
    await findByRole(manager, 'alert', 'A subgroup with that name already exists.');
    field.value = 'Nursing Team';
    (await findByRole(manager, 'button', 'Save')).click();
    await findText(manager, 'Subgroup "Nursing" renamed to "Nursing Team".');
    expect(await mock.store.subgroupByName('demo', 'nursing team')).to.not.equal(undefined);
  });

  it('Escape in the rename field cancels the rename and keeps the dialog open', async () => {
    await useMockApi();
    const manager = await openManager();
    (await findByRole(await findRow(manager, 'Nursing'), 'button', 'Rename Nursing')).click();
    const field = await findByRole<HTMLInputElement>(manager, 'textbox', 'New name for Nursing');
    field.focus();
    await sendKeys({ type: 'X' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => queryAllByRole(manager, 'textbox', 'New name for Nursing').length === 0);
    expect((await findByRole<HTMLDialogElement>(manager, 'dialog')).open).to.equal(true);
    expect(names(manager)).to.include('Nursing');
  });

  for (const [locale, rename, field, cancel, exists] of [
    ['en', 'Rename Nursing', 'New name for Nursing', 'Cancel', 'A subgroup with that name already exists.'],
    [
      'es',
      'Cambiar nombre de Nursing',
      'Nuevo nombre para Nursing',
      'Cancelar',
      'Ya existe un subgrupo con ese nombre.',
    ],
  ] as const) {
    it(`clears the "already exists" error on the next action (${locale})`, async () => {
      await useMockApi();
      const manager = await fixture<SubgroupsManager>(
        html`<subgroups-manager
          locale=${locale}
          base-url="/api/v1/"
          group-id="demo"
          .getToken=${() => 'demo-admin'}
        ></subgroups-manager>`,
      );
      await manager.show();
      (await findByRole(await findRow(manager, 'Nursing'), 'button', rename)).click();
      (await findByRole<HTMLInputElement>(manager, 'textbox', field)).value = 'radiology';
      (await findByRole(manager, 'button', locale === 'en' ? 'Save' : 'Guardar')).click();
      await findByRole(manager, 'alert', exists);
      (await findByRole(manager, 'button', cancel)).click();
      await waitUntil(() => !deepAll(manager, '[role="alert"]').some((alert) => alert.textContent.includes(exists)));
    });
  }

  it('removes a subgroup after a confirmation; a host may veto it first', async () => {
    const mock = await useMockApi();
    const manager = await openManager();
    const request = nextEvent(manager, 'subgroup-remove-request');
    manager.addEventListener('subgroup-remove-request', (event) => event.preventDefault(), { once: true });
    (await findByRole(await findRow(manager, 'Nursing'), 'button', 'Remove Nursing')).click();
    expect((await request).defaultPrevented).to.equal(true);
    await manager.updateComplete;
    expect(deepAll(manager, 'dialog.confirm').length).to.equal(0);

    (await findByRole(await findRow(manager, 'Nursing'), 'button', 'Remove Nursing')).click();
    await waitUntil(() => deepAll<HTMLDialogElement>(manager, 'dialog.confirm')[0]?.open);
    (await findByRole(deepAll(manager, 'dialog.confirm')[0]!, 'button', 'Remove')).click();
    await findText(manager, 'Subgroup "Nursing" removed.');
    expect(names(manager)).to.deep.equal(['Emergency Medicine', 'Radiology']);
    expect(await mock.store.subgroupByName('demo', 'nursing')).to.equal(undefined);
  });
});
