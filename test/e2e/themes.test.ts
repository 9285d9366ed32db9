/**
 * Colour, language and CSP on the demo host page with the built widget: axe (WCAG 2.2 AA and
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
    assert.equal(Object.keys(found).length, 16);
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
