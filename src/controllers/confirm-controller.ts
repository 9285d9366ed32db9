/**
 * "Are you sure?" in a native modal dialog. `ask()` resolves true when the admin confirms;
 * the dialog is closed with `close()`, so the browser gives focus back to what had it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

interface Question {
  message: string;
  action: string;
  resolve: (confirmed: boolean) => void;
}

export class ConfirmController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  #question: Question | undefined;
  #answer = false;
  #shown = false;

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  /** Asks in a modal dialog; resolves true when the admin confirms. */
  ask(message: string, action: string): Promise<boolean> {
    this.#question?.resolve(false);
    return new Promise((resolve) => {
      this.#question = { message, action, resolve };
      this.#answer = false;
      this.#shown = false;
      this.#host.requestUpdate();
    });
  }

  hostUpdated() {
    const dialog = this.#dialog;
    // Once per question: a dialog closing (its close event still to come) is not reopened.
    if (this.#question && !this.#shown && dialog) {
      this.#shown = true;
      dialog.showModal();
    }
  }

  get #dialog() {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
  }

  #choose(confirmed: boolean) {
    this.#answer = confirmed;
    this.#dialog?.close();
  }

  /** The dialog closed (a button, or Escape): settle with what was chosen. */
  readonly #onClose = () => {
    const question = this.#question;
    this.#question = undefined;
    this.#host.requestUpdate();
    question?.resolve(this.#answer);
  };

  /** The dialog, while a question is open. */
  render(cancel: string) {
    const question = this.#question;
    if (!question) return nothing;
    /* eslint-disable lit-a11y/no-autofocus -- in a modal dialog, autofocus is how HTML picks the first focused control:
       the least destructive one, Cancel (WAI-ARIA APG, alert dialog) */
    return html`<dialog class="confirm" part="confirm-dialog" aria-labelledby="confirm-message" @close=${this.#onClose}>
      <p id="confirm-message">${question.message}</p>
      <div class="actions">
        <button part="button cancel-button" @click=${() => this.#choose(false)} autofocus>${cancel}</button>
        <button class="danger" part="button confirm-button" @click=${() => this.#choose(true)}>
          ${question.action}
        </button>
      </div>
    </dialog>`;
    /* eslint-enable lit-a11y/no-autofocus */
  }
}
