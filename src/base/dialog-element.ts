/**
 * An element that is a native modal `<dialog>` (class `main`): `show()` moves focus in,
 * closing (button, Escape) gives focus back to what had it before.
 */
import { property } from 'lit/decorators.js';
import { SectionElement } from './section-element.ts';

export class DialogElement extends SectionElement {
  /** Whether the dialog is open; use `show()` and `close()` to change it. */
  @property({ type: Boolean, reflect: true }) accessor open = false;

  #returnFocus: HTMLElement | undefined;

  /** Opens the dialog and moves focus into it. */
  async show() {
    this.#returnFocus = deepActiveElement();
    this.open = true;
    await this.updateComplete;
    const dialog = this.mainDialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    this.opened();
  }

  /** Closes the dialog; focus goes back to what had it. */
  close() {
    this.mainDialog?.close();
  }

  /** Runs after the dialog opened. */
  protected opened() {}

  protected get mainDialog() {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog.main');
  }

  /** Bind to the dialog's `close` event. */
  protected onClosed() {
    this.open = false;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
  }
}

/** The focused element, looking through shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
