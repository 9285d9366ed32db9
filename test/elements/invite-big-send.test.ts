/**
 * The invite dialog with more addresses than one request may carry (500): they go in several
 * requests, one after another, with progress said, and one table of results; a stop part-way
 * keeps what did not go in the boxes, and sending again sends only that.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { InviteDialog } from '../../src/index.ts';
import { fail, heal, hold, useMockApi, type SeenRequest } from '../helpers/mock-worker.ts';
import { deepAll, findByRole, findText, nextEvent, paste } from '../helpers/dom.ts';
import { expectAccessible } from '../helpers/axe.ts';
import { chips, emailInputs, openDialog } from '../helpers/invite-dialog.ts';

const INVITATIONS = 'groups/demo/invitations';

/** `n` new addresses: p0@big.example, p1@big.example… */
const addresses = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@big.example`);

interface InviteBody {
  batches: Array<{ role: string; emails: string[]; subgroup?: { id: string } | { name: string } }>;
}

/** A fresh mock API whose demo group has `free` seats free. */
async function groupWithFreeSeats(free: number) {
  const mock = await useMockApi();
  const answer = await fetch('/api/v1/groups/demo', { headers: { Authorization: 'Bearer demo-admin' } });
  const { seats } = (await answer.json()) as { seats: { total: number; available: number } };
  await mock.store.setTotalSeats('demo', seats.total - seats.available + free);
  return mock;
}

/** Opens the dialog and pastes the addresses into the first box, with a subgroup if given. */
async function draft(emails: string[], { locale = '', subgroup = '' } = {}) {
  const { dialog } = await openDialog(locale);
  const [input] = emailInputs(dialog);
  paste(input!, emails.join(', '));
  await waitUntil(() => deepAll(dialog, '[part~="chips-more"]').length, 'addresses not added');
  if (subgroup) {
    const field = deepAll<HTMLInputElement>(dialog, '[part~="subgroup-input"]')[0]!;
    field.value = subgroup;
    field.dispatchEvent(new InputEvent('input'));
  }
  return dialog;
}

const submit = async (dialog: InviteDialog) =>
  (await findByRole(dialog, 'button', dialog.locale === 'es' ? 'Invitar usuarios' : 'Invite Users')).click();

/** The invite requests the page sent (each retry counts), with their bodies. */
async function invites(requests: SeenRequest[]) {
  const sent = requests.filter((r) => r.method === 'POST' && r.url.endsWith(INVITATIONS));
  return Promise.all(sent.map(async (r) => ({ key: r.idempotencyKey, body: (await r.json()) as InviteBody })));
}

const emailsOf = (body: InviteBody) => body.batches.flatMap((batch) => batch.emails);
const resultRows = (dialog: InviteDialog) => deepAll(dialog, '[part~="result"]');

describe('<invite-dialog> sending more than 500 addresses', () => {
  afterEach(() => heal());

  it('sends 1,200 addresses in 3 requests of at most 500, in order, and shows one table of results', async () => {
    const mock = await groupWithFreeSeats(2000);
    const dialog = await draft(addresses(1200));
    await submit(dialog);
    await findText(dialog, '1,200 invitations queued to send.');
    const sent = await invites(mock.requests);
    expect(sent.map(({ body }) => emailsOf(body).length)).to.deep.equal([500, 500, 200]);
    expect(sent.flatMap(({ body }) => emailsOf(body))).to.deep.equal(addresses(1200));
    expect(new Set(sent.map(({ key }) => key)).size).to.equal(3);
    expect(resultRows(dialog)).to.have.length(100);
    await findText(dialog, 'and 1,100 more addresses');
  });

  it("shows 100 of a box's 1,200 addresses, those that take no seat first, and counts the others", async () => {
    await groupWithFreeSeats(2000);
    const emails = addresses(1200);
    emails[1100] = 'not-an-email';
    const dialog = await draft(emails);
    const shown = chips(dialog);
    expect(shown).to.have.length(100);
    expect(shown[0]).to.equal('not-an-email not a valid address');
    expect(shown.slice(1)).to.deep.equal(emails.slice(0, 99));
    await findText(dialog, 'and 1,100 more addresses');
    await findText(dialog, 'Fix or remove 1 address that is not valid before sending.');
  });

  it('looks up 1,200 addresses for the seat preview in 3 requests on their way together', async () => {
    const mock = await groupWithFreeSeats(2000);
    const release = hold('post', 'groups/demo/addresses/lookup');
    const dialog = await draft(addresses(1200));
    const lookups = () => mock.requests.filter((r) => r.url.endsWith('/addresses/lookup'));
    await waitUntil(() => lookups().length === 3, 'the look-ups did not go together');
    release();
    await findText(dialog, 'This sends 1,200 invitations; 2,000 seats are free.');
    expect(lookups()).to.have.length(3);
  });

  it('says which addresses are on their way while the send goes ("Sending addresses 501–1,000 of 1,200…")', async () => {
    await groupWithFreeSeats(2000);
    const dialog = await draft(addresses(1200));
    const said = (text: string) => () => deepAll(dialog, '[role="status"]').some((s) => s.textContent.trim() === text);
    const release = hold('post', INVITATIONS);
    let releaseSecond = () => {};
    void nextEvent(dialog, 'invitations-sent').then(() => (releaseSecond = hold('post', INVITATIONS)));
    await submit(dialog);
    await waitUntil(said('Sending addresses 1–500 of 1,200…'), 'first request not said');
    await expectAccessible(dialog, 'sending in several requests');
    release();
    await waitUntil(said('Sending addresses 501–1,000 of 1,200…'), 'second request not said');
    releaseSecond();
    await findText(dialog, '1,200 invitations queued to send.');
  });

  it('does not read the seat preview out while the send goes', async () => {
    await groupWithFreeSeats(2000);
    const dialog = await draft(addresses(1200));
    const region = deepAll(dialog, '[aria-live="polite"]')[0]!;
    const readOut: string[] = [];
    new MutationObserver(() => readOut.push(region.textContent.trim())).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    let release = () => {};
    void nextEvent(dialog, 'invitations-sent').then(() => (release = hold('post', INVITATIONS)));
    await submit(dialog);
    const preview = 'This sends 700 invitations; 1,500 seats are free.';
    await findText(dialog, preview);
    // The preview is read out after a pause of 1 s: watch the live region for twice that long.
    const read = await waitUntil(() => readOut.includes(preview), 'not read', { timeout: 2000 }).then(
      () => true,
      () => false,
    );
    release();
    await findText(dialog, '1,200 invitations queued to send.');
    expect(read).to.equal(false);
  });

  it('sends nothing when the preview knows the addresses need more seats than are free, and says so', async () => {
    const mock = await groupWithFreeSeats(700);
    // 100 of the addresses are invited already: they take no seat, so 1,100 are needed and 600 are free.
    await fetch(`/api/v1/${INVITATIONS}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-admin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ batches: [{ role: 'learner', emails: addresses(100) }] }),
    });
    const dialog = await draft(addresses(1200));
    await findText(dialog, 'This sends 1,100 invitations; 600 seats are free.');
    const before = (await invites(mock.requests)).length;
    await submit(dialog);
    await findText(dialog, /This needs 1,100 seats but only 600 are free\./);
    await findByRole(dialog, 'alert');
    expect(await invites(mock.requests)).to.have.length(before);
    expect(chips(dialog)).to.have.length(100);
    await findText(dialog, 'and 1,100 more addresses');
    await expectAccessible(dialog, 'seats short for a send in several requests');
  });

  it('when the addresses could not be looked up, stops when seats run out part-way, keeps the addresses that did not go, and says how many went', async () => {
    await groupWithFreeSeats(600);
    fail('post', 'groups/demo/addresses/lookup', 503);
    const dialog = await draft(addresses(1200));
    await submit(dialog);
    await findText(dialog, '500 of 1,200 addresses went out; the other 700 were not sent and are still here.');
    await findText(dialog, /This needs 700 seats but only 100 are free\./);
    expect(chips(dialog)).to.deep.equal(addresses(1200).slice(500, 600));
    await findText(dialog, 'and 600 more addresses');
    expect(resultRows(dialog)).to.have.length(0);
    await expectAccessible(dialog, 'seats ran out part-way');
  });

  it('after a stop part-way, Clear starts afresh: the next results hold only the next send', async () => {
    await groupWithFreeSeats(600);
    const dialog = await draft(addresses(1200));
    await submit(dialog);
    await findText(dialog, /500 of 1,200 addresses went out/);
    dialog.close();
    await dialog.show();
    (await findByRole(dialog, 'button', 'Clear')).click();
    await waitUntil(() => chips(dialog).length === 0, 'draft not cleared');
    paste(emailInputs(dialog)[0]!, 'solo@x.org');
    await waitUntil(() => chips(dialog).length === 1, 'address not added');
    await submit(dialog);
    await findText(dialog, '1 invitation queued to send.');
    expect(resultRows(dialog)).to.have.length(1);
  });

  it('after a network failure part-way, sending again sends only what did not go, the failed request with its key', async () => {
    const mock = await groupWithFreeSeats(2000);
    const dialog = await draft(addresses(1200));
    void nextEvent(dialog, 'invitations-sent').then(() => fail('post', INVITATIONS, 'network'));
    await submit(dialog);
    await findText(dialog, /500 of 1,200 addresses went out; the other 700 were not sent/);
    await findText(dialog, 'and 600 more addresses');
    await expectAccessible(dialog, 'network failure part-way');
    heal();
    await submit(dialog);
    // Every address was invited once: none came back "Already invited".
    await findText(dialog, '1,200 invitations queued to send.');
    const sent = await invites(mock.requests);
    const failed = sent.filter(({ key }) => key === sent[1]!.key);
    // The SDK tries a request three times; the admin's retry sends it a fourth time, with the same key and body.
    expect(failed).to.have.length(4);
    for (const { body } of failed) expect(body).to.deep.equal(failed[0]!.body);
    expect(new Set(sent.map(({ key }) => key)).size).to.equal(3);
    expect(resultRows(dialog).filter((row) => !row.matches('[part~="result-invited"]'))).to.have.length(0);
  });

  it('creates a new subgroup once, with the first request, and the results say it was created', async () => {
    const mock = await groupWithFreeSeats(2000);
    const dialog = await draft(addresses(1200), { subgroup: 'Night shift' });
    await submit(dialog);
    await findText(dialog, 'New subgroup created: Night shift.');
    const subgroups = (await invites(mock.requests)).map(({ body }) => body.batches[0]!.subgroup);
    expect(subgroups[0]).to.deep.equal({ name: 'Night shift' });
    const [later, last] = subgroups.slice(1);
    expect(later).to.have.property('id');
    expect(last).to.deep.equal(later);
    const listed = await fetch('/api/v1/groups/demo/subgroups', { headers: { Authorization: 'Bearer demo-admin' } });
    const { items } = (await listed.json()) as { items: Array<{ name: string }> };
    expect(items.filter((s) => s.name === 'Night shift')).to.have.length(1);
    await expectAccessible(dialog, 'results with a new subgroup');
  });

  // Spanish writes 1200 without a separator (from five digits on: 12.000).
  it('in Spanish, says the progress and the new subgroup', async () => {
    await groupWithFreeSeats(2000);
    const dialog = await draft(addresses(1200), { locale: 'es', subgroup: 'Turno de noche' });
    const release = hold('post', INVITATIONS);
    await submit(dialog);
    await findText(dialog, 'Enviando las direcciones 1–500 de 1200…');
    release();
    await findText(dialog, 'Subgrupo nuevo creado: Turno de noche.');
    await findText(dialog, '1200 invitaciones en cola de envío.');
  });
});
