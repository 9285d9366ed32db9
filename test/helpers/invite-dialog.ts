/** Opening a lone <invite-dialog> on the mock API, and reading its fields and chips, for the dialog's tests. */
import { fixture, html } from '@open-wc/testing';
import '../../src/define.ts';
import type { InviteDialog } from '../../src/index.ts';
import { deepAll, findText, queryAllByRole } from './dom.ts';

/** Opens a dialog used alone (after an opener had focus) and waits for its seat preview. */
export async function openDialog(locale = '') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button id="opener">Invite</button>
      <invite-dialog
        locale=${locale}
        base-url="/api/v1/"
        group-id="demo"
        .getToken=${() => 'demo-admin'}
      ></invite-dialog>
    </div>`,
  );
  const dialog = wrapper.querySelector('invite-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  await dialog.show();
  await findText(dialog, locale === 'es' ? /plazas? libres?/ : /seats? (is|are) free/);
  return { dialog, opener };
}

/** The email fields, by their label in English or Spanish. */
export const emailInputs = (dialog: InviteDialog) =>
  queryAllByRole<HTMLInputElement>(
    dialog,
    'textbox',
    dialog.locale === 'es' ? 'Direcciones de correo' : 'Email addresses',
  );

/** Each chip's address and note, as read. */
export const chips = (dialog: InviteDialog) =>
  deepAll(dialog, '[part~="chip"]').map((chip) =>
    [...chip.querySelectorAll('span')].map((span) => span.textContent.trim()).join(' '),
  );
