/**
 * The invite dialog's CSV preview (issue 13, item 4): rows that would get no new invitation
 * are flagged with the reason, and left out on request, in English and Spanish.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { InviteDialog } from '../../src/index.ts';
import { useMockApi } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findText, focused } from '../helpers/dom.ts';
import { chips, openDialog } from '../helpers/invite-dialog.ts';

const CSV = [
  'Email,Role',
  'fresh@x.org,Learner',
  'not-an-email,Learner',
  'kim.nguyen@riverside.example,Learner',
  'FRESH@x.org,Admin',
  'marco.rossi@riverside.example,Learner',
].join('\n');

function chooseFile(dialog: InviteDialog, text: string) {
  const input = deepAll<HTMLInputElement>(dialog, 'input[type="file"]')[0]!;
  const files = new DataTransfer();
  files.items.add(new File([text], 'people.csv', { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

/** The flagged rows as read: address and reason. */
const flagged = (dialog: InviteDialog) =>
  deepAll(dialog, '[part~="csv-row-flagged"]').map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim()).join(' | '),
  );

describe('<invite-dialog> CSV preview', () => {
  it('flags invalid, repeated, already invited and member rows with the reason, and leaves them out on request', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    chooseFile(dialog, CSV);
    await findText(dialog, '5 addresses in 2 boxes');
    await findText(dialog, '4 rows will not get a new invitation:');
    expect(flagged(dialog)).to.deep.equal([
      'not-an-email | Learner | — | Not a valid address',
      'kim.nguyen@riverside.example | Learner | — | Already invited',
      'FRESH@x.org | Admin | — | Listed twice',
      'marco.rossi@riverside.example | Learner | — | Already a member',
    ]);
    (await findByRole(dialog, 'button', 'Leave out 4 rows')).click();
    await findText(dialog, '1 address in 1 box');
    await waitUntil(() => focused()?.getAttribute('part')?.includes('csv-add-button'), 'focus not on Add');
    expect(flagged(dialog)).to.deep.equal([]);
    (await findByRole(dialog, 'button', 'Add to invitation')).click();
    await waitUntil(() => chips(dialog).length === 1);
    expect(chips(dialog)).to.deep.equal(['fresh@x.org']);
  });

  it('flags a row whose email cell is empty as a row with no email address, and leaves it out with the others', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    chooseFile(dialog, 'Email,Role\nfresh@x.org,Learner\n,Admin\nnot-an-email,Learner\n');
    await findText(dialog, '2 addresses in 1 box');
    await findText(dialog, '2 rows will not get a new invitation:');
    expect(flagged(dialog)).to.deep.equal([
      '— | Admin | — | No email address',
      'not-an-email | Learner | — | Not a valid address',
    ]);
    (await findByRole(dialog, 'button', 'Leave out 2 rows')).click();
    await findText(dialog, '1 address in 1 box');
    (await findByRole(dialog, 'button', 'Add to invitation')).click();
    await waitUntil(() => chips(dialog).length === 1);
    expect(chips(dialog)).to.deep.equal(['fresh@x.org']);
  });

  it('in Spanish, says a row has no email address', async () => {
    await useMockApi();
    const { dialog } = await openDialog('es');
    chooseFile(dialog, 'Email,Role\nfresh@x.org,Learner\n,Admin\n');
    await findText(dialog, 'Sin dirección de correo');
    await findByRole(dialog, 'button', 'Omitir 1 fila');
  });

  it('in Spanish, flags the rows and offers "Omitir 4 filas"', async () => {
    await useMockApi();
    const { dialog } = await openDialog('es');
    chooseFile(dialog, CSV);
    await findText(dialog, '4 filas no recibirán una invitación nueva:');
    await findText(dialog, 'Ya invitado');
    (await findByRole(dialog, 'button', 'Omitir 4 filas')).click();
    await findText(dialog, '1 dirección en 1 grupo');
  });
});
