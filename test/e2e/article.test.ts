/**
 * The help article's whole path, end to end: the demo host page with the built widget,
 * the reference server on SQLite, a real Chromium driven by playwright-core.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../helpers/browser.ts';

/** The dialog's seat preview: its words are also read out by the live region once typing pauses. */
const preview = (dialog: Locator) => dialog.locator('[part~="seat-preview"]');

describe('the Manage Users article, end to end', () => {
  let browser: Browser;
  let page: Page;
  let origin: string;
  let stop: () => Promise<void>;
  /** Every Content-Security-Policy violation any page of the path reports. */
  const violations: string[] = [];

  before(async () => {
    const server = await listenReferenceServer();
    origin = server.origin;
    stop = server.close;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        ),
      ),
    );
  });

  after(async () => {
    await browser?.close();
    await stop?.();
  });

  const seats = async () =>
    (await page.locator('manage-users').getByRole('meter').getAttribute('aria-valuetext')) ?? '';
  const legend = async () => (await page.locator('[part~="meter-legend"]').innerText()).replace(/\s+/g, ' ');
  /** Expects the seat meter's numbers, giving them up to 5 s to settle. */
  const expectLegend = async (expected: string) => {
    const until = Date.now() + 5000;
    let seen = await legend();
    while (seen !== expected && Date.now() < until) {
      await page.waitForTimeout(100);
      seen = await legend();
    }
    assert.equal(seen, expected);
  };

  it('Step 1: the admin opens Manage Users and sees the seats', async () => {
    const response = await page.goto(origin);
    assert.match(
      response?.headers()['content-security-policy'] ?? '',
      /require-trusted-types-for 'script'; trusted-types lit-html/,
    );
    await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
    assert.equal(await seats(), '17 of 25 seats occupied');
  });

  it('Steps 2–4: invites learners into a new subgroup and admins in one send', async () => {
    await page.getByRole('button', { name: 'Invite New Users' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite New Users' });
    await dialog
      .getByRole('textbox', { name: 'Email addresses' })
      .first()
      .pressSequentially('learner1@e2e.example, learner2@e2e.example ');
    await dialog.getByRole('combobox', { name: 'Subgroup (optional)' }).first().fill('Night Shift');
    await dialog.getByText('New subgroup "Night Shift" will be created.').waitFor();
    await dialog.getByRole('button', { name: 'Add Admins', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Email addresses' }).nth(1).pressSequentially('chief@e2e.example');
    await preview(dialog).getByText('This sends 3 invitations; 8 seats are free.').waitFor();
    await dialog.getByRole('button', { name: 'Invite Users' }).click();
    await dialog.getByRole('region', { name: 'Results' }).getByText('3 invitations queued to send.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    assert.equal(await seats(), '20 of 25 seats occupied');
  });

  it('sees them in the Pending tab', async () => {
    await page.getByRole('tab', { name: /Pending/ }).click();
    const row = page.getByRole('row', { name: /learner1@e2e\.example/ });
    await row.waitFor();
    assert.match(await row.innerText(), /Night Shift/);
    assert.match(await row.innerText(), /Pending/);
    assert.match(await page.getByRole('row', { name: /chief@e2e\.example/ }).innerText(), /Admin/);
  });

  it('runs out of seats, is told why, removes the expired invites, and sends without retyping', async () => {
    await page.getByRole('button', { name: 'Invite New Users' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite New Users' });
    const many = Array.from({ length: 6 }, (_, i) => `wave${i}@e2e.example`).join(', ');
    await dialog.getByRole('textbox', { name: 'Email addresses' }).first().pressSequentially(`${many} `);
    await dialog.getByRole('button', { name: 'Invite Users' }).click();
    await preview(dialog).getByText('This needs 6 seats but only 5 are free.').waitFor();
    await dialog.getByText('Pending invitations hold 7 seats and expired invitations hold 3.').waitFor();
    await dialog.getByRole('button', { name: 'Remove 3 expired invitations' }).click();
    await page
      .getByRole('dialog', { name: /Remove 3 expired invitations\?/ })
      .getByRole('button', { name: 'Remove' })
      .click();
    await preview(dialog).getByText('This sends 6 invitations; 8 seats are free.').waitFor();
    await dialog.getByRole('button', { name: 'Invite Users' }).click();
    await dialog.getByRole('region', { name: 'Results' }).getByText('6 invitations queued to send.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expectLegend('Total 25 Active 10 Pending, valid or expired 13 Still valid 13 Expired 0 Available 2');
  });

  it('jumps the clock 11 days: every pending invite has expired and still holds its seat', async () => {
    await page.getByRole('button', { name: 'Jump 11 days' }).click();
    await page.waitForFunction(() => document.querySelector('#clock')?.textContent !== '');
    await page
      .getByRole('row', { name: /learner1@e2e\.example/ })
      .getByText('Expired', { exact: true })
      .waitFor();
    await expectLegend('Total 25 Active 10 Pending, valid or expired 13 Still valid 0 Expired 13 Available 2');
  });

  it('resends an expired invite from the Pending tab', async () => {
    await page
      .getByRole('row', { name: /learner1@e2e\.example/ })
      .getByRole('button', { name: 'Resend' })
      .click();
    await page
      .getByRole('row', { name: /learner1@e2e\.example/ })
      .getByText('expires in 10 days')
      .waitFor();
    await expectLegend('Total 25 Active 10 Pending, valid or expired 13 Still valid 1 Expired 12 Available 2');
  });

  it('the invitee opens the newest link from the outbox, accepts, and the seat moves from pending to active', async () => {
    await page.reload();
    const mail = page.locator('#outbox li', { hasText: 'To learner1@e2e.example' }).first();
    const link = await mail.getByRole('link', { name: 'Open accept link' }).getAttribute('href');
    const invitee = await browser.newPage();
    await invitee.goto(link!);
    await invitee
      .getByText('You are invited to join Riverside General Hospital as a Learner with learner1@e2e.example.')
      .waitFor();
    await invitee.getByLabel('Your name').fill('Lena Learner');
    await invitee.getByLabel('Choose a password').fill('a long enough password');
    await invitee.getByRole('button', { name: 'Create account' }).click();
    await invitee.getByText('Welcome, Lena Learner! Your account in Riverside General Hospital is ready.').waitFor();
    // The link is single use.
    await invitee.goto(link!);
    await invitee.getByText('This invitation link is not valid.').waitFor();
    await invitee.close();

    await page.reload();
    await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
    await expectLegend('Total 25 Active 11 Pending, valid or expired 12 Still valid 0 Expired 12 Available 2');
    await page.getByRole('row', { name: /Lena Learner/ }).waitFor();
  });

  it('runs every step under the strict CSP with zero securitypolicyviolation events', () => {
    assert.deepEqual(violations, []);
  });
});
