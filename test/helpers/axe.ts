/** axe-core in the page (it ships as UMD: import for its side effect, use window.axe). */
import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    axe: {
      run: (
        context?: unknown,
        options?: unknown,
      ) => Promise<{
        violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
      }>;
    };
  }
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe's WCAG 2.2 A/AA rules on an element (shadow roots included) and expects no
 * violation. Page-level rules (title, landmarks) belong to the host page, not the widget.
 */
export async function expectAccessible(element: Element, state: string) {
  const { violations } = await window.axe.run(element, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: WCAG_AA },
  });
  const described = violations.map(
    (v) =>
      `${v.id}: ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target) + ' ' + (n.failureSummary ?? '')).join(' | ')}`,
  );
  expect(described, `axe violations (${state})`).to.deep.equal([]);
}
