/**
 * What the invite dialog keeps and says around a send and a close: a kept draft is shown
 * with Clear (issue 13, item 8); the fields are read-only while sending and closing then
 * says the invitations still go out; an invalid address's error is tied to its field; the
 * results table has a caption (issue 8).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { useMockApi } from '../helpers/mock-worker.ts';
import { findByRole, findText, focused, nextEvent, paste } from '../helpers/dom.ts';
import { chips, emailInputs, openDialog } from '../helpers/invite-dialog.ts';

describe('<invite-dialog> draft and send', () => {
  it('after Cancel, opens again with the draft and says "Draft kept"; Clear empties it', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'kept@x.org');
    (await findByRole(dialog, 'button', 'Cancel')).click();
    await waitUntil(() => !dialog.open);
    await dialog.show();
    await findText(dialog, 'Draft kept.');
    expect(chips(dialog)).to.deep.equal(['kept@x.org']);
    (await findByRole(dialog, 'button', 'Clear')).click();
    await waitUntil(() => chips(dialog).length === 0, 'the draft is still there');
    await waitUntil(() => focused() === emailInputs(dialog)[0], 'focus not in the email field');
    await findText(dialog, 'Draft cleared.');
    expect((await findText(dialog, /seats? (is|are) free/)).textContent).not.to.include('Draft kept');
  });

  it('in Spanish, says "Borrador guardado" and offers Borrar', async () => {
    await useMockApi();
    const { dialog } = await openDialog('es');
    paste(emailInputs(dialog)[0]!, 'guardado@x.org');
    (await findByRole(dialog, 'button', 'Cancelar')).click();
    await waitUntil(() => !dialog.open);
    await dialog.show();
    await findText(dialog, 'Borrador guardado.');
    (await findByRole(dialog, 'button', 'Borrar')).click();
    await waitUntil(() => chips(dialog).length === 0);
  });

  it('opens without "Draft kept" when nothing was typed', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    dialog.close();
    await dialog.show();
    await findText(dialog, /seats? (is|are) free/);
    expect(dialog.shadowRoot!.textContent).not.to.include('Draft kept');
  });

  it('while sending, the field is read-only with the reason, a paste changes nothing, and ✕ says what still happens', async () => {
    const mock = await useMockApi({ latency: 600 });
    const { dialog } = await openDialog();
    const [input] = emailInputs(dialog);
    paste(input!, 'slow@x.org');
    const sent = nextEvent(dialog, 'invitations-sent');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await findText(dialog, 'Addresses are read-only while sending.');
    expect(input!.readOnly).to.equal(true);
    expect(input!.getAttribute('aria-describedby')).to.include('sending-note');
    paste(input!, 'late@x.org');
    expect(chips(dialog)).to.deep.equal(['slow@x.org']);
    (await findByRole(dialog, 'button', 'Close')).click();
    await findText(dialog, 'The invitations go out even if you close this dialog.');
    expect(dialog.open).to.equal(true);
    await sent;
    expect(await mock.store.invitationByEmail('demo', 'slow@x.org')).to.exist;
    expect(await mock.store.invitationByEmail('demo', 'late@x.org')).to.equal(undefined);
  });

  it("ties an invalid address's error to its field and moves focus there", async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    const [input] = emailInputs(dialog);
    paste(input!, 'ok@x.org, nope@');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    await waitUntil(() => focused() === input, 'focus not on the field with the invalid address');
    expect(input!.getAttribute('aria-invalid')).to.equal('true');
    const described = input!
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => dialog.shadowRoot!.getElementById(id)?.textContent?.trim());
    expect(described).to.include('Fix or remove 1 address that is not valid before sending.');
  });

  it('gives the results table a caption that sums them up', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, 'cap1@x.org cap2@x.org');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    const table = await findByRole<HTMLTableElement>(dialog, 'table');
    await waitUntil(() => table.caption?.textContent?.trim() === '2 invitations queued to send.', 'no caption');
  });
});
