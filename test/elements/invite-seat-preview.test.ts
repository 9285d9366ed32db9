/**
 * The invite dialog's seat preview counts what the server will count (issue 8): new
 * addresses need seats; already invited ones, members and deactivated members do not.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { fail, heal, useMockApi } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findText, nextEvent, paste, type } from '../helpers/dom.ts';
import { chips, emailInputs, openDialog } from '../helpers/invite-dialog.ts';
import type { InviteResult, Seats } from '../../sdk/index.ts';

const MIX = [
  'new.one@x.org',
  'Kim.Nguyen@riverside.example',
  'marco.rossi@riverside.example',
  'ruth.mensah@riverside.example',
  'NEW.ONE@x.org',
  'new.two@x.org',
];

describe('<invite-dialog> seat preview', () => {
  afterEach(() => heal());

  it("equals the server's count for new, already invited, member and deactivated addresses", async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, MIX.join(' '));
    await findText(dialog, 'This sends 2 invitations; 8 seats are free.');
    const sent = nextEvent<{ results: InviteResult[] }>(dialog, 'invitations-sent');
    const seats = nextEvent<{ seats: Seats }>(dialog, 'seats-changed');
    (await findByRole(dialog, 'button', 'Invite Users')).click();
    const { results } = (await sent).detail;
    expect(results.filter((r) => r.status === 'invited')).to.have.length(2);
    expect((await seats).detail.seats.available).to.equal(8 - 2);
  });

  it('says on each address why it takes no seat', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    paste(emailInputs(dialog)[0]!, MIX.join(' '));
    await waitUntil(() => chips(dialog).some((chip) => chip.includes('Already invited')), 'no address looked up');
    expect(chips(dialog)).to.deep.equal([
      'new.one@x.org',
      'Kim.Nguyen@riverside.example Already invited',
      'marco.rossi@riverside.example Already a member',
      'ruth.mensah@riverside.example Deactivated member',
      'NEW.ONE@x.org already in this invitation',
      'new.two@x.org',
    ]);
  });

  it('is read out once typing pauses, not at every keystroke', async () => {
    await useMockApi();
    const { dialog } = await openDialog();
    const region = deepAll(dialog, '[aria-live="polite"]')[0]!;
    const said: string[] = [];
    new MutationObserver(() => region.textContent.trim() && said.push(region.textContent.trim())).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await type(emailInputs(dialog)[0]!, Array.from({ length: 9 }, (_, i) => `t${i}@x.org`).join(', '));
    await waitUntil(() => said.length > 0, 'the preview was never read out', { timeout: 5000 });
    expect(said).to.deep.equal(['This sends 9 invitations; 8 seats are free. This needs 9 seats but only 8 are free.']);
  });

  it('on a backend without the look-up, counts every valid address as new and stops asking', async () => {
    const mock = await useMockApi();
    fail('post', 'groups/demo/addresses/lookup', 404);
    const { dialog } = await openDialog();
    const lookUps = () => mock.requests.filter((r) => r.url.endsWith('/addresses/lookup')).length;
    paste(emailInputs(dialog)[0]!, MIX.join(' '));
    await waitUntil(() => lookUps() === 1 && mock.idle(), 'the addresses were not looked up');
    await findText(dialog, 'This sends 5 invitations; 8 seats are free.');
    const region = deepAll(dialog, '[aria-live="polite"]')[0]!;
    paste(emailInputs(dialog)[0]!, 'one.more@x.org');
    // The preview is read out after the look-up's pause has passed.
    await waitUntil(() => region.textContent.includes('This sends 6 invitations'), 'the preview was not read out', {
      timeout: 5000,
    });
    expect(lookUps()).to.equal(1);
  });
});
