/**
 * The focus rule, written once: after an action, focus goes to the control the admin acts
 * on next, never to `<body>`, and stays where the admin was as far as it can.
 *
 * - An element names that control for an action (`moveTo`).
 * - A row action keeps focus in its list (rows are `part~="row"`): on the row's control while
 *   the row is shown. When a render takes the row away (removed, deactivated, no longer
 *   matching the filter), focus goes to the same control of the row that took its place, or of
 *   the previous row when it was the last, and to the list itself (`data-focus-list`, a table
 *   whose caption names it) when no row is left.
 * - When a render takes away any other focused control (a replaced view), focus goes to the
 *   element's fallback, the control marked `data-focus-fallback` (its search field, the first
 *   email field, the name field).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Pick = () => HTMLElement | null | undefined;

/** Where focus was in a list: the row's position and the control's parts. */
interface Place {
  index: number;
  part: string;
}

const ROW = '[part~="row"]';
const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]';

export class FocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #next: Pick | undefined;
  #hadFocus = false;
  #place: Place | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** After the next render, focus what `pick` returns (by default the fallback). */
  moveTo(pick: Pick = () => this.#fallback()) {
    this.#next = pick;
    this.#host.requestUpdate();
  }

  #fallback() {
    return this.#root?.querySelector<HTMLElement>('[data-focus-fallback]');
  }

  get #root() {
    return this.#host.shadowRoot;
  }

  hostUpdate() {
    // Its shadow root's activeElement too: `:focus-within` missed focus in the subgroups dialog inside <manage-users>.
    this.#hadFocus = this.#host.matches(':focus-within') || Boolean(this.#root?.activeElement);
    this.#place = this.#hadFocus ? this.#placeOf(this.#root?.activeElement) : undefined;
  }

  hostUpdated() {
    const target = this.#next?.();
    this.#next = undefined;
    if (target) target.focus();
    else if (this.#hadFocus && !this.#host.matches(':focus-within') && focusLost() && !this.#focusInPlace())
      this.#fallback()?.focus();
  }

  #placeOf(active: Element | null | undefined): Place | undefined {
    const row = active?.closest(ROW);
    if (!active || !row) return undefined;
    return { index: this.#rows().indexOf(row), part: active.getAttribute('part') ?? '' };
  }

  #rows(): Element[] {
    return [...(this.#root?.querySelectorAll(ROW) ?? [])];
  }

  /**
   * Focuses what takes the place of the control a render took away: the same control of the
   * row now at its position (or the last row), else of the nearest row that has one, else any
   * control of that row; the list when no row is left. False when focus was in no row.
   */
  #focusInPlace(): boolean {
    const place = this.#place;
    if (!place) return false;
    const rows = this.#rows();
    if (!rows.length) return this.#focusList();
    const at = Math.min(place.index, rows.length - 1);
    const nearest = [...rows.slice(at), ...rows.slice(0, at).reverse()];
    const same = (row: Element) => row.querySelector<HTMLElement>(`[part="${CSS.escape(place.part)}"]`);
    const control = nearest.map(same).find(Boolean) ?? rows[at]?.querySelector<HTMLElement>(FOCUSABLE);
    control?.focus();
    return Boolean(control);
  }

  /** The list, shown from its start: the last row's control may have scrolled a narrow table's box sideways. */
  #focusList(): boolean {
    const list = this.#root?.querySelector<HTMLElement>('[data-focus-list]');
    list?.focus({ preventScroll: true });
    list?.scrollIntoView({ block: 'nearest', inline: 'start' });
    return Boolean(list);
  }
}

/** Nothing has focus: it went back to the document's body. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}
