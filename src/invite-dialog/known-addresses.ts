/**
 * What the group holds for the addresses in the invite dialog (members, invitations), asked
 * of the server once per address (`POST addresses/lookup`) when the admin pauses, so the
 * seat preview applies the server's own rule (`planInvites`) to the same facts.
 */
import {
  ApiError,
  emailKey,
  isValidEmail,
  MAX_EMAILS_PER_REQUEST,
  type Invitation,
  type Member,
} from '../../sdk/index.ts';
import type { KnownAddresses } from '../../api/domain/plan-invites.ts';
import type { Api } from '../state/section-store.ts';

/** How long typing must pause before the addresses are looked up. */
const PAUSE_MS = 400;

/** How many look-ups (of 500 addresses each) a big list has on their way at once. */
const LOOKUPS_AT_ONCE = 3;

export class KnownAddressBook {
  readonly #members = new Map<string, Member>();
  readonly #invitations = new Map<string, Invitation>();
  readonly known: KnownAddresses = { members: this.#members, invitations: this.#invitations };
  /** Goes up with each answer, so a plan made before one can be told from one made after. */
  version = 0;
  readonly #asked = new Set<string>();
  /** The addresses answered since the last `forget`. */
  readonly #answered = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  /** The API has no look-up (a backend on an older contract answered 404 or 405): stop asking. */
  #unsupported = false;

  /**
   * After a pause, asks about the valid addresses not asked about yet (500 a request, up to
   * three requests at once) and calls `then` after each answer. A look-up on its way goes on:
   * typing only moves the next one later. A failed look-up stops the rest: the addresses not
   * answered count as new until asked again.
   */
  lookUpSoon(api: Api | undefined, addresses: string[], then: () => void) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#lookUp(api, addresses, then), PAUSE_MS);
  }

  async #lookUp(api: Api | undefined, addresses: string[], then: () => void) {
    const keys = [...new Set(addresses.filter(isValidEmail).map(emailKey))].filter((key) => !this.#asked.has(key));
    if (!api || !keys.length || this.#unsupported) return;
    for (const key of keys) this.#asked.add(key);
    const { signal } = (this.#abort ??= new AbortController());
    const parts: string[][] = [];
    for (let start = 0; start < keys.length; start += MAX_EMAILS_PER_REQUEST) {
      parts.push(keys.slice(start, start + MAX_EMAILS_PER_REQUEST));
    }
    let stopped = false;
    const lookUpParts = async () => {
      for (let asked = parts.shift(); asked; asked = parts.shift()) {
        const found = stopped
          ? undefined
          : await api.client.invitations
              .knownAddresses(api.groupId, asked, { signal })
              .catch((error: unknown) => void (this.#unsupported ||= isMissing(error)));
        // Not answered (failed, or stopped by a send): these may be asked again.
        if (!found || signal.aborted) {
          stopped = true;
          for (const key of asked) this.#asked.delete(key);
          continue;
        }
        for (const member of found.members) this.#members.set(emailKey(member.email), member);
        for (const invitation of found.invitations) this.#invitations.set(emailKey(invitation.email), invitation);
        for (const key of asked) this.#answered.add(key);
        this.version++;
        then();
      }
    };
    await Promise.all(Array.from({ length: LOOKUPS_AT_ONCE }, lookUpParts));
  }

  /** Whether every valid address of these was answered: a plan of them has all the server's facts. */
  knows(addresses: string[]): boolean {
    return addresses.every((address) => !isValidEmail(address) || this.#answered.has(emailKey(address)));
  }

  /** Stops the look-ups that are waiting or on their way (a send answers for itself). */
  cancel() {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
  }

  /** Forgets every answer: after a send or a removal, or when the dialog opens again. */
  forget() {
    this.cancel();
    this.#members.clear();
    this.#invitations.clear();
    this.#asked.clear();
    this.#answered.clear();
    this.version++;
  }
}

/** An answer saying the operation does not exist there. */
function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405);
}
