/**
 * An element that is a native modal `<dialog class="main">` driven by its `open` property
 * (and the reflected attribute): opening moves focus in, closing gives it back to what
 * had it before.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface ModalHost extends ReactiveControllerHost {
  open: boolean;
  renderRoot: HTMLElement | DocumentFragment;
}

export class ModalController implements ReactiveController {
  readonly #host: ModalHost;
  #returnFocus: HTMLElement | undefined;
  /** `open` as the last update saw it. */
  #opened = false;

  constructor(host: ModalHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Opens the dialog and moves focus into it. */
  async show() {
    this.#host.open = true;
    await this.#host.updateComplete;
  }

  /** Closes the dialog; focus goes back to what had it. */
  close() {
    this.#host.open = false;
  }

  hostUpdated() {
    const dialog = this.#dialog;
    if (!dialog) return;
    // Opens only when `open` turns true: after Escape the dialog is closed while `open` is still true
    // until the close event, and an update in between (a blur committing a typed address) must not reopen it.
    const opening = this.#host.open && !this.#opened;
    this.#opened = this.#host.open;
    if (opening && !dialog.open) {
      this.#returnFocus = deepActiveElement();
      dialog.showModal();
      this.#host.renderRoot.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    } else if (!this.#host.open && dialog.open) dialog.close();
  }

  /** Bind to the dialog's `close` event (a button, Escape, or `open` set to false). */
  readonly onClose = () => {
    // A close event arrives a task after close(): by then the dialog may be open again (show() right after).
    if (this.#dialog?.open) return;
    this.#host.open = false;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
  };

  get #dialog() {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.main');
  }
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
