/**
 * Colour, language and CSP on the demo host page with the built widget (and the page's own
 * outbox: dated as the table says, in the language chosen, an Admin's only): axe (WCAG 2.2 AA and
 * target size) in the light and dark schemes, with the widget's colours and the demo's host
 * theme, in English and Spanish; `lang` where the widget's language is not the page's; the
 * seat meter drawn under the demo page's CSP, which has no 'unsafe-inline'.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, listenReferenceServer } from '../helpers/browser.ts';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the whole page, shadow roots included, as "rule: targets" lines. */
async function violations(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'target-size': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, TAGS);
}

/**
 * The tables' other states, each checked by axe: every matching invitation selected, the
 * removal's confirmation, a resend's report, then the Users and Deactivated tabs.
 */
async function tableStates(page: Page, state: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const table = page.locator('pending-table');
  await table.locator('[part~="select-all"]').check();
  await table.locator('[part~="select-matching-button"]').click();
  await table.locator('[part~="clear-selection-button"]').waitFor();
  found[`${state}, all matching selected`] = await violations(page);
  await table.locator('[part~="remove-button"]').click();
  await table.getByRole('dialog').waitFor();
  found[`${state}, removal confirmation`] = await violations(page);
  await page.keyboard.press('Escape');
  await table.locator('[part~="clear-selection-button"]').click();
  await table.locator('tbody [part~="resend-button"]').first().click();
  await table.locator('.feedback p').waitFor();
  // The list reloads after a resend (dimmed meanwhile); the report stays once it has.
  await table.locator('.scroll[aria-busy="false"]').waitFor();
  found[`${state}, resend report`] = await violations(page);
  for (const tab of ['users', 'deactivated']) {
    await page.locator(`#tab-${tab}`).click();
    await page.locator(`#panel-${tab} [part~="row"]`).first().waitFor();
    found[`${state}, ${tab} tab`] = await violations(page);
  }
  await page.locator('#tab-pending').click();
  return found;
}

describe('colours, language and CSP', () => {
  let browser: Browser;
  let origin: string;
  let stop: () => Promise<void>;

  before(async () => {
    ({ origin, close: stop } = await listenReferenceServer());
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await stop?.();
  });

  async function open(options: { bypassCSP?: boolean } = {}) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(origin);
    await page.locator('[part~="invite-button"]').waitFor();
    return page;
  }

  it('is axe-clean in light and dark, with its own colours and a host theme, in English and Spanish', async () => {
    // axe is injected as a script, which the demo page's CSP would refuse.
    const page = await open({ bypassCSP: true });
    await page.evaluate(AXE);
    // Pages of 5 rows, so "Select all 7 matching" is offered.
    await page.locator('manage-users').evaluate((widget) => widget.setAttribute('page-size', '5'));
    const found: Record<string, string[]> = {};
    let filled = false;
    for (const language of ['en', 'es']) {
      await page.locator('#language').selectOption(language);
      for (const theme of ['', 'theme-host']) {
        await page.locator('#theme').selectOption(theme);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const state = `${language} ${theme || 'default'} ${colorScheme}`;
          await page.locator('#tab-pending').click();
          await page.locator('[part~="row-expired"]').first().waitFor();
          found[`${state}, Pending tab`] = await violations(page);
          Object.assign(found, await tableStates(page, state));
          await page.locator('[part~="invite-button"]').click();
          if (!filled) {
            // Kept between openings: valid, invalid and duplicate addresses, past the free seats.
            const addresses = Array.from({ length: 9 }, (_, i) => `person${i}@clinic.example`);
            await page
              .locator('[part~="email-input"]')
              .fill(`${addresses.join(', ')}, not-an-email, PERSON0@clinic.example,`);
            filled = true;
          }
          await page.locator('[part~="remove-expired-button"]').last().waitFor();
          found[`${state}, invite dialog`] = await violations(page);
          await page.keyboard.press('Escape');
        }
      }
    }
    assert.deepEqual(
      Object.entries(found).filter(([, list]) => list.length),
      [],
    );
    assert.equal(Object.keys(found).length, 56);
    await page.close();
  });

  it("marks the widget with its language when it differs from the page's", async () => {
    const page = await open();
    const widget = page.locator('manage-users');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await widget.evaluate((element) => element.setAttribute('locale', 'es'));
    await page.getByRole('button', { name: 'Invitar nuevos usuarios' }).waitFor();
    assert.equal(await widget.getAttribute('lang'), 'es');
    await widget.evaluate((element) => element.removeAttribute('locale'));
    await page.getByRole('button', { name: 'Invite New Users' }).waitFor();
    assert.equal(await widget.getAttribute('lang'), null);
    await page.close();
  });

  it('draws the seat meter in forced-colours mode, each kind of seat in its own colour', async () => {
    const page = await open();
    await page.emulateMedia({ forcedColors: 'active' });
    const colours = await page.locator('[part~="meter-bar"]').evaluate((bar) => ({
      bar: getComputedStyle(bar).backgroundColor,
      segments: [
        ...bar.querySelectorAll('[part~="meter-active"], [part~="meter-pending"], [part~="meter-expired"]'),
      ].map((segment) => getComputedStyle(segment).backgroundColor),
    }));
    assert.equal(new Set([colours.bar, ...colours.segments]).size, 4, JSON.stringify(colours));
    await page.close();
  });

  it("dates a seeded invitation's email on the day the Pending table says it was last sent", async () => {
    const page = await open();
    await page.locator('#tab-pending').click();
    const lastSent = await page
      .getByRole('row', { name: /ana\.silva/ })
      .locator('time.date')
      .innerText();
    const meta = await page
      .locator('#outbox li', { hasText: 'ana.silva@riverside.example' })
      .locator('.meta')
      .innerText();
    assert.ok(meta.includes(`· ${lastSent}`), `${meta} does not say ${lastSent}`);
    await page.close();
  });

  it('words the header and the outbox in Spanish when Spanish is chosen', async () => {
    const page = await open();
    await page.locator('#language').selectOption('es');
    await page.getByRole('heading', { name: /Bandeja de salida/ }).waitFor();
    await page.getByText('Sesión iniciada como').waitFor();
    await page
      .locator('#outbox li .meta', { hasText: /^Para / })
      .first()
      .waitFor();
    await page.close();
  });

  it('shows a Learner no outbox', async () => {
    const page = await open();
    await page.locator('#who').selectOption('demo-learner');
    await page.locator('#outbox-card').waitFor({ state: 'hidden' });
    await page.close();
  });

  it("draws the seat meter under a CSP without 'unsafe-inline', with no violation", async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.sample}`),
      );
    });
    await page.goto(origin);
    await page.locator('[part~="invite-button"]').waitFor();
    // 10 active seats of 25: the bar's first segment is 40 % of it.
    const share = await page.locator('[part~="meter-bar"]').evaluate((bar) => {
      const segment = bar.querySelector('[part~="meter-active"]')!;
      return Math.round((100 * segment.getBoundingClientRect().width) / bar.getBoundingClientRect().width);
    });
    assert.ok(Math.abs(share - 40) <= 1, `active segment is ${share} % of the bar`);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    await page.close();
  });
});
