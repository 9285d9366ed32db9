/**
 * A polite live region. Announcements are debounced (only the last of a burst is read)
 * and cleared first, so the same words said twice are read twice.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

const DEBOUNCE_MS = 150;

export class Announcer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #text = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Says `text` to screen readers once the burst of changes is over (`wait` ms without another). */
  announce(text: string, wait = DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#text = '';
    this.#host.requestUpdate();
    this.#timer = setTimeout(() => {
      this.#text = text;
      this.#host.requestUpdate();
    }, wait);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#text}</div>`;
  }
}
