/**
 * Colour on the demo host page with the built widget: axe (WCAG 2.2 AA and target size) in
 * the light and dark schemes, with the widget's colours and the demo's host theme, in English
 * and Spanish.
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
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, TAGS);
}

describe('colours', () => {
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
            await page.locator('[part~="email-input"]').fill(`${addresses.join(', ')}, not-an-email, PERSON0@clinic.example,`);
            filled = true;
          }
          await page.locator('[part~="remove-expired-button"]').last().waitFor();
          found[`${state}, invite dialog`] = await violations(page);
          await page.keyboard.press('Escape');
        }
      }
    }
    assert.deepEqual(Object.entries(found).filter(([, list]) => list.length), []);
    assert.equal(Object.keys(found).length, 16);
    await page.close();
  });
});
