/**
 * What a keyboard user at zoom sees, measured with playwright-core: where the focused control
 * is, whether all of it is inside the viewport, and whether it is what is drawn at its centre
 * (nothing sticky on top of it), looking through shadow roots.
 */
import type { Locator, Page } from 'playwright-core';

export interface FocusReport {
  /** Tag, input type and accessible-ish name, e.g. "button Resend". */
  name: string;
  inView: boolean;
  uncovered: boolean;
}

/** The focused control, or null when focus is on the page itself. */
export function focusReport(page: Page): Promise<FocusReport | null> {
  return page.evaluate(() => {
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (!(focused instanceof HTMLElement) || focused === document.body) return null;
    // A visually hidden (clipped) control, the CSV file input, is seen through its label.
    const shown = (getComputedStyle(focused).clip.startsWith('rect') && focused.closest('label')) || focused;
    const box = shown.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    const label =
      focused.getAttribute('aria-label') ??
      (focused as HTMLInputElement).labels?.[0]?.textContent ??
      focused.textContent ??
      '';
    const type = focused instanceof HTMLInputElement ? `[${focused.type}]` : '';
    return {
      name: `${focused.localName}${type} ${label.replace(/\s+/g, ' ').trim()}`,
      inView: box.left >= -0.5 && box.top >= -0.5 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5,
      uncovered: hit !== null && (hit === focused || shown.contains(hit)),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until focus comes back round (or 150 times), reporting every
 * control reached. Backwards, scrolling brings each control in at the top, under anything
 * sticky there; forwards, at the bottom.
 */
export async function tabThrough(page: Page, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusReport[]> {
  await page.evaluate(() => ((window as unknown as { seen: WeakSet<Element> }).seen = new WeakSet()));
  const reports: FocusReport[] = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press(key);
    const again = await page.evaluate(() => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      const seen = (window as unknown as { seen: WeakSet<Element> }).seen;
      if (!focused || focused === document.body) return false;
      if (seen.has(focused)) return true;
      seen.add(focused);
      return false;
    });
    if (again) break;
    const report = await focusReport(page);
    if (report) reports.push(report);
  }
  return reports;
}

/**
 * Opens the invite dialog and fills it past the free seats: nine Learners into a new
 * subgroup and an Admins box with one address. Returns the dialog.
 */
export async function fillInviteDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite New Users' });
  const addresses = Array.from({ length: 9 }, (_, i) => `person${i}@clinic.example`).join(', ');
  await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(`${addresses},`);
  await dialog.getByRole('combobox', { name: 'Subgroup (optional)' }).fill('Night Shift');
  await dialog.getByRole('button', { name: 'Add Admins', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Email addresses' }).nth(1).fill('chief@clinic.example,');
  await dialog.getByRole('button', { name: 'Remove 3 expired invitations' }).waitFor();
  return dialog;
}
