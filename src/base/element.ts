/**
 * What every element of the package is given by its page: where the API is, which group,
 * how to sign requests, its language; and how it tells the page about things (`emit`).
 * Behaviour comes from controllers (`src/controllers/`), not from here.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ClientOptions, InvitationsClient } from '../../sdk/index.ts';
import type { EventDetails } from '../events.ts';

export class ManageUsersElement extends LitElement {
  /** Language of the element (BCP 47); falls back to the section's, then the page's `lang`. */
  @property({ reflect: true }) accessor locale = '';
  /** Where the invitations API lives, when the element is used alone. */
  @property({ attribute: 'base-url' }) accessor baseUrl = '';
  /** The group to manage, when the element is used alone. */
  @property({ attribute: 'group-id' }) accessor groupId = '';
  /** A ready client; wins over `base-url` and the section's. */
  @property({ attribute: false }) accessor client: InvitationsClient | undefined = undefined;
  /**
   * Token provider for the client made from `base-url`, called for every request: setting
   * a new function never reloads anything.
   */
  @property({ attribute: false }) accessor getToken: ClientOptions['getToken'] = undefined;
  /** A fetch of the host's own for the client made from `base-url`, called for every request. */
  @property({ attribute: false }) accessor fetch: typeof globalThis.fetch | undefined = undefined;

  // `lang` follows `locale`, so its words are read in their language on a page in another (3.1.2).
  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (!changed.has('locale')) return;
    if (this.locale) this.lang = this.locale;
    else if (changed.get('locale')) this.removeAttribute('lang');
  }

  /** Fires a bubbling, composed event; returns false when a listener cancelled it. */
  emit<K extends keyof EventDetails>(
    name: K,
    detail: EventDetails[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}
