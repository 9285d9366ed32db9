/**
 * Finding things the way a person does, through shadow roots: by role and accessible
 * name (aria-label, aria-labelledby, label, or text), and waiting for them to appear.
 */
import { waitUntil } from '@open-wc/testing';

/** Every element under `root` matching `selector`, looking inside shadow roots. */
export function deepAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const found: E[] = [];
  const walk = (node: ParentNode) => {
    found.push(...node.querySelectorAll<E>(selector));
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  walk(root);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  return found;
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  tab: '[role="tab"]',
  checkbox: 'input[type="checkbox"]',
  radio: 'input[type="radio"]',
  textbox: 'input:not([type]), input[type="text"], input[type="search"], textarea',
  combobox: 'select, input[list]',
  row: 'tr',
  table: 'table',
  dialog: 'dialog',
  alert: '[role="alert"]',
  status: '[role="status"]',
  meter: '[role="meter"]',
};

/** Text content without what is hidden from assistive technology. */
function spokenText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(spokenText).join('');
}

/** The accessible name, as far as these elements need it. */
export function nameOf(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  if (element.id) {
    const forLabel = root.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return forLabel.textContent.replace(/\s+/g, ' ').trim();
  }
  const wrapping = element.closest('label');
  if (wrapping && wrapping !== element) return spokenText(wrapping).replace(/\s+/g, ' ').trim();
  return spokenText(element).replace(/\s+/g, ' ').trim();
}

function visible(element: Element): boolean {
  return element.checkVisibility();
}

export function queryAllByRole<E extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): E[] {
  return deepAll<E>(root, ROLE_SELECTORS[role] ?? `[role="${role}"]`).filter(
    (element) =>
      visible(element) &&
      (name === undefined || (typeof name === 'string' ? nameOf(element) === name : name.test(nameOf(element)))),
  );
}

/**
 * How long the find helpers wait. A passing test never waits this long; the margin is for a
 * loaded CI machine, where a re-render can take seconds.
 */
const WAIT = { timeout: 10_000 };

/** The one visible element with that role and name; waits for it. */
export async function findByRole<E extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): Promise<E> {
  let found: E[] = [];
  await waitUntil(
    () => (found = queryAllByRole<E>(root, role, name)).length > 0,
    `no ${role} named ${String(name)}`,
    WAIT,
  );
  return found[0]!;
}

/** Waits until some visible text under `root` matches. */
export async function findText(root: ParentNode, text: string | RegExp): Promise<HTMLElement> {
  let match: HTMLElement | undefined;
  const test = (value: string) => (typeof text === 'string' ? value.includes(text) : text.test(value));
  await waitUntil(
    () =>
      (match = deepAll(root, 'p, span, td, th, li, h2, h3, dd, dt, caption, time, strong, div').find(
        (e) => visible(e) && test((e.textContent ?? '').replace(/\s+/g, ' ')),
      )) !== undefined,
    `no text ${String(text)}`,
    WAIT,
  );
  return match!;
}

/** The element that has focus, looking inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Types into a field the way a keyboard would: a key, an input event, a render. */
export async function type(input: HTMLInputElement, text: string) {
  input.focus();
  for (const char of text) {
    input.value += char;
    input.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, data: char, inputType: 'insertText' }),
    );
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** Pastes text into a field. */
export function paste(input: HTMLInputElement, text: string) {
  input.focus();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text', text);
  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true }));
}

export function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** Waits for the next event of a name on a target. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) =>
    target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }),
  );
}

/** The table row or list item whose text includes `text`; waits for it. */
export async function findRow(root: ParentNode, text: string): Promise<HTMLElement> {
  let row: HTMLElement | undefined;
  await waitUntil(
    () => (row = deepAll(root, 'tr, li').find((e) => visible(e) && (e.textContent ?? '').includes(text))) !== undefined,
    `no row with ${text}`,
    WAIT,
  );
  return row!;
}
