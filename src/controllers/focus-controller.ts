/**
 * The focus rule, written once: after an action, focus goes to the control the admin acts
 * on next, never to `<body>`. An element names that control for an action (`moveTo`); when
 * a render takes away the focused control (a removed row, a replaced view), focus goes to
 * the element's fallback, the control marked `data-focus-fallback` (its search field, the
 * first email field, the name field).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Pick = () => HTMLElement | null | undefined;

export class FocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #next: Pick | undefined;
  #hadFocus = false;

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
    return this.#host.shadowRoot?.querySelector<HTMLElement>('[data-focus-fallback]');
  }

  hostUpdate() {
    this.#hadFocus = this.#host.matches(':focus-within');
  }

  hostUpdated() {
    const target = this.#next?.();
    this.#next = undefined;
    if (target) target.focus();
    else if (this.#hadFocus && !this.#host.matches(':focus-within') && focusLost()) this.#fallback()?.focus();
  }
}

/** Nothing has focus: it went back to the document's body. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}
